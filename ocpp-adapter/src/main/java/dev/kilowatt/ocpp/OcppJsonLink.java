package dev.kilowatt.ocpp;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class OcppJsonLink implements CentralSystem {

  private static final Logger LOG = LoggerFactory.getLogger(OcppJsonLink.class);

  static final String SUBPROTOCOL = "ocpp1.6";
  /** Bounds what one frame may cost in memory on a small board; far above any real OCPP message. */
  private static final int MAX_FRAME_BYTES = 1 << 20;
  /** How long a closing connection may take to finish the close handshake before it is cut. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final CentralSystemAddress address;
  private final Scheduler scheduler;
  private final LinkOptions options;
  private final Counters counters = new Counters();
  private final MessageCodec codec = new MessageCodec(Schemas.ocpp16(), counters);
  private final SerialDelivery events = new SerialDelivery();
  private final TlsSetup tls;

  private final Object lock = new Object();
  private ConnectionSettings settings;
  private Listener listener;
  private boolean running;
  /** The attempt in progress or the open connection; null while waiting to retry. */
  private Connection current;
  /** Whether {@link #current} is open with ocpp1.6 agreed. */
  private boolean open;
  /** Attempts failed since the last open connection, for the back-off. */
  private int failures;
  private Scheduler.Timer retry;
  private Scheduler.Timer handshakeDeadline;

  /**
   * A link to the central system at {@code address}, timing reconnection and handshake deadlines on
   * {@code scheduler}. Nothing happens before {@link #connect}.
   *
   * @param address the central system's URL and this charge point's id
   * @param scheduler the event loop the domain runs on, which the link posts to
   * @param options the back-off, handshake timeout, TLS set-up and traffic watcher
   */
  public OcppJsonLink(CentralSystemAddress address, Scheduler scheduler, LinkOptions options) {
    this.address = Objects.requireNonNull(address, "address");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.options = Objects.requireNonNull(options, "options");
    this.tls = new TlsSetup(options.tls(), counters);
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

  /**
   * How often each kind of trouble has happened since the link was made, by key: for each CALLERROR code
   * (e.g. {@code "FormationViolation"}), the inbound calls the link answered with it; {@code
   * unanswerableFrames}, frames ignored for want of a readable id or a known message type; {@code
   * unknownResponses}, answers to no pending call of ours; {@code invalidCallResults}, answers to our calls
   * that broke their schema; {@code binaryFrames}; {@code droppedOffline}, calls and answers handed over
   * while disconnected; {@code invalidOutbound}, our own messages that broke their schema (sent anyway);
   * {@code failedConnects}, attempts that never became a usable connection.
   *
   * @return a read-only snapshot of the counts by key
   */
  public Map<String, Long> counters() {
    return Collections.unmodifiableMap(counters.snapshot());
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      if (running) {
        throw new IllegalStateException("already connecting or connected; disconnect() first");
      }
      this.settings = settings;
      this.listener = listener;
      this.running = true;
      this.failures = 0;
    }
    attempt();
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {
    Objects.requireNonNull(settings, "settings");
    boolean reconnect = false;
    Connection retired = null;
    Connection retuned = null;
    synchronized (lock) {
      ConnectionSettings old = this.settings;
      this.settings = settings;
      if (!running) {
        return;
      }
      if (credentialsChanged(old, settings)) {
        reconnect = true;
        retired = endCurrent("reconnecting with new credentials");
        failures = 0;
      } else {
        // a link that the old settings kept from connecting (unusable certificates) may connect now
        reconnect = current == null && retry == null;
        if (!old.pingInterval().equals(settings.pingInterval())) {
          retuned = current;
        }
      }
    }
    if (retired != null) {
      retire(retired, CloseFrame.NORMAL, "new credentials");
    }
    if (retuned != null) {
      retuned.pingEvery(pingSeconds(settings.pingInterval()));
    }
    events.drain();
    if (reconnect) {
      attempt();
    }
  }

  /**
   * Whether the link presents itself differently now. New trusted roots alone do not count: they apply
   * from the next handshake, and a working connection need not be dropped for them.
   */
  private static boolean credentialsChanged(ConnectionSettings old, ConnectionSettings now) {
    return old.securityProfile() != now.securityProfile()
        || !old.authorizationKey().equals(now.authorizationKey())
        || now.securityProfile() >= 3 && !old.clientCertificate().equals(now.clientCertificate());
  }

  @Override
  public void disconnect() {
    Connection retired;
    synchronized (lock) {
      if (!running) {
        return;
      }
      running = false;
      retired = endCurrent("disconnected by the charge point");
    }
    if (retired != null) {
      retire(retired, CloseFrame.NORMAL, "charge point going offline");
    }
    events.drain();
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    Connection connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeCall(callId, request))) {
      codec.forget(callId);
      dropped(request.action().ocppName() + " call " + callId);
    }
  }

  @Override
  public void reply(String callId, Response response) {
    Connection connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeResult(callId, response))) {
      dropped("answer to " + callId);
    }
  }

  @Override
  public void replyError(String callId, CallError error) {
    Connection connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeError(callId, error))) {
      dropped("CALLERROR for " + callId);
    }
  }

  private Connection openConnection() {
    synchronized (lock) {
      return open ? current : null;
    }
  }

  private void dropped(String what) {
    counters.count(Counters.DROPPED_OFFLINE);
    LOG.debug("not connected; dropping the {}", what);
  }

  /**
   * Sends one frame; false if the connection closed under our feet. The traffic listener hears of it
   * first, so that a quick answer can never be shown before the call it answers.
   */
  private boolean transmit(Connection connection, String text) {
    watch(TrafficListener.Direction.SENT, text);
    try {
      connection.send(text);
      return true;
    } catch (WebsocketNotConnectedException e) {
      return false;
    }
  }

  private void watch(TrafficListener.Direction direction, String text) {
    try {
      options.traffic().onFrame(direction, SecretFrames.masked(text));
    } catch (RuntimeException e) {
      LOG.warn("the traffic listener failed", e);
    }
  }

  /** Starts a connection attempt, unless one is under way, the link is stopped, or the settings forbid it. */
  private void attempt() {
    Connection connection;
    synchronized (lock) {
      retry = null;
      if (!running || current != null) {
        return;
      }
      if (settings.securityProfile() >= 2 && !address.secure()) {
        LOG.error("SecurityProfile {} needs a wss:// central system URL, not {}; not connecting",
            settings.securityProfile(), address.baseUrl());
        return;
      }
      Optional<SSLContext> context = Optional.empty();
      if (address.secure()) {
        context = tls.contextFor(settings);
        if (context.isEmpty()) {
          return;
        }
      }
      connection = new Connection(address.endpoint(), headers(settings), context);
      connection.pingEvery(pingSeconds(settings.pingInterval()));
      current = connection;
      handshakeDeadline = scheduler.schedule(options.handshakeTimeout(), () -> handshakeTimedOut(connection));
    }
    LOG.debug("connecting to {}", address.endpoint());
    connection.connect();
  }

  private Map<String, String> headers(ConnectionSettings credentials) {
    Map<String, String> headers = new HashMap<>();
    basicAuthorization(address.chargePointId(), credentials).ifPresent(value -> headers.put("Authorization", value));
    return headers;
  }

  /**
   * The HTTP Basic credentials (RFC 7617): the charge point id as user, then the key's bytes as they are,
   * which need not be text (A00.FR.205). None with profile 3, where the client certificate authenticates.
   */
  static Optional<String> basicAuthorization(String chargePointId, ConnectionSettings settings) {
    if (settings.securityProfile() >= 3) {
      return Optional.empty();
    }
    return settings.basicAuthPassword().map(password -> {
      byte[] user = (chargePointId + ":").getBytes(StandardCharsets.UTF_8);
      byte[] credentials = Arrays.copyOf(user, user.length + password.length);
      System.arraycopy(password, 0, credentials, user.length, password.length);
      return "Basic " + Base64.getEncoder().encodeToString(credentials);
    });
  }

  static int pingSeconds(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      return 0;
    }
    long seconds = interval.toSeconds() + (interval.toNanosPart() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  /**
   * Lets go of the current connection or attempt (under the lock), telling the domain if it was open.
   * Returns the connection for the caller to close once the lock is released.
   */
  private Connection endCurrent(String reason) {
    cancel(retry);
    cancel(handshakeDeadline);
    retry = null;
    handshakeDeadline = null;
    Connection ended = current;
    current = null;
    if (open) {
      open = false;
      codec.forgetAll();
      Listener target = listener;
      events.post(() -> target.onDisconnected(reason));
    }
    return ended;
  }

  /** Arms the next attempt after a loss or failure (under the lock). */
  private void scheduleRetry() {
    if (!running) {
      return;
    }
    failures++;
    Duration wait = options.backoff().delay(failures, ThreadLocalRandom.current().nextDouble());
    LOG.info("reconnecting to the central system in {} ms", wait.toMillis());
    retry = scheduler.schedule(wait, this::attempt);
  }

  private static void cancel(Scheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** Closes a connection the link has let go of: politely if it is open, then for sure. */
  private void retire(Connection connection, int closeCode, String why) {
    if (connection.isOpen()) {
      connection.close(closeCode, why);
      scheduler.schedule(CLOSE_GRACE, () -> connection.abort(why));
    } else {
      connection.abort(why);
    }
  }

  private void opened(Connection connection) {
    IProtocol protocol = connection.getProtocol();
    boolean accepted = protocol != null && SUBPROTOCOL.equals(protocol.getProvidedProtocol());
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      cancel(handshakeDeadline);
      handshakeDeadline = null;
      if (accepted) {
        open = true;
        failures = 0;
        Listener target = listener;
        events.post(target::onConnected);
      } else {
        current = null;
        counters.count(Counters.FAILED_CONNECTS);
        LOG.error("the central system at {} did not accept the subprotocol " + SUBPROTOCOL,
            address.endpoint());
        scheduleRetry();
      }
    }
    if (accepted) {
      LOG.info("connected to {}", address.endpoint());
      events.drain();
    } else {
      retire(connection, CloseFrame.PROTOCOL_ERROR, SUBPROTOCOL + " required");
    }
  }

  private void received(Connection connection, String text) {
    synchronized (lock) {
      if (connection != current || !open) {
        return;
      }
    }
    watch(TrafficListener.Direction.RECEIVED, text);
    switch (codec.decode(text)) {
      case MessageCodec.CallReceived call -> deliver(connection, l -> l.onCall(call.callId(), call.request()));
      case MessageCodec.ResultReceived result ->
          deliver(connection, l -> l.onCallResult(result.callId(), result.response()));
      case MessageCodec.CallFailed failed -> deliver(connection, l -> l.onCallError(failed.callId(), failed.error()));
      case MessageCodec.Refused refused -> transmit(connection, codec.encodeError(refused.callId(), refused.error()));
      case MessageCodec.Ignored ignored -> { }
    }
  }

  /** Hands an inbound message to the domain, unless the connection it came on has been let go of meanwhile. */
  private void deliver(Connection from, Consumer<Listener> event) {
    synchronized (lock) {
      if (from != current || !open) {
        return;
      }
      Listener target = listener;
      events.post(() -> event.accept(target));
    }
    events.drain();
  }

  private void closed(Connection connection, int code, String reason, boolean remote) {
    String description = (remote ? "closed by the central system" : "connection lost") + " (" + code + ")"
        + (reason == null || reason.isBlank() ? "" : ": " + reason);
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      if (open) {
        LOG.warn("lost the central system: {}", description);
      } else {
        counters.count(Counters.FAILED_CONNECTS);
        LOG.warn("could not connect to {}: {}", address.endpoint(), description);
        SecurityFinding.ofRefusedUpgrade(reason).ifPresent(finding -> report(connection, finding));
      }
      endCurrent(description);
      scheduleRetry();
    }
    events.drain();
  }

  private void failed(Connection connection, Exception error) {
    LOG.debug("WebSocket error", error);
    Optional<SecurityFinding> finding = SecurityFinding.ofTlsFailure(error);
    if (finding.isEmpty()) {
      return;
    }
    synchronized (lock) {
      report(connection, finding.get());
    }
    events.drain();
  }

  /**
   * Tells the domain of a security event (under the lock), once per connection attempt: the reading and
   * the writing thread may both fail on the same handshake. The attempt need not be the current one any
   * more, as the other thread may already have ended it.
   */
  private void report(Connection connection, SecurityFinding finding) {
    if (!running || connection.securityReported) {
      return;
    }
    connection.securityReported = true;
    LOG.warn("security event {} connecting to {}: {}", finding.type(), address.endpoint(),
        finding.techInfo());
    Listener target = listener;
    events.post(() -> target.onSecurityEvent(finding.type(), finding.techInfo()));
  }

  private void handshakeTimedOut(Connection connection) {
    synchronized (lock) {
      if (connection != current || open) {
        return;
      }
      current = null;
      handshakeDeadline = null;
      counters.count(Counters.FAILED_CONNECTS);
      LOG.warn("no WebSocket connection to {} within {} s", address.endpoint(),
          options.handshakeTimeout().toSeconds());
      scheduleRetry();
    }
    connection.abort("handshake timed out");
  }

  /** One WebSocket connection attempt; a new one for every attempt, as Java-WebSocket clients are single-use. */
  private final class Connection extends WebSocketClient {

    /** Guarded by the link's lock. */
    private boolean securityReported;

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
      TlsSetup.restrict(parameters);
    }

    /**
     * Pings every {@code seconds} (0: never) from now on. Java-WebSocket's connection-lost timer pings;
     * it starts only when the connection opens with a non-zero interval, so a live connection that had
     * none needs it started here.
     */
    void pingEvery(int seconds) {
      setConnectionLostTimeout(seconds);
      if (seconds > 0 && isOpen()) {
        startConnectionLostTimer();
      }
    }

    /** Cuts the connection without a close handshake, including while TCP or TLS is still connecting. */
    void abort(String why) {
      Socket socket = getSocket();
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          LOG.debug("closing an abandoned socket failed", e);
        }
      }
      closeConnection(CloseFrame.ABNORMAL_CLOSE, why);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      opened(this);
    }

    @Override
    public void onMessage(String text) {
      received(this, text);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      counters.count(Counters.BINARY_FRAMES);
      LOG.warn("ignoring a binary frame of {} bytes: OCPP-J uses text frames only", bytes.remaining());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closed(this, code, reason, remote);
    }

    @Override
    public void onError(Exception e) {
      failed(this, e);
    }
  }
}
