package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationResponse;
import dev.kilowatt.core.message.FirmwareStatusNotificationResponse;
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
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A central system for domain tests. In automatic mode it answers every call like a friendly server;
 * in manual mode calls wait in {@link #pending} until the test answers them.
 */
final class FakeCentralSystem implements CentralSystem {

  record Sent(String callId, ChargePointRequest<?> request) {}

  CentralSystem.Listener listener;
  ConnectionSettings settings;
  boolean connected;
  boolean automatic = true;
  boolean disconnectedForGood;
  /**
   * Like the OCPP-J link: new settings end the connection at once, with the answers still on their way;
   * {@link #goOnline} opens the next.
   */
  boolean dropsOnReconfigure;
  int nextTransactionId = 100;
  Supplier<Instant> clock = () -> Instant.parse("2025-06-01T12:00:00Z");
  final Deque<Sent> pending = new ArrayDeque<>();
  final List<ChargePointRequest<?>> log = new ArrayList<>();
  final Map<String, Object> replies = new HashMap<>();
  /** Answers and reconfigurations in the order they reached the link. */
  final List<String> trace = new ArrayList<>();
  /** Calls sent and answers given by the charge point, in the order they went out. */
  final List<Object> wire = new ArrayList<>();
  private int inboundCalls;
  /** How the automatic mode answers; a test may model a central system that remembers across reboots. */
  java.util.function.Function<ChargePointRequest<?>, Response> answering = this::friendlyAnswer;
  /** Whether the charge point has power: calls "sent" after a power cut never reach the central system. */
  java.util.function.BooleanSupplier powered = () -> true;

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {
    this.settings = settings;
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
    log.add(request);
    wire.add(request);
    if (automatic) {
      listener.onCallResult(callId, answering.apply(request));
    } else {
      pending.add(new Sent(callId, request));
    }
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

  void goOnline() {
    connected = true;
    listener.onConnected();
  }

  void goOffline() {
    connected = false;
    pending.clear();
    listener.onDisconnected("test");
  }

  /** Sends a call to the charge point; the answer is in {@link #replies} under the returned id once the loop ran. */
  String call(CentralSystemRequest<?> request) {
    String id = "cs-" + (++inboundCalls);
    listener.onCall(id, request);
    return id;
  }

  /** The oldest unanswered call, which must be of {@code type}. */
  <T extends ChargePointRequest<?>> T peek(Class<T> type) {
    assertFalse(pending.isEmpty(), "expected a pending " + type.getSimpleName());
    return assertInstanceOf(type, pending.peek().request());
  }

  void answer(Response response) {
    Sent sent = pending.poll();
    listener.onCallResult(sent.callId(), response);
  }

  void answerError(CallError.Code code) {
    Sent sent = pending.poll();
    listener.onCallError(sent.callId(), new CallError(code, "test"));
  }

  /** Answers the oldest call the friendly way. */
  void answerFriendly() {
    answer(friendlyAnswer(pending.peek().request()));
  }

  <T> List<T> sent(Class<T> type) {
    return log.stream().filter(type::isInstance).map(type::cast).toList();
  }

  Response friendlyAnswer(ChargePointRequest<?> request) {
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
      default -> throw new IllegalStateException("no friendly answer for " + request.action());
    };
  }
}
