package dev.kilowatt.ocpp;

import static dev.kilowatt.ocpp.Samples.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import dev.kilowatt.test.RecordingLinkListener.Connected;
import dev.kilowatt.test.RecordingLinkListener.Disconnected;
import dev.kilowatt.test.RecordingLinkListener.SecurityEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.SSLParametersWebSocketServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security profiles of "Improved security for OCPP 1.6-J" against real TLS servers on loopback: who
 * the link trusts, what it presents, and which security events a refused attempt raises.
 */
class OcppJsonLinkSecurityTest extends LinkTestBase {

  /** 20 random bytes, several of them not valid UTF-8 on their own. */
  private static final String KEY = "00ff10e2a7c3b4d5f60718293a4b5c6d7e8f9012";
  private static final List<String> TEST_ROOT = List.of(Pki.pem("root.pem"));
  private static final List<String> OTHER_ROOT = List.of(Pki.pem("other-root.pem"));

  private static ConnectionSettings profile(int profile, List<String> roots, Optional<ClientCertificate> certificate) {
    return new ConnectionSettings(Optional.of(KEY), Duration.ZERO, profile, roots, certificate);
  }

  private static SSLParameters tls12(String cipherSuite) {
    return new SSLParameters(new String[] {cipherSuite}, new String[] {"TLSv1.2"});
  }

  private static SSLParameters clientCertificateRequired() {
    SSLParameters parameters = new SSLParameters();
    parameters.setNeedClientAuth(true);
    return parameters;
  }

  /** A JSSE server that performs the TLS handshake and nothing else, counting the handshakes that succeed. */
  private ScriptedServer handshakeOnly(SSLParameters parameters, BlockingQueue<SSLSession> succeeded) throws Exception {
    ScriptedServer tls = ScriptedServer.tls(Pki.server("csms.p12", "root.pem"), parameters, connection -> {
      SSLSocket socket = (SSLSocket) connection;
      socket.startHandshake();
      succeeded.add(socket.getSession());
    });
    cleanup.add(tls);
    return tls;
  }

