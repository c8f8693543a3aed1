package dev.kilowatt.ocpp;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What an OCPP-J 1.6 link does whichever WebSocket client carries it: one attempt or open connection at a
 * time, the handshake deadline, reconnection with back-off until {@link #disconnect()}, the codec that
 * validates frames and pairs answers with our calls, and the events to the domain, in order. A link says
 * how to make and start one {@link LinkAttempt}; the attempt reports back through {@link #opened},
 * {@link #received}, {@link #closed} and {@link #securityEvent}.
 */
abstract class LinkMachine<C extends LinkAttempt> implements CentralSystem {

  static final String SUBPROTOCOL = "ocpp1.6";
  /** How long a closing connection may take to finish the close handshake before it is cut. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
  static final int NORMAL_CLOSURE = 1000;
  static final int PROTOCOL_ERROR = 1002;
  static final int ABNORMAL = 1006;

  final Logger log = LoggerFactory.getLogger(getClass());
  final CentralSystemAddress address;
  final Scheduler scheduler;
  final LinkOptions options;
  final Counters counters = new Counters();
  private final MessageCodec codec;
  private final SerialDelivery events = new SerialDelivery();
  /** How loud routine connection news is: a link among thousands in one process keeps its log quiet. */
  private final Level lossLevel;
  private final Level failureLevel;
  private final Level newsLevel;

  private final Object lock = new Object();
  private ConnectionSettings settings;
  private Listener listener;
  private boolean running;
  /** The attempt in progress or the open connection; null while waiting to retry. */
  private C current;
  /** Whether {@link #current} is open with ocpp1.6 agreed. */
  private boolean open;
  /** Attempts failed since the last open connection, for the back-off. */
  private int failures;
  private Scheduler.Timer retry;
  private Scheduler.Timer handshakeDeadline;
  /** The attempt a security event was last reported for. */
  private C reportedFor;

  LinkMachine(CentralSystemAddress address, Scheduler scheduler, LinkOptions options, Payloads payloads,
      boolean oneOfMany) {
    this.address = Objects.requireNonNull(address, "address");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.options = Objects.requireNonNull(options, "options");
    this.codec = new MessageCodec(Schemas.ocpp16(), counters, payloads);
    this.lossLevel = oneOfMany ? Level.INFO : Level.WARN;
    this.failureLevel = oneOfMany ? Level.DEBUG : Level.WARN;
    this.newsLevel = oneOfMany ? Level.DEBUG : Level.INFO;
  }

  /** Under the lock: a new attempt with these settings, not started yet; empty where the settings forbid one. */
  abstract Optional<C> newAttempt(ConnectionSettings settings);

  /** Starts an attempt {@link #newAttempt} made, outside the lock. */
  abstract void start(C attempt, ConnectionSettings settings);

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
    boolean reconnect;
    C retired = null;
    synchronized (lock) {
      ConnectionSettings old = this.settings;
      this.settings = settings;
      if (!running) {
        return;
      }
      if (ConnectionSecurity.credentialsChanged(old, settings)) {
        reconnect = true;
        retired = endCurrent("reconnecting with new credentials");
        failures = 0;
      } else {
        // a link that the old settings kept from connecting (unusable certificates) may connect now
        reconnect = current == null && retry == null;
        if (current != null && !old.pingInterval().equals(settings.pingInterval())) {
          current.pingEvery(ConnectionSecurity.pingSeconds(settings.pingInterval()));
        }
      }
    }
    if (retired != null) {
      retired.retire(NORMAL_CLOSURE, "new credentials");
    }
    events.drain();
    if (reconnect) {
      attempt();
    }
  }

  @Override
  public void disconnect() {
    C retired;
    synchronized (lock) {
      if (!running) {
        return;
      }
      running = false;
      retired = endCurrent("disconnected by the charge point");
    }
    if (retired != null) {
      retired.retire(NORMAL_CLOSURE, "charge point going offline");
    }
    events.drain();
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    C connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeCall(callId, request))) {
      codec.forget(callId);
      dropped(request.action().ocppName() + " call " + callId);
    }
  }

  @Override
  public void reply(String callId, Response response) {
    C connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeResult(callId, response))) {
      dropped("answer to " + callId);
    }
  }

  @Override
  public void replyError(String callId, CallError error) {
    C connection = openConnection();
    if (connection == null || !transmit(connection, codec.encodeError(callId, error))) {
      dropped("CALLERROR for " + callId);
    }
  }

  private C openConnection() {
    synchronized (lock) {
      return open ? current : null;
    }
  }

  private void dropped(String what) {
    counters.count(Counters.DROPPED_OFFLINE);
    log.debug("not connected; dropping the {}", what);
  }

  /** Sends one frame; the traffic listener hears of it first, so an answer is never shown before its call. */
  private boolean transmit(C connection, String text) {
    watch(TrafficListener.Direction.SENT, text);
    return connection.sendText(text);
  }

  private void watch(TrafficListener.Direction direction, String text) {
    try {
      options.traffic().onFrame(direction, SecretFrames.masked(text));
    } catch (RuntimeException e) {
      log.warn("the traffic listener failed", e);
    }
  }

  /** Starts a connection attempt, unless one is under way, the link is stopped, or the settings forbid it. */
  private void attempt() {
    C connection;
    ConnectionSettings with;
    synchronized (lock) {
      retry = null;
      if (!running || current != null) {
        return;
      }
      if (ConnectionSecurity.needsTls(settings) && !address.secure()) {
        log.error("SecurityProfile {} needs a wss:// central system URL, not {}; not connecting",
            settings.securityProfile(), address.baseUrl());
        return;
      }
      Optional<C> made = newAttempt(settings);
      if (made.isEmpty()) {
        return;
      }
      connection = made.get();
      with = settings;
      connection.pingEvery(ConnectionSecurity.pingSeconds(settings.pingInterval()));
      current = connection;
      handshakeDeadline = scheduler.schedule(options.handshakeTimeout(), () -> handshakeTimedOut(connection));
    }
    log.debug("connecting to {}", address.endpoint());
    start(connection, with);
  }

  /**
   * Lets go of the current connection or attempt (under the lock), telling the domain if it was open.
   * Returns the connection for the caller to close once the lock is released.
   */
  private C endCurrent(String reason) {
    cancel(retry);
    cancel(handshakeDeadline);
    retry = null;
    handshakeDeadline = null;
    C ended = current;
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
    log.atLevel(newsLevel).log("reconnecting to the central system in {} ms", wait.toMillis());
    retry = scheduler.schedule(wait, this::attempt);
  }

  private static void cancel(Scheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** The WebSocket handshake of {@code connection} completed, agreeing to {@code subprotocol} (empty: none). */
  void opened(C connection, String subprotocol) {
    boolean accepted = SUBPROTOCOL.equals(subprotocol);
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
        log.error("the central system at {} did not accept the subprotocol " + SUBPROTOCOL, address.endpoint());
        scheduleRetry();
      }
    }
    if (accepted) {
      log.atLevel(newsLevel).log("connected to {}", address.endpoint());
      events.drain();
    } else {
      connection.retire(PROTOCOL_ERROR, SUBPROTOCOL + " required");
    }
  }

  /** A whole text frame arrived on {@code connection}. */
  void received(C connection, String text) {
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
  private void deliver(C from, Consumer<Listener> event) {
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

  /** {@code connection} ended: closed by the server, failed, or found dead; the link tries again later. */
  void closed(C connection, int code, String reason, boolean remote) {
    String description = (remote ? "closed by the central system" : "connection lost") + " (" + code + ")"
        + (reason == null || reason.isBlank() ? "" : ": " + reason);
    Optional<SecurityFinding> refused = Optional.empty();
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      if (open) {
        log.atLevel(lossLevel).log("lost the central system: {}", description);
      } else {
        counters.count(Counters.FAILED_CONNECTS);
        log.atLevel(failureLevel).log("could not connect to {}: {}", address.endpoint(), description);
        refused = SecurityFinding.ofRefusedUpgrade(reason);
      }
      endCurrent(description);
      scheduleRetry();
    }
    refused.ifPresent(finding -> securityEvent(connection, finding));
    events.drain();
  }

  /**
   * Tells the domain of a security event an attempt revealed, once per attempt: the reading and the
   * writing thread may both fail on the same handshake. The attempt need not be the current one any more,
   * as the other thread may already have ended it.
   */
  void securityEvent(C connection, SecurityFinding finding) {
    synchronized (lock) {
      if (!running || connection == reportedFor) {
        return;
      }
      reportedFor = connection;
      log.warn("security event {} connecting to {}: {}", finding.type(), address.endpoint(), finding.techInfo());
      Listener target = listener;
      events.post(() -> target.onSecurityEvent(finding.type(), finding.techInfo()));
    }
    events.drain();
  }

  private void handshakeTimedOut(C connection) {
    synchronized (lock) {
      if (connection != current || open) {
        return;
      }
      current = null;
      handshakeDeadline = null;
      counters.count(Counters.FAILED_CONNECTS);
      log.warn("no WebSocket connection to {} within {} s", address.endpoint(),
          options.handshakeTimeout().toSeconds());
      scheduleRetry();
    }
    connection.abort("handshake timed out");
  }
}
