package dev.kilowatt.ocpp;

import dev.kilowatt.test.RecordingLinkListener;
import static dev.kilowatt.ocpp.Samples.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.test.RecordingLinkListener.Call;
import dev.kilowatt.test.RecordingLinkListener.Connected;
import dev.kilowatt.test.RecordingLinkListener.Disconnected;
import dev.kilowatt.test.RecordingLinkListener.Result;
import dev.kilowatt.ocpp.TrafficListener.Direction;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.Test;

/** The link against a real WebSocket server on loopback: the contract of every link, and what is its own. */
class OcppJsonLinkTest extends LinkContractTest {

  @Override
  CentralSystem newLink(String baseUrl, String id) {
    return link(baseUrl, id, LinkOptions.defaults());
  }

  @Override
  Map<String, Long> counters() {
    return link.counters();
  }

  /**
   * The link closes with 1002 from inside Java-WebSocket's onOpen, on the client's read thread, which then
   * stops reading and shuts the socket at once: whether the close frame leaves before that is a race in the
   * library, so the server sees either 1002 or an abnormal end (1006).
   */
  @Override
  Set<Integer> closesOnRefusedSubprotocol() {
    return Set.of(CloseFrame.PROTOCOL_ERROR, CloseFrame.ABNORMAL_CLOSE);
  }

  @Test
  void sendsNoAuthorizationWithoutAKey() throws Exception {
    start(TestCentralSystem.ocpp16());
    link(server.url("ws", ""), "CP-1", LinkOptions.defaults()).connect(OPEN, listener);

    TestCentralSystem.Handshake handshake = server.nextHandshake();
    assertEquals("/CP-1", handshake.path());
    assertEquals("", handshake.authorization());
    listener.next(Connected.class);
  }

  @Test
  void theTrafficListenerSeesEveryFrameBothWays() throws Exception {
    connected(OPEN);
    link.send("c-1", new HeartbeatRequest());
    server.nextReceived();
    server.send(json("[3,'c-1',{'currentTime':'2024-01-01T12:00:00Z'}]"));
    listener.next(Result.class);
    server.send("not json at all");
    server.send(json("[2,'cs-1','Reset',{'type':'Soft'}]"));
    listener.next(Call.class);

    assertEquals(List.of(Direction.SENT + json(" [2,'c-1','Heartbeat',{}]"),
            Direction.RECEIVED + json(" [3,'c-1',{'currentTime':'2024-01-01T12:00:00Z'}]"),
            Direction.RECEIVED + " not json at all",
            Direction.RECEIVED + json(" [2,'cs-1','Reset',{'type':'Soft'}]")),
        new ArrayList<>(traffic));
  }

  @Test
  void theTrafficListenerNeverSeesTheAuthorizationKey() throws Exception {
    connected(OPEN);
    server.send(json("[2,'cs-1','ChangeConfiguration',{'key':'AuthorizationKey','value':'4f43415f4f4354545f61646d696e5f74657374'}]"));
    listener.next(Call.class);

    assertEquals(List.of(Direction.RECEIVED + json(" [2,'cs-1','ChangeConfiguration',{'key':'AuthorizationKey','value':'***'}]")),
        new ArrayList<>(traffic));
  }

  @Test
  void aListenerMayAnswerFromWithinItsCallback() throws Exception {
    start(TestCentralSystem.ocpp16());
    link(server.url("ws", ""), "CP-1", LinkOptions.defaults()).connect(OPEN, new RecordingLinkListener(Duration.ofSeconds(TestCentralSystem.WAIT_SECONDS)) {
      @Override
      public void onCall(String callId, dev.kilowatt.core.message.CentralSystemRequest<?> request) {
        link.reply(callId, new ResetResponse(ResetStatus.REJECTED));
      }
    });
    server.nextHandshake();
    server.awaitOpen();
    server.send(json("[2,'cs-1','Reset',{'type':'Hard'}]"));
    assertEquals(json("[3,'cs-1',{'status':'Rejected'}]"), server.nextReceived());
  }