  private SecurityEvent refused(String expectedType) throws InterruptedException {
    SecurityEvent event = listener.next(SecurityEvent.class);
    assertEquals(expectedType, event.type(), event.techInfo());
    assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE), "the link tries again later");
    assertTrue(listener.quiet(), "never connected: " + listener.untaken());
    return event;
  }

  @Test
  void basicAuthenticationCarriesTheBytesTheHexadecimalKeyStandsFor() throws Exception {
    start(TestCentralSystem.ocpp16());
    link(server.url("ws", ""), "CP-1", LinkOptions.defaults()).connect(profile(1, List.of(), Optional.empty()), listener);

    String authorization = server.nextHandshake().authorization();
    assertTrue(authorization.startsWith("Basic "), authorization);
    byte[] user = "CP-1:".getBytes(StandardCharsets.UTF_8);
    byte[] key = HexFormat.of().parseHex(KEY);
    byte[] expected = new byte[user.length + key.length];
    System.arraycopy(user, 0, expected, 0, user.length);
    System.arraycopy(key, 0, expected, user.length, key.length);
    assertArrayEquals(expected, Base64.getDecoder().decode(authorization.substring("Basic ".length())));
    listener.next(Connected.class);
  }

  @Test
  void basicAuthenticationGoesWithEveryProfileButTheCertificateOne() {
    String expected = ConnectionSecurity.basicAuthorization("CP-1", profile(1, List.of(), Optional.empty())).orElseThrow();
    assertEquals(Optional.of(expected), ConnectionSecurity.basicAuthorization("CP-1", profile(0, List.of(), Optional.empty())),
        "profile 0 still sends a key that is set, as before the white paper");
    assertEquals(Optional.of(expected), ConnectionSecurity.basicAuthorization("CP-1", profile(2, TEST_ROOT, Optional.empty())));
    assertEquals(Optional.empty(), ConnectionSecurity.basicAuthorization("CP-1", profile(3, TEST_ROOT, Optional.empty())));
    assertEquals(Optional.empty(),
        ConnectionSecurity.basicAuthorization("CP-1", new ConnectionSettings(Optional.empty(), Duration.ZERO, 1)));
  }

  @Test
  void profile2ConnectsToACentralSystemIssuedByAnInstalledRoot() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12")));
    link(server.url("wss", "/ocpp"), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);

    assertTrue(server.nextHandshake().authorization().startsWith("Basic "));
    listener.next(Connected.class);
    link.send("c-1", new HeartbeatRequest());
    assertEquals(json("[2,'c-1','Heartbeat',{}]"), server.nextReceived());
  }

  @Test
  void profile2TrustsTheInstalledRootsAloneNotTheEmbeddersContext() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12")));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults().withTls(Pki.trusting("csms.p12")))
        .connect(profile(2, OTHER_ROOT, Optional.empty()), listener);

    refused(SecurityFinding.INVALID_CENTRAL_SYSTEM_CERTIFICATE);
    assertTrue(server.handshakes.isEmpty(), "the key never went out");
  }

  @Test
  void aServerCertificateForAnotherHostIsRefused() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms-elsewhere.p12")));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);

    SecurityEvent event = refused(SecurityFinding.INVALID_CENTRAL_SYSTEM_CERTIFICATE);
    assertTrue(event.techInfo().contains("127.0.0.1"), event.techInfo());
    assertTrue(server.handshakes.isEmpty());
  }

  @Test
  void aServerBelowTls12IsRefused() throws Exception {
    BlockingQueue<Integer> alerts = new LinkedBlockingQueue<>();
    ScriptedServer tls11 = ScriptedServer.plain(connection -> {
      DataInputStream in = new DataInputStream(connection.getInputStream());
      readRecord(in);
      connection.getOutputStream().write(tls11ServerHello());
      byte[] reply = readRecord(in);
      if (reply[0] == 21) {
        alerts.add((int) reply[6]);
      }
    });
    cleanup.add(tls11);
    link(tls11.url("wss"), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);

    refused(SecurityFinding.INVALID_TLS_VERSION);
    assertEquals(70, TestCentralSystem.take(alerts), "the link told the server: protocol_version");
  }

  /** One TLS record: header and body. */
  private static byte[] readRecord(DataInputStream in) throws IOException {
    byte[] header = new byte[5];
    in.readFully(header);
    byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
    in.readFully(body);
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(header);
    record.write(body);
    return record.toByteArray();
  }

  /** What a server that speaks no TLS above 1.1 answers to a client hello (RFC 4346 7.4.1.3). */
  private static byte[] tls11ServerHello() {
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    hello.writeBytes(new byte[] {3, 2});
    hello.writeBytes(new byte[32]);
    hello.write(0);
    hello.writeBytes(new byte[] {(byte) 0xc0, 0x2f});
    hello.write(0);
    byte[] body = hello.toByteArray();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.writeBytes(new byte[] {22, 3, 2, 0, (byte) (body.length + 4), 2, 0, 0, (byte) body.length});
    record.writeBytes(body);
    return record.toByteArray();
  }

  @Test
  void aServerWithoutAnAeadCipherSuiteIsRefused() throws Exception {
    BlockingQueue<SSLSession> succeeded = new LinkedBlockingQueue<>();
    ScriptedServer cbcOnly = handshakeOnly(tls12("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"), succeeded);
    link(cbcOnly.url("wss"), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);

    refused(SecurityFinding.INVALID_TLS_CIPHER_SUITE);
    assertTrue(succeeded.isEmpty());
  }

  /** TC_086_CS: TLS 1.2 with each suite of the pair a charge point with an ECDSA-keyed central system must take (A00.FR.318). */
  @ParameterizedTest
  @ValueSource(strings = {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"})
  void aTls12ServerWithASuiteOfTheWhitePaperIsAccepted(String cipherSuite) throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12"), tls12(cipherSuite)));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);

    assertTrue(server.nextHandshake().authorization().startsWith("Basic "), "the password goes inside TLS");
    listener.next(Connected.class);
  }

  /**
   * TC_078_CS on the wire: the central system drops the connection and offers an invalid certificate at the
   * next handshake; the link refuses it, reports InvalidCentralSystemCertificate and connects again once the
   * certificate is valid.
   */
  @Test
  void aServerCertificateThatTurnsInvalidIsRefusedAndReportedUntilAValidOneIsBack() throws Exception {
    SSLParameters parameters = new SSLParameters();
    SwappableTls tls = new SwappableTls(new SSLParametersWebSocketServerFactory(Pki.server("csms.p12"), parameters),
        new SSLParametersWebSocketServerFactory(Pki.server("csms-elsewhere.p12"), parameters));
    start(TestCentralSystem.ocpp16().overTls(tls));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);
    server.awaitOpen();
    listener.next(Connected.class);

    tls.servingInvalid = true;
    server.drop();
    listener.next(Disconnected.class);
    scheduler.time.advance(scheduler.nextRetry(HANDSHAKE));
    SecurityEvent event = listener.next(SecurityEvent.class);
    assertEquals(SecurityFinding.INVALID_CENTRAL_SYSTEM_CERTIFICATE, event.type(), event.techInfo());

    tls.servingInvalid = false;
    scheduler.time.advance(scheduler.nextRetry(HANDSHAKE));
    listener.next(Connected.class);
    assertEquals(2, server.handshakes.size(), "the key went out on the valid connections only");
  }

  /** The TLS side of a server whose certificate a test swaps; each has its own context, so no session resumes across. */
  private static final class SwappableTls implements WebSocketServerFactory {
    private final WebSocketServerFactory valid;
    private final WebSocketServerFactory invalid;
    volatile boolean servingInvalid;

    SwappableTls(WebSocketServerFactory valid, WebSocketServerFactory invalid) {
      this.valid = valid;
      this.invalid = invalid;
    }

    private WebSocketServerFactory serving() {
      return servingInvalid ? invalid : valid;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
      return serving().createWebSocket(adapter, draft);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
      return serving().createWebSocket(adapter, drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
      return serving().wrapChannel(channel, key);
    }

    @Override
    public void close() {
      valid.close();
      invalid.close();
    }
  }

  @Test
  void profile3PresentsTheChargePointCertificateAndNoPassword() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12", "root.pem"), clientCertificateRequired()));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults())
        .connect(profile(3, TEST_ROOT, Optional.of(Pki.chargePoint())), listener);

    assertEquals("", server.nextHandshake().authorization());
    listener.next(Connected.class);
    List<Certificate> presented = TestCentralSystem.take(server.clientCertificates);
    assertEquals(2, presented.size(), "the certificate and its sub-CA");
    assertEquals("CN=CP-1,O=Kilowatt Test CPO", ((X509Certificate) presented.get(0)).getSubjectX500Principal().getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void aChargePointCertificateTheCentralSystemRefusesIsReported(String protocol) throws Exception {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {protocol});
    parameters.setNeedClientAuth(true);
    BlockingQueue<SSLSession> succeeded = new LinkedBlockingQueue<>();
    ScriptedServer strict = handshakeOnly(parameters, succeeded);
    link(strict.url("wss"), "CP-1", LinkOptions.defaults()).connect(profile(3, TEST_ROOT, Optional.of(Pki.stranger())), listener);

    refused(SecurityFinding.FAILED_TO_AUTHENTICATE);
    assertTrue(succeeded.isEmpty());
  }

  @Test
  void anHttp401ToTheUpgradeIsReported() throws Exception {
    BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    ScriptedServer unauthorized = ScriptedServer.plain(connection -> {
      requests.add(readHttpRequest(connection.getInputStream()));
      OutputStream out = connection.getOutputStream();
      out.write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"ocpp\"\r\nContent-Length: 0\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    });
    cleanup.add(unauthorized);
    link(unauthorized.url("ws"), "CP-1", LinkOptions.defaults()).connect(profile(1, List.of(), Optional.empty()), listener);

    assertTrue(TestCentralSystem.take(requests).contains("Authorization: Basic "));
    refused(SecurityFinding.FAILED_TO_AUTHENTICATE);
  }

  private static String readHttpRequest(InputStream in) throws IOException {
    StringBuilder request = new StringBuilder();
    while (!request.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("the request ended early: " + request);
      }
      request.append((char) next);
    }
    return request.toString();
  }

  @Test
  void newRootsApplyFromTheNextHandshakeWithoutDroppingTheConnection() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12")));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults()).connect(profile(2, TEST_ROOT, Optional.empty()), listener);
    server.awaitOpen();
    listener.next(Connected.class);

    link.reconfigure(profile(2, OTHER_ROOT, Optional.empty()));
    link.send("c-1", new HeartbeatRequest());
    assertEquals(json("[2,'c-1','Heartbeat',{}]"), server.nextReceived(), "still connected");
    assertTrue(listener.quiet());

    server.drop();
    listener.next(Disconnected.class);
    scheduler.time.advance(scheduler.nextRetry(HANDSHAKE));
    assertEquals(SecurityFinding.INVALID_CENTRAL_SYSTEM_CERTIFICATE, listener.next(SecurityEvent.class).type());
  }

  @Test
  void aNewChargePointCertificateReconnectsPresentingIt() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12", "root.pem"), clientCertificateRequired()));
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults())
        .connect(profile(3, TEST_ROOT, Optional.of(Pki.chargePoint())), listener);
    listener.next(Connected.class);

    assertEquals(2, TestCentralSystem.take(server.clientCertificates).size());

    link.reconfigure(profile(3, TEST_ROOT, Optional.of(new ClientCertificate(Pki.pem("cp-renewed.pem"), Pki.pem("cp-renewed.key")))));
    assertEquals("reconnecting with new credentials", listener.next(Disconnected.class).reason());
    listener.next(Connected.class);
    List<Certificate> presented = TestCentralSystem.take(server.clientCertificates);
    assertEquals(BigInteger.valueOf(0x3002), ((X509Certificate) presented.get(0)).getSerialNumber());
  }

  @Test
  void unusableCertificatesKeepTheLinkFromConnectingUntilTheyAreReplaced() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("csms.p12", "root.pem"), clientCertificateRequired()));
    ClientCertificate garbled = new ClientCertificate(Pki.pem("cp.pem"), "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----");
    link(server.url("wss", ""), "CP-1", LinkOptions.defaults()).connect(profile(3, TEST_ROOT, Optional.of(garbled)), listener);

    assertEquals(1L, link.counters().get("unusableCertificates"));
    assertEquals(0, scheduler.time.queued(), "no attempt, so no handshake deadline either");

    link.reconfigure(profile(3, List.of("garbage"), Optional.of(Pki.chargePoint())));
    assertEquals(2L, link.counters().get("unusableCertificates"));
    assertEquals(0, scheduler.time.queued());

    link.reconfigure(profile(3, TEST_ROOT, Optional.of(Pki.chargePoint())));
    listener.next(Connected.class);
    assertFalse(listener.untaken().stream().anyMatch(SecurityEvent.class::isInstance));
  }
}
