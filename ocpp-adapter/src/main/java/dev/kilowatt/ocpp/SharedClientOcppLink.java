package dev.kilowatt.ocpp;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CentralSystem} port over OCPP-J 1.6 on the JDK's {@link WebSocket}, for many charge points in
 * one process: every link made with the same {@link HttpClient} shares its one selector thread and its
 * executor, where {@link OcppJsonLink} costs two threads per connection. A simulated fleet of thousands
 * of stations uses it; a real board keeps {@link OcppJsonLink}.
 *
 * <p>It speaks the same protocol as {@link OcppJsonLink}, with the same framing, schema validation and
 * CALLERROR answers (the same codec), the same counters, back-off, handshake deadline, HTTP Basic
 * authentication (security profiles 0 to 2) and ping supervision: a ping every {@code WebSocketPingInterval},
 * and a connection that answers none for 1.5 intervals counts as lost. The JDK answers the central
 * system's pings by itself. The subprotocol is offered as {@code Sec-WebSocket-Protocol: ocpp1.6}; a server
 * that completes the upgrade without agreeing to it is left with 1008 and tried again later.
 *
 * <p>What differs: TLS is the shared client's, so every link on it trusts the same authorities and none
 * presents a certificate of its own. A link asked for security profile 3 therefore does not connect, and
 * says so in the log, rather than connect without the client certificate the profile requires.
 */
public final class SharedClientOcppLink implements CentralSystem {

  private static final Logger LOG = LoggerFactory.getLogger(SharedClientOcppLink.class);
  /** One Jackson binding for every link in the process. */
  private static final Payloads PAYLOADS = new Payloads();
  /** Bounds what one frame may cost in memory; far above any real OCPP message. */
  static final int MAX_FRAME_CHARS = 1 << 20;
  /**
   * The JDK's client may not send 1002 (protocol error) or 1009 (too big), which {@link OcppJsonLink}
   * closes with; 1008, "policy violation" (RFC 6455 section 7.4.1), is the nearest code it may send.
   */
  private static final int POLICY_VIOLATION = 1008;
  static final int ABNORMAL = 1006;
  private static final int UNAUTHORIZED = 401;

  private final HttpClient client;
  private final CentralSystemAddress address;
  private final Scheduler scheduler;
  private final LinkOptions options;
  private final Counters counters = new Counters();
  private final MessageCodec codec = new MessageCodec(Schemas.ocpp16(), counters, PAYLOADS);
  private final SerialDelivery events = new SerialDelivery();

  private final Object lock = new Object();
  private ConnectionSettings settings;
  private Listener listener;
  private boolean running;
  /** The attempt in progress or the open connection; null while waiting to retry. */
  private SharedConnection current;
  private boolean open;
  private int failures;
  private Scheduler.Timer retry;
  private Scheduler.Timer handshakeDeadline;

