package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * The {@link CentralSystem} port over OCPP-J 1.6: OCPP JSON messages over a WebSocket with the subprotocol
 * {@code ocpp1.6}.
 *
 * <p><b>Connection.</b> The link connects to {@link CentralSystemAddress#endpoint()} ({@code ws://} or
 * {@code wss://}). While connected, a WebSocket ping goes out every {@code WebSocketPingInterval} (rounded
 * up to whole seconds; 0 turns pings off), and a connection that answers none for 1.5 intervals counts as
 * lost. A server that does not accept {@code ocpp1.6} is left at once. After every loss or failed attempt
 * the link tries again, waiting as {@link LinkOptions#backoff()} says, on the given {@link Scheduler},
 * until {@link #disconnect()}.
 *
 * <p><b>Security profiles</b> ("Improved security for OCPP 1.6-J", edition 3). With profiles 1 and 2 the
 * upgrade request carries HTTP Basic authentication: the charge point id as user and
 * {@link ConnectionSettings#basicAuthPassword()}, the bytes the hexadecimal {@code AuthorizationKey} stands
 * for, as password (A00.FR.202 to 205). Profile 0 is no profile at all; an {@code AuthorizationKey} set
 * there is still sent the same way, as charge points did before the white paper and central systems that
 * predate it expect. Profile 3 never sends it: the client certificate authenticates. Profiles 2 and 3 refuse
 * a {@code ws://} URL rather than fall back to an unencrypted link, and trust only the installed Central
 * System root certificates when there are any (else the context of {@link LinkOptions#tls()} or the JVM's
 * default); profile 3 presents the charge point certificate from the settings. Every {@code wss://}
 * handshake offers TLS 1.2 and 1.3 only, AEAD cipher suites only, and checks that the server certificate
 * names the URL's host. A connection attempt that fails for a security reason is reported through
 * {@link Listener#onSecurityEvent}: {@code InvalidCentralSystemCertificate} for a server certificate that
 * does not verify or does not name the host (A00.FR.309), {@code InvalidTLSVersion} for a server below
 * TLS 1.2 (A00.FR.315), {@code InvalidTLSCipherSuite} for a server with no acceptable cipher suite
 * (A00.FR.322), and {@code FailedToAuthenticateAtCentralSystem} for an HTTP 401 answer to the upgrade or
 * a TLS alert refusing the client certificate. {@link #reconfigure} reconnects when the key, the security
 * profile or, with profile 3, the client certificate changes, applies new trusted roots from the next
 * handshake on, and retunes the ping of the live connection.
 *
 * <p><b>No queue, no retries.</b> The link carries what the domain hands it, at once, and nothing else:
 * the domain owns the one call in flight, response time-outs, retries and the durable queue of
 * transaction messages. A call or answer handed over while the link is down is dropped (and counted),
 * since the domain already knows from {@link Listener#onDisconnected} that it is offline and queues what
 * must not be lost. Pending calls are forgotten when a connection ends: their answers cannot come on the
 * next one.
 *
 * <p><b>Validation.</b> Every inbound CALL and CALLRESULT is checked against the OCPP 1.6 JSON schema of
 * its action before it is bound to the core's records. A broken call is answered by the link itself with
 * the CALLERROR of OCPP-J 1.6 section 4.2.3 and never reaches the domain: FormationViolation for text that
 * is not JSON, a frame of the wrong shape or element types, or a property the action does not define;
 * ProtocolError for a CALL with elements missing; NotImplemented for an unknown action; NotSupported for
 * an action only charge points send; OccurenceConstraintViolation, TypeConstraintViolation and
 * PropertyConstraintViolation for payloads that miss a required field, carry a wrong JSON type, or hold a
 * bad enum value, an over-long string or a malformed date-time. A frame without a readable unique id, or
 * with a message type OCPP-J does not define, is logged, counted and otherwise ignored. An answer to one of
 * our calls that breaks its schema reaches the domain as {@link Listener#onCallError} with the code of the
 * breach; answers to unknown ids are counted and dropped. The connection stays up through all of it.
 *
 * <p><b>Threads.</b> All methods are thread-safe and never block on the network. Listener events come
 * from the link's threads or the caller's, one at a time and in the order they happened; a listener may
 * call back into the link.
 */
public final class OcppJsonLink extends LinkMachine<OcppJsonLink.Connection> {

  /** Bounds what one frame may cost in memory on a small board; far above any real OCPP message. */
  private static final int MAX_FRAME_BYTES = 1 << 20;

  private final TlsSetup tls;

  /**
   * A link to the central system at {@code address}, timing reconnection and handshake deadlines on
   * {@code scheduler}. Nothing happens before {@link #connect}.
   *
   * @param address the central system's URL and this charge point's id
   * @param scheduler the event loop the domain runs on, which the link posts to
   * @param options the back-off, handshake timeout, TLS set-up and traffic watcher
   */
  public OcppJsonLink(CentralSystemAddress address, Scheduler scheduler, LinkOptions options) {
    super(address, scheduler, options, new Payloads(), false);
    this.tls = new TlsSetup(options.tls(), () -> counters.count(Counters.UNUSABLE_CERTIFICATES));
  }

  /**
   * A link with {@link LinkOptions#defaults()}.
   *
   * @param address the central system's URL and this charge point's id
   * @param scheduler the event loop the domain runs on, which the link posts to
   */
  public OcppJsonLink(CentralSystemAddress address, Scheduler scheduler) {
    this(address, scheduler, LinkOptions.defaults());
  }

  @Override
  Optional<Connection> newAttempt(ConnectionSettings settings) {
    Optional<SSLContext> context = Optional.empty();
    if (address.secure()) {
      context = tls.contextFor(settings);
      if (context.isEmpty()) {
        return Optional.empty();
      }
    }
    Map<String, String> headers = new HashMap<>();
    ConnectionSecurity.basicAuthorization(address.chargePointId(), settings)
        .ifPresent(value -> headers.put("Authorization", value));
    return Optional.of(new Connection(address.endpoint(), headers, context));
  }

  @Override
  void start(Connection attempt, ConnectionSettings settings) {
    attempt.connect();
  }

  /** One WebSocket connection attempt; a new one for every attempt, as Java-WebSocket clients are single-use. */
  final class Connection extends WebSocketClient implements LinkAttempt {

    Connection(URI endpoint, Map<String, String> headers, Optional<SSLContext> tls) {
      super(endpoint,
          new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL), new Protocol("")), MAX_FRAME_BYTES),
          headers,
          (int) Math.min(Integer.MAX_VALUE, options.handshakeTimeout().toMillis()));
      // the empty protocol lets a server that ignores ocpp1.6 complete the handshake, so that opened()
      // can say clearly why the link leaves it
      setDaemon(true);
      // An answer followed at once by our next call (RemoteStart.conf, then Authorize) must not wait for the
      // central system's delayed ACK under Nagle's algorithm: that cost about 40 ms per exchange.
      setTcpNoDelay(true);
      tls.ifPresent(context -> setSocketFactory(context.getSocketFactory()));
    }

    @Override
    protected void onSetSSLParameters(SSLParameters parameters) {
      ConnectionSecurity.restrict(parameters);
    }

    /**
     * Pings every {@code seconds} (0: never) from now on. Java-WebSocket's connection-lost timer pings;
     * it starts only when the connection opens with a non-zero interval, so a live connection that had
     * none needs it started here.
     */
    @Override
    public void pingEvery(int seconds) {
      setConnectionLostTimeout(seconds);
      if (seconds > 0 && isOpen()) {
        startConnectionLostTimer();
      }
    }

    @Override
    public boolean sendText(String text) {
      try {
        send(text);
        return true;
      } catch (WebsocketNotConnectedException e) {
        return false;
      }
    }

    @Override
    public void retire(int code, String why) {
      if (isOpen()) {
        close(code, why);
        scheduler.schedule(CLOSE_GRACE, () -> abort(why));
      } else {
        abort(why);
      }
    }

    /** Cuts the connection without a close handshake, including while TCP or TLS is still connecting. */
    @Override
    public void abort(String why) {
      Socket socket = getSocket();
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("closing an abandoned socket failed", e);
        }
      }
      closeConnection(CloseFrame.ABNORMAL_CLOSE, why);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      IProtocol protocol = getProtocol();
      opened(this, protocol == null ? "" : protocol.getProvidedProtocol());
    }

    @Override
    public void onMessage(String text) {
      received(this, text);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      binaryFrame();
      log.warn("ignoring a binary frame of {} bytes: OCPP-J uses text frames only", bytes.remaining());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closed(this, code, reason, remote);
    }

    @Override
    public void onError(Exception e) {
      log.debug("WebSocket error", e);
      SecurityFinding.ofTlsFailure(e).ifPresent(finding -> securityEvent(this, finding));
    }
  }
}