  @Test
  void reconnectsWithBackOffAfterTheCentralSystemDrops() throws Exception {
    connected(OPEN);

    server.drop();
    assertTrue(listener.next(Disconnected.class).reason().contains("1006"));
    assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE));
    server.refuse(true);
    assertEquals(0, scheduler.time.advance(Duration.ofMillis(999)));
    assertEquals(1, scheduler.time.advance(Duration.ofMillis(1)));
    server.nextHandshake();
    assertEquals(Duration.ofSeconds(2), scheduler.nextRetry(HANDSHAKE));
    scheduler.time.advance(Duration.ofSeconds(2));
    server.nextHandshake();
    assertEquals(Duration.ofSeconds(4), scheduler.nextRetry(HANDSHAKE));
    scheduler.time.advance(Duration.ofSeconds(4));
    server.nextHandshake();
    assertEquals(Duration.ofSeconds(4), scheduler.nextRetry(HANDSHAKE), "the wait stops growing at the maximum");

    server.refuse(false);
    scheduler.time.advance(Duration.ofSeconds(4));
    server.nextHandshake();
    server.awaitOpen();
    listener.next(Connected.class);
    assertEquals(3L, link.counters().get("failedConnects"));

    server.drop();
    listener.next(Disconnected.class);
    assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE), "a good connection resets the back-off");
  }

  @Test
  void disconnectStopsReconnecting() throws Exception {
    connected(OPEN);
    server.drop();
    listener.next(Disconnected.class);
    scheduler.nextRetry(HANDSHAKE);

    link.disconnect();
    assertEquals(0, scheduler.time.advance(Duration.ofHours(1)), "no attempt after disconnect()");
    assertTrue(listener.quiet());
  }

  @Test
  void disconnectClosesCleanlyAndLaterSendsAreDropped() throws Exception {
    connected(OPEN);

    link.disconnect();
    assertEquals("disconnected by the charge point", listener.next(Disconnected.class).reason());
    TestCentralSystem.Closed closed = server.nextClose();
    assertEquals(CloseFrame.NORMAL, closed.code());
    link.send("c-1", new HeartbeatRequest());
    link.reply("cs-1", new ResetResponse(ResetStatus.ACCEPTED));
    assertEquals(2L, link.counters().get("droppedOffline"));

    link.connect(OPEN, listener);
    server.nextHandshake();
    listener.next(Connected.class);
  }

  @Test
  void sendingBeforeConnectingIsDroppedQuietly() {
    link("ws://127.0.0.1:9/ocpp", "CP-1", LinkOptions.defaults()).send("c-1", new HeartbeatRequest());
    assertEquals(1L, link.counters().get("droppedOffline"));
    assertThrows(IllegalStateException.class, () -> {
      link.connect(OPEN, listener);
      link.connect(OPEN, listener);
    });
  }

  @Test
  void pingsAtTheConfiguredInterval() throws Exception {
    connected(new ConnectionSettings(Optional.empty(), Duration.ofSeconds(1), 0));
    server.nextPing();
    assertEquals(1, ConnectionSecurity.pingSeconds(Duration.ofMillis(200)));
    assertEquals(0, ConnectionSecurity.pingSeconds(Duration.ZERO));
    assertEquals(3, ConnectionSecurity.pingSeconds(Duration.ofMillis(2001)));
  }

  @Test
  void aNewPingIntervalAppliesToTheLiveConnection() throws Exception {
    connected(OPEN);

    link.reconfigure(new ConnectionSettings(Optional.empty(), Duration.ofSeconds(1), 0));
    server.nextPing();
    assertTrue(listener.quiet(), "no reconnection for a new ping interval");
  }

  @Test
  void aNewAuthorizationKeyReconnects() throws Exception {
    connected(KEYED);

    link.reconfigure(new ConnectionSettings(Optional.of("n3w"), Duration.ZERO, 1));
    assertEquals("reconnecting with new credentials", listener.next(Disconnected.class).reason());
    assertEquals("Basic " + Base64.getEncoder().encodeToString("CP-1:n3w".getBytes(StandardCharsets.UTF_8)),
        server.nextHandshake().authorization());
    listener.next(Connected.class);
  }

  @Test
  void securityProfile2RefusesAnUnencryptedUrl() throws Exception {
    start(TestCentralSystem.ocpp16());
    link(server.url("ws", ""), "CP-1", LinkOptions.defaults())
        .connect(new ConnectionSettings(Optional.of("key"), Duration.ZERO, 2), listener);

    assertEquals(0, scheduler.time.queued(), "no attempt, so no handshake deadline either");
    assertTrue(server.handshakes.isEmpty());
  }

  @Test
  void securityProfiles2And3ConnectOverTlsWithBasicAuthenticationOnlyIn2() throws Exception {
    start(TestCentralSystem.ocpp16().overTls(Pki.server("localhost.p12")));

    link(server.url("wss", "/ocpp"), "CP-1", LinkOptions.defaults().withTls(Pki.trusting("localhost.p12")))
        .connect(new ConnectionSettings(Optional.of("tls-key"), Duration.ZERO, 2), listener);
    assertEquals("Basic " + Base64.getEncoder().encodeToString("CP-1:tls-key".getBytes(StandardCharsets.UTF_8)),
        server.nextHandshake().authorization());
    listener.next(Connected.class);
    link.send("c-1", new HeartbeatRequest());
    assertEquals(json("[2,'c-1','Heartbeat',{}]"), server.nextReceived());

    link.reconfigure(new ConnectionSettings(Optional.of("tls-key"), Duration.ZERO, 3));
    listener.next(Disconnected.class);
    assertEquals("", server.nextHandshake().authorization(), "profile 3 authenticates with the client certificate");
    listener.next(Connected.class);
  }

  @Test
  void anAttemptThatHangsIsCutAtTheHandshakeDeadline() throws Exception {
    ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    cleanup.add(silent);
    link("ws://127.0.0.1:" + silent.getLocalPort(), "CP-1", LinkOptions.defaults()).connect(OPEN, listener);
    Socket accepted = silent.accept();
    cleanup.add(accepted);
    accepted.getInputStream().read(new byte[1024]);

    scheduler.time.advance(HANDSHAKE);
    assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE));
    accepted.setSoTimeout((int) Duration.ofSeconds(TestCentralSystem.WAIT_SECONDS).toMillis());
    assertEquals(-1, accepted.getInputStream().read(new byte[1024]), "the link hung up");
    assertEquals(1L, link.counters().get("failedConnects"));
    assertFalse(listener.untaken().stream().anyMatch(Connected.class::isInstance));
  }
}