  /**
   * A link to {@code address} over {@code client}, timing reconnection, handshake deadlines and pings on
   * {@code scheduler}. {@link LinkOptions#tls()} is not used: TLS is {@code client}'s (see
   * {@link SharedWebSocketClient}).
   *
   * @param client the HTTP client this link shares with others, e.g. from {@link SharedWebSocketClient#create}
   * @param address the central system's URL and this charge point's identity
   * @param scheduler the clock the link's timers run on
   * @param options time-outs, back-off and ping settings
   */
  public SharedClientOcppLink(HttpClient client, CentralSystemAddress address, Scheduler scheduler, LinkOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.address = Objects.requireNonNull(address, "address");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * How often each kind of trouble has happened; the keys of {@link OcppJsonLink#counters()}.
   *
   * @return the count of each kind of trouble, by name
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
    SharedConnection retired = null;
    boolean reconnect;
    synchronized (lock) {
      ConnectionSettings old = this.settings;
      this.settings = settings;
      if (!running) {
        return;
      }
      boolean newCredentials = old.securityProfile() != settings.securityProfile()
          || !old.authorizationKey().equals(settings.authorizationKey());
      if (newCredentials) {
        retired = endCurrent("reconnecting with new credentials");
        failures = 0;
      } else if (current != null && !old.pingInterval().equals(settings.pingInterval())) {
        current.pingEvery(OcppJsonLink.pingSeconds(settings.pingInterval()));
      }
      reconnect = newCredentials || current == null && retry == null;
    }
    if (retired != null) {
      retired.retire(1000, "new credentials");
    }
    events.drain();
    if (reconnect) {
      attempt();
    }
  }

  @Override
  public void disconnect() {
    SharedConnection retired;
    synchronized (lock) {
      if (!running) {
        return;
      }
      running = false;
      retired = endCurrent("disconnected by the charge point");
    }
    if (retired != null) {
      retired.retire(1000, "charge point going offline");
    }
    events.drain();
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    SharedConnection connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeCall(callId, request))) {
      codec.forget(callId);
      dropped();
    }
  }

  @Override
  public void reply(String callId, Response response) {
    SharedConnection connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeResult(callId, response))) {
      dropped();
    }
  }

  @Override
  public void replyError(String callId, CallError error) {
    SharedConnection connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeError(callId, error))) {
      dropped();
    }
  }

  private SharedConnection openConnection() {
    synchronized (lock) {
      return open ? current : null;
    }
  }

  private void dropped() {
    counters.count(Counters.DROPPED_OFFLINE);
  }

  /** The traffic listener hears of a frame before it leaves, so an answer is never shown before its call. */
  private boolean transmit(SharedConnection connection, String text) {
    try {
      options.traffic().onFrame(TrafficListener.Direction.SENT, SecretFrames.masked(text));
    } catch (RuntimeException e) {
      LOG.warn("the traffic listener failed", e);
    }
    return connection.sendText(text);
  }

  private void attempt() {
    WebSocket.Builder builder;
    SharedConnection connection;
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
      if (settings.securityProfile() >= 3) {
        LOG.error("SecurityProfile 3 needs a client certificate per charge point, which a shared client "
            + "cannot present; not connecting {}", address.chargePointId());
        return;
      }
      connection = new SharedConnection(this, scheduler);
      current = connection;
      handshakeDeadline = scheduler.schedule(options.handshakeTimeout(), () -> handshakeTimedOut(connection));
      builder = client.newWebSocketBuilder().subprotocols(OcppJsonLink.SUBPROTOCOL)
          .connectTimeout(options.handshakeTimeout());
      OcppJsonLink.basicAuthorization(address.chargePointId(), settings)
          .ifPresent(value -> builder.header("Authorization", value));
    }
    builder.buildAsync(address.endpoint(), connection).whenComplete((socket, error) -> {
      if (error != null) {
        failed(connection, error instanceof CompletionException ? error.getCause() : error);
      }
    });
  }

  /** Under the lock: lets go of the current connection, telling the domain if it was open. */
  private SharedConnection endCurrent(String reason) {
    cancel(retry);
    cancel(handshakeDeadline);
    retry = null;
    handshakeDeadline = null;
    SharedConnection ended = current;
    current = null;
    if (ended != null) {
      ended.pingEvery(0);
    }
    if (open) {
      open = false;
      codec.forgetAll();
      Listener target = listener;
      events.post(() -> target.onDisconnected(reason));
    }
    return ended;
  }

  /** Under the lock: arms the next attempt after a loss or failure. */
  private void scheduleRetry() {
    if (running) {
      failures++;
      retry = scheduler.schedule(options.backoff().delay(failures, ThreadLocalRandom.current().nextDouble()),
          this::attempt);
    }
  }

  private static void cancel(Scheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  void opened(SharedConnection connection, String subprotocol) {
    boolean accepted = OcppJsonLink.SUBPROTOCOL.equals(subprotocol);
    synchronized (lock) {
      if (connection != current) {
        connection.abort();
        return;
      }
      cancel(handshakeDeadline);
      handshakeDeadline = null;
      if (accepted) {
        open = true;
        failures = 0;
        connection.pingEvery(OcppJsonLink.pingSeconds(settings.pingInterval()));
        events.post(listener::onConnected);
      } else {
        current = null;
        counters.count(Counters.FAILED_CONNECTS);
        LOG.error("the central system at {} did not accept the subprotocol {}", address.endpoint(),
            OcppJsonLink.SUBPROTOCOL);
        scheduleRetry();
      }
    }
    if (!accepted) {
      connection.retire(POLICY_VIOLATION, OcppJsonLink.SUBPROTOCOL + " required");
    }
    events.drain();
  }

  void received(SharedConnection connection, String text) {
    synchronized (lock) {
      if (connection != current || !open) {
        return;
      }
    }
    try {
      options.traffic().onFrame(TrafficListener.Direction.RECEIVED, SecretFrames.masked(text));
    } catch (RuntimeException e) {
      LOG.warn("the traffic listener failed", e);
    }
    switch (codec.decode(text)) {
      case MessageCodec.CallReceived call -> deliver(connection, l -> l.onCall(call.callId(), call.request()));
      case MessageCodec.ResultReceived result ->
          deliver(connection, l -> l.onCallResult(result.callId(), result.response()));
      case MessageCodec.CallFailed failure -> deliver(connection, l -> l.onCallError(failure.callId(), failure.error()));
      case MessageCodec.Refused refused -> connection.sendText(codec.encodeError(refused.callId(), refused.error()));
      case MessageCodec.Ignored ignored -> { }
    }
  }

  /** Hands an inbound message to the domain, unless its connection has been let go of meanwhile. */
  private void deliver(SharedConnection from, Consumer<Listener> event) {
    synchronized (lock) {
      if (from != current || !open) {
        return;
      }
      Listener target = listener;
      events.post(() -> event.accept(target));
    }
    events.drain();
  }

  void binaryFrame() {
    counters.count(Counters.BINARY_FRAMES);
  }

  /** A frame longer than any OCPP message: the connection is closed with 1008 and counts as lost. */
  void tooBig(SharedConnection connection) {
    closed(connection, POLICY_VIOLATION, "a frame of more than " + MAX_FRAME_CHARS + " characters", false);
    connection.retire(POLICY_VIOLATION, "frame too big");
  }

  /** The connection ended: closed by the server, failed, or found dead by the ping supervision. */
  void closed(SharedConnection connection, int code, String reason, boolean remote) {
    String description = (remote ? "closed by the central system" : "connection lost") + " (" + code + ")"
        + (reason == null || reason.isBlank() ? "" : ": " + reason);
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      if (open) {
        LOG.info("lost the central system: {}", description);
      } else {
        counters.count(Counters.FAILED_CONNECTS);
      }
      endCurrent(description);
      scheduleRetry();
    }
    events.drain();
  }

  void lost(SharedConnection connection, String why) {
    closed(connection, ABNORMAL, why, false);
    connection.abort();
  }

  private void failed(SharedConnection connection, Throwable error) {
    Optional<SecurityFinding> finding = error instanceof WebSocketHandshakeException refused
        && refused.getResponse().statusCode() == UNAUTHORIZED
        ? Optional.of(new SecurityFinding(SecurityFinding.FAILED_TO_AUTHENTICATE, "HTTP 401 on the WebSocket upgrade"))
        : SecurityFinding.ofTlsFailure(error);
    synchronized (lock) {
      if (running && finding.isPresent() && connection == current) {
        SecurityFinding found = finding.get();
        LOG.warn("security event {} connecting to {}: {}", found.type(), address.endpoint(),
            found.techInfo());
        Listener target = listener;
        events.post(() -> target.onSecurityEvent(found.type(), found.techInfo()));
      }
    }
    closed(connection, ABNORMAL, String.valueOf(error.getMessage()), false);
  }

  private void handshakeTimedOut(SharedConnection connection) {
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
    connection.abort();
  }
}
