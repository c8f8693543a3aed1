package dev.kilowatt.examples;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.SecurityEventNotificationResponse;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A central system inside the process, for runs on virtual time where a socket would only add real
 * time: it accepts everything the charge point sends and lets the caller send calls of its own.
 */
final class ScriptedCentralSystem implements CentralSystem {

  private final Scheduler time;
  private final Map<String, Object> answers = new HashMap<>();
  private Listener listener;
  private int calls;
  private int transactions;

  ScriptedCentralSystem(Scheduler time) {
    this.time = time;
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    this.listener = listener;
    listener.onConnected();
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {}

  @Override
  public void disconnect() {}

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    IdTagInfo accepted = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());
    Response answer = switch (request.action()) {
      case BOOT_NOTIFICATION -> new BootNotificationResponse(RegistrationStatus.ACCEPTED, time.now(), 3600);
      case HEARTBEAT -> new HeartbeatResponse(time.now());
      case AUTHORIZE -> new AuthorizeResponse(accepted);
      case START_TRANSACTION -> new StartTransactionResponse(accepted, ++transactions);
      case STOP_TRANSACTION -> new StopTransactionResponse(Optional.empty());
      case STATUS_NOTIFICATION -> new StatusNotificationResponse();
      case METER_VALUES -> new MeterValuesResponse();
      case SECURITY_EVENT_NOTIFICATION -> new SecurityEventNotificationResponse();
      default -> null;
    };
    if (answer == null) {
      listener.onCallError(callId, new CallError(CallError.Code.NOT_IMPLEMENTED, request.action().ocppName()));
    } else {
      listener.onCallResult(callId, answer);
    }
  }

  @Override
  public void reply(String callId, Response response) {
    answers.put(callId, response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    answers.put(callId, error);
  }

  /** Sends {@code request} to the charge point; its answer can be read once the event loop has run. */
  String call(CentralSystemRequest<?> request) {
    String id = "script-" + (++calls);
    listener.onCall(id, request);
    return id;
  }

  /** The charge point's answer to call {@code id}. */
  <R extends Response> R answer(String id, Class<R> type) {
    Object answer = answers.get(id);
    if (!type.isInstance(answer)) {
      throw new IllegalStateException("call " + id + " was answered with " + answer);
    }
    return type.cast(answer);
  }
}
