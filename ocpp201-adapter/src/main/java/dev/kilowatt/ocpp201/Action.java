package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import java.util.Optional;

/** The OCPP 2.0.1 actions this adapter types: wire name, payload records and who sends the CALL. */
public enum Action {
  BOOT_NOTIFICATION("BootNotification", Messages.BootNotificationRequest.class,
      Messages.BootNotificationResponse.class, Sender.STATION),
  HEARTBEAT("Heartbeat", Messages.HeartbeatRequest.class, Messages.HeartbeatResponse.class, Sender.STATION),
  STATUS_NOTIFICATION("StatusNotification", Messages.StatusNotificationRequest.class,
      Messages.StatusNotificationResponse.class, Sender.STATION),
  AUTHORIZE("Authorize", Messages.AuthorizeRequest.class, Messages.AuthorizeResponse.class, Sender.STATION),
  TRANSACTION_EVENT("TransactionEvent", Messages.TransactionEventRequest.class,
      Messages.TransactionEventResponse.class, Sender.STATION),
  GET_VARIABLES("GetVariables", Messages.GetVariablesRequest.class, Messages.GetVariablesResponse.class, Sender.CSMS),
  SET_VARIABLES("SetVariables", Messages.SetVariablesRequest.class, Messages.SetVariablesResponse.class, Sender.CSMS),
  RESET("Reset", Messages.ResetRequest.class, Messages.ResetResponse.class, Sender.CSMS),
  REQUEST_START_TRANSACTION("RequestStartTransaction", Messages.RequestStartTransactionRequest.class,
      Messages.RequestStartTransactionResponse.class, Sender.CSMS),
  REQUEST_STOP_TRANSACTION("RequestStopTransaction", Messages.RequestStopTransactionRequest.class,
      Messages.RequestStopTransactionResponse.class, Sender.CSMS),
  METER_VALUES("MeterValues", Messages.MeterValuesRequest.class, Messages.MeterValuesResponse.class, Sender.STATION),
  TRIGGER_MESSAGE("TriggerMessage", Messages.TriggerMessageRequest.class, Messages.TriggerMessageResponse.class,
      Sender.CSMS),
  CHANGE_AVAILABILITY("ChangeAvailability", Messages.ChangeAvailabilityRequest.class,
      Messages.ChangeAvailabilityResponse.class, Sender.CSMS);

  /** Which side of the link sends the CALL of an action. */
  public enum Sender { STATION, CSMS }

  private final String wireName;
  private final Class<? extends Request<?>> requestType;
  private final Class<? extends Response> responseType;
  private final Sender sender;

  Action(String wireName, Class<? extends Request<?>> requestType, Class<? extends Response> responseType,
      Sender sender) {
    this.wireName = wireName;
    this.requestType = requestType;
    this.responseType = responseType;
    this.sender = sender;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends Request<?>> requestType() {
    return requestType;
  }

  public Class<? extends Response> responseType() {
    return responseType;
  }

  public Sender sender() {
    return sender;
  }

  /** The schema file of the CALL payload, as the OCA names it. */
  String requestSchema() {
    return wireName + "Request.json";
  }

  /** The schema file of the CALLRESULT payload. */
  String responseSchema() {
    return wireName + "Response.json";
  }

  public static Optional<Action> named(String wireName) {
    for (Action action : values()) {
      if (action.wireName.equals(wireName)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  public static Action of(Request<?> request) {
    for (Action action : values()) {
      if (action.requestType == request.getClass()) {
        return action;
      }
    }
    throw new IllegalArgumentException("no action for " + request.getClass().getSimpleName());
  }

  static Optional<Action> answeredBy(Response response) {
    for (Action action : values()) {
      if (action.responseType == response.getClass()) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
