package dev.kilowatt.test;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationResponse;
import dev.kilowatt.core.message.FirmwareStatusNotificationResponse;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.LogStatusNotificationResponse;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.SecurityEventNotificationResponse;
import dev.kilowatt.core.message.SignCertificateResponse;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationResponse;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.ReservationEnd;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A central system the test plays, in place of the OCPP-J link. It answers every call of the charge point
 * like a friendly server (Accepted, with transaction ids from 100 up) unless the test {@link #holdAnswers()
 * holds the answers}; then calls wait in {@link #pending()} until the test answers them. It records every
 * call and answer in the order they went out.
 *
 * <p>The charge point calls it on its event loop; with {@link dev.kilowatt.core.time.VirtualTime} that is
 * the test's own thread, so nothing here needs to be thread-safe.
 */
public final class ScriptedCentralSystem implements CentralSystem {

  /** A call of the charge point waiting for the test's answer: its {@code callId}, for the answer, and its {@code request}.
   * @param callId the call's id
   * @param request the call's payload */
  public record Sent(String callId, ChargePointRequest<?> request) {}

  private Supplier<Instant> clock;
  private final List<ChargePointRequest<?>> madeOffline = new ArrayList<>();
  private Listener listener;
  private Optional<ConnectionSettings> settings = Optional.empty();
  private boolean connected;
  private boolean automatic = true;
  private boolean disconnectedForGood;
  private boolean dropsOnReconfigure;
  private Function<ChargePointRequest<?>, Response> answering = this::friendlyAnswer;
  private BooleanSupplier powered = () -> true;
  private int nextTransactionId = 100;
  private int inboundCalls;
  private final Deque<Sent> pending = new ArrayDeque<>();
  private final List<String> endedReservations = new ArrayList<>();
  private final List<ChargePointRequest<?>> calls = new ArrayList<>();
  private final List<Object> wire = new ArrayList<>();
  private final List<String> trace = new ArrayList<>();
  private final Map<String, Object> replies = new HashMap<>();

  /**
   * A central system that accepts the charge point and answers at once, as {@link #friendlyAnswer} does.
   *
   * @param clock the time the answers to BootNotification and Heartbeat give, usually the charge point's virtual time
   */
  public ScriptedCentralSystem(Supplier<Instant> clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * From now on BootNotification and Heartbeat are answered with {@code clock}'s time, e.g. to move the charger's
   * clock.
   *
   * @param clock the time to answer with
   */
  public void answerWithTime(Supplier<Instant> clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    this.settings = Optional.of(settings);
    this.listener = listener;
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {
    this.settings = Optional.of(settings);
    trace.add("reconfigure");
    if (dropsOnReconfigure && connected) {
      goOffline();
    }
  }

  @Override
  public void disconnect() {
    disconnectedForGood = true;
    connected = false;
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    if (!connected || !powered.getAsBoolean()) {
      return;
    }
    calls.add(request);
    wire.add(request);
    if (automatic) {
      listener.onCallResult(callId, answering.apply(request));
    } else {
      pending.add(new Sent(callId, request));
    }
  }

  /** Records which delivered calls the charge point said it made offline, then takes them as the two-argument send does. */
  @Override
  public void send(String callId, ChargePointRequest<?> request, CallOrigin origin) {
    if (origin.offline() && connected && powered.getAsBoolean()) {
      madeOffline.add(request);
    }
    send(callId, request);
  }

  /** {@return the delivered calls the charge point said it made while it could not reach the central system, in order} */
  public List<ChargePointRequest<?>> madeOffline() {
    return Collections.unmodifiableList(madeOffline);
  }

  @Override
  public void reply(String callId, Response response) {
    replies.put(callId, response);
    trace.add("reply " + callId);
    wire.add(response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    replies.put(callId, error);
    wire.add(error);
  }

  @Override
  public void reservationEnded(int reservationId, ReservationEnd end) {
    endedReservations.add(reservationId + ":" + end);
  }

  /** {@return each reservation the charge point said ended by itself, as "id:EXPIRED" or "id:REMOVED", in order} */
  public List<String> endedReservations() {
    return Collections.unmodifiableList(endedReservations);
  }

  /** The connection opens; the charge point boots towards this central system. */
  public void goOnline() {
    connected = true;
    listener().onConnected();
  }

  /** The connection drops; calls that waited for an answer are lost with it. */
  public void goOffline() {
    connected = false;
    pending.clear();
    listener().onDisconnected("test");
  }

  /** From now on the test answers each call itself. */
  public void holdAnswers() {
    automatic = false;
  }

  /**
   * From now on new settings end the connection at once, as the OCPP-J link does: a {@link
   * #reconfigure reconfiguration} while online {@link #goOffline() goes offline}, with the answers still on
   * their way lost; {@link #goOnline()} opens the next connection.
   */
  public void dropConnectionOnReconfigure() {
    dropsOnReconfigure = true;
  }

  /**
   * The calls waiting for an answer are lost on the way: they are never answered, and the charge point
   * has to find that out by its own time-outs. The connection stays up.
   */
  public void loseWaitingCalls() {
    pending.clear();
  }

  /** From now on every call is answered at once, the friendly way. */
  public void answerAutomatically() {
    automatic = true;
  }

  /**
   * Sends a call to the charge point; its answer is {@link #replyTo} the returned id once the loop ran.
   *
   * @param request the request to send
   * @return the call's id
   */
  public String call(CentralSystemRequest<?> request) {
    String id = "cs-" + (++inboundCalls);
    listener().onCall(id, request);
    return id;
  }

  /**
   * What the charge point answered to the call {@code callId}: a {@link Response} or a {@link CallError}.
   *
   * @param callId the call's id, as {@link #call} returned it
   * @return the answer, or empty while the charge point has not answered
   */
  public Optional<Object> replyTo(String callId) {
    return Optional.ofNullable(replies.get(callId));
  }

  /**
   * What the charge point answered to the call {@code callId}, which must be a {@code type}.
   *
   * @param <R> the expected response type
   * @param callId the call's id, as {@link #call} returned it
   * @param type the expected response's class
   * @return the answer
   */
  public <R extends Response> R replyTo(String callId, Class<R> type) {
    Object reply = replies.get(callId);
    if (!type.isInstance(reply)) {
      throw new AssertionError("call " + callId + " was answered with " + reply + ", not a " + type.getSimpleName());
    }
    return type.cast(reply);
  }

  /** {@return the calls waiting for the test's answer, oldest first} */
  public List<Sent> pending() {
    return List.copyOf(pending);
  }

  /**
   * The oldest unanswered call, which must be of {@code type}.
   *
   * @param <T> the expected request type
   * @param type the expected request's class
   * @return the oldest unanswered request
   */
  public <T extends ChargePointRequest<?>> T peek(Class<T> type) {
    Sent oldest = oldest("a " + type.getSimpleName());
    if (!type.isInstance(oldest.request())) {
      throw new AssertionError("expected a pending " + type.getSimpleName() + " but the oldest is " + oldest.request());
    }
    return type.cast(oldest.request());
  }

  /**
   * Answers the oldest waiting call with {@code response}.
   *
   * @param response the answer
   */
  public void answer(Response response) {
    listener().onCallResult(oldestTaken().callId(), response);
  }

  /**
   * Answers the oldest waiting call with a CALLERROR.
   *
   * @param code the error code to answer with
   */
  public void answerError(CallError.Code code) {
    listener().onCallError(oldestTaken().callId(), new CallError(code, "test"));
  }

  /** Answers the oldest waiting call the friendly way. */
  public void answerFriendly() {
    answer(friendlyAnswer(oldest("a call").request()));
  }

  /** {@return every call of the charge point delivered to this central system, in order} */
  public List<ChargePointRequest<?>> calls() {
    return Collections.unmodifiableList(calls);
  }

  /**
   * The charge point's calls of {@code type}, in order.
   *
   * @param <T> the request type
   * @param type the request's class
   * @return those calls, oldest first
   */
  public <T> List<T> sent(Class<T> type) {
    return calls.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** {@return calls sent and answers given by the charge point, in the order they went out} */
  public List<Object> wire() {
    return Collections.unmodifiableList(wire);
  }

  /** {@return the answers ("reply cs-1") and reconfigurations ("reconfigure") of the link, in the order they came} */
  public List<String> trace() {
    return Collections.unmodifiableList(trace);
  }

  /** Starts the {@link #trace()} afresh. */
  public void forgetTrace() {
    trace.clear();
  }

  /** {@return the settings the charge point connected or last reconfigured with} */
  public ConnectionSettings settings() {
    return settings.orElseThrow(() -> new AssertionError("the charge point has not connected yet"));
  }

  /**
   * The charge point's side of the link, for events a real link reports (e.g. a security event of TLS).
   *
   * @return the listener the charge point connected with
   */
  public Listener listener() {
    if (listener == null) {
      throw new AssertionError("the charge point has not connected yet");
    }
    return listener;
  }

  /** {@return whether the charge point closed the link for good, as it does when it stops} */
  public boolean disconnectedForGood() {
    return disconnectedForGood;
  }

  /**
   * How the central system answers while it answers at once: by default {@link #friendlyAnswer}; a test may
   * model one that remembers across the charge point's reboots (a repeated StartTransaction, say).
   *
   * @param answers the answer to each call
   */
  public void answerWith(Function<ChargePointRequest<?>, Response> answers) {
    this.answering = Objects.requireNonNull(answers, "answers");
  }

  /**
   * Whether the charge point has power: a call it "sends" while {@code power} says no (the instant of a
   * power cut) never reaches the central system.
   *
   * @param power whether the charge point has power now
   */
  public void poweredWhile(BooleanSupplier power) {
    this.powered = Objects.requireNonNull(power, "power");
  }

  /**
   * How a friendly central system answers {@code request}: accepting, with the current time where one is asked.
   *
   * @param request the charge point's call
   * @return an accepting answer
   */
  public Response friendlyAnswer(ChargePointRequest<?> request) {
    IdTagInfo accepted = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());
    return switch (request.action()) {
      case BOOT_NOTIFICATION -> new BootNotificationResponse(RegistrationStatus.ACCEPTED, clock.get(), 300);
      case HEARTBEAT -> new HeartbeatResponse(clock.get());
      case STATUS_NOTIFICATION -> new StatusNotificationResponse();
      case METER_VALUES -> new MeterValuesResponse();
      case AUTHORIZE -> new AuthorizeResponse(accepted);
      case START_TRANSACTION -> new StartTransactionResponse(accepted, nextTransactionId++);
      case STOP_TRANSACTION -> new StopTransactionResponse(Optional.empty());
      case SECURITY_EVENT_NOTIFICATION -> new SecurityEventNotificationResponse();
      case SIGN_CERTIFICATE -> new SignCertificateResponse(GenericStatus.ACCEPTED);
      case FIRMWARE_STATUS_NOTIFICATION -> new FirmwareStatusNotificationResponse();
      case DIAGNOSTICS_STATUS_NOTIFICATION -> new DiagnosticsStatusNotificationResponse();
      case SIGNED_FIRMWARE_STATUS_NOTIFICATION -> new SignedFirmwareStatusNotificationResponse();
      case LOG_STATUS_NOTIFICATION -> new LogStatusNotificationResponse();
      default -> throw new IllegalStateException("no friendly answer for " + request.action() + "; hold the answers and give one");
    };
  }

  private Sent oldest(String expected) {
    if (pending.isEmpty()) {
      throw new AssertionError("expected " + expected + " to wait for an answer; sent so far: " + calls);
    }
    return pending.peek();
  }

  private Sent oldestTaken() {
    Sent sent = oldest("a call");
    pending.poll();
    return sent;
  }
}
