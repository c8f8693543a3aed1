package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp201.Enums.BootReason;
import dev.kilowatt.ocpp201.Enums.CertificateStatus;
import dev.kilowatt.ocpp201.Enums.ChangeAvailabilityStatus;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.Enums.MessageTrigger;
import dev.kilowatt.ocpp201.Enums.OperationalStatus;
import dev.kilowatt.ocpp201.Enums.RegistrationStatus;
import dev.kilowatt.ocpp201.Enums.RequestStartStopStatus;
import dev.kilowatt.ocpp201.Enums.ResetStatus;
import dev.kilowatt.ocpp201.Enums.ResetType;
import dev.kilowatt.ocpp201.Enums.TransactionEventType;
import dev.kilowatt.ocpp201.Enums.TriggerMessageStatus;
import dev.kilowatt.ocpp201.Enums.TriggerReason;
import dev.kilowatt.ocpp201.Types.ChargingStation;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.GetVariableData;
import dev.kilowatt.ocpp201.Types.GetVariableResult;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.IdTokenInfo;
import dev.kilowatt.ocpp201.Types.MessageContent;
import dev.kilowatt.ocpp201.Types.MeterValue;
import dev.kilowatt.ocpp201.Types.SetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableResult;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import dev.kilowatt.ocpp201.Types.TransactionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The OCPP 2.0.1 messages the Core profile's blocks B (provisioning), E (transactions), F (remote control)
 * and G (availability) need first, with C's Authorize: one record per CALL payload and one per CALLRESULT
 * payload, named as part 2 chapter 1 names them. {@link Action} ties each to its wire name and direction.
 */
public final class Messages {

  private Messages() {
  }

  /** A CALL payload; {@code R} is the payload of its CALLRESULT. */
  public sealed interface Request<R extends Response> {
  }

  /** A CALLRESULT payload. */
  public sealed interface Response {
  }

  /** B01: the station introduces itself after every boot. */
  public record BootNotificationRequest(ChargingStation chargingStation, BootReason reason)
      implements Request<BootNotificationResponse> {
  }

  public record BootNotificationResponse(
      Instant currentTime, int interval, RegistrationStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /** G02: the station shows it is alive and learns the CSMS's time. */
  public record HeartbeatRequest() implements Request<HeartbeatResponse> {
  }

  public record HeartbeatResponse(Instant currentTime) implements Response {
  }

  /** G01: a connector's status changed. */
  public record StatusNotificationRequest(Instant timestamp, ConnectorStatus connectorStatus, int evseId, int connectorId)
      implements Request<StatusNotificationResponse> {
  }

  public record StatusNotificationResponse() implements Response {
  }

  /** C01: may this IdToken charge? */
  public record AuthorizeRequest(IdToken idToken, Optional<String> certificate) implements Request<AuthorizeResponse> {
  }

  public record AuthorizeResponse(IdTokenInfo idTokenInfo, Optional<CertificateStatus> certificateStatus)
      implements Response {
  }

  /** E01-E15: a transaction started, changed or ended; {@code seqNo} orders the events of the station. */
  public record TransactionEventRequest(
      TransactionEventType eventType, Instant timestamp, TriggerReason triggerReason, int seqNo,
      Optional<Boolean> offline, Optional<Integer> numberOfPhasesUsed, Optional<Integer> cableMaxCurrent,
      Optional<Integer> reservationId, TransactionInfo transactionInfo, Optional<Evse> evse,
      Optional<IdToken> idToken, List<MeterValue> meterValue)
      implements Request<TransactionEventResponse> {
    public TransactionEventRequest {
      meterValue = List.copyOf(meterValue == null ? List.of() : meterValue);
    }
  }

  public record TransactionEventResponse(
      Optional<Double> totalCost, Optional<Integer> chargingPriority, Optional<IdTokenInfo> idTokenInfo,
      Optional<MessageContent> updatedPersonalMessage)
      implements Response {
  }

  /** B06: the CSMS reads variables of the device model. */
  public record GetVariablesRequest(List<GetVariableData> getVariableData) implements Request<GetVariablesResponse> {
    public GetVariablesRequest {
      getVariableData = List.copyOf(getVariableData);
    }
  }

  public record GetVariablesResponse(List<GetVariableResult> getVariableResult) implements Response {
    public GetVariablesResponse {
      getVariableResult = List.copyOf(getVariableResult);
    }
  }

  /** B05: the CSMS writes variables of the device model. */
  public record SetVariablesRequest(List<SetVariableData> setVariableData) implements Request<SetVariablesResponse> {
    public SetVariablesRequest {
      setVariableData = List.copyOf(setVariableData);
    }
  }

  public record SetVariablesResponse(List<SetVariableResult> setVariableResult) implements Response {
    public SetVariablesResponse {
      setVariableResult = List.copyOf(setVariableResult);
    }
  }

  /** B11, B12: the CSMS resets the station or one EVSE, now or once idle. */
  public record ResetRequest(ResetType type, Optional<Integer> evseId) implements Request<ResetResponse> {
  }

  public record ResetResponse(ResetStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * F01, F02: the CSMS starts a transaction. The charging profile stays JSON (already checked against its
   * schema) until smart charging (block K) maps it onto the core's allocator.
   */
  public record RequestStartTransactionRequest(
      Optional<Integer> evseId, int remoteStartId, IdToken idToken, Optional<ObjectNode> chargingProfile,
      Optional<IdToken> groupIdToken)
      implements Request<RequestStartTransactionResponse> {
  }

  public record RequestStartTransactionResponse(
      RequestStartStopStatus status, Optional<StatusInfo> statusInfo, Optional<String> transactionId)
      implements Response {
  }

  /** F03: the CSMS stops a transaction. */
  public record RequestStopTransactionRequest(String transactionId) implements Request<RequestStopTransactionResponse> {
  }

  public record RequestStopTransactionResponse(RequestStartStopStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /** J01: meter values outside a transaction, of one EVSE or (EVSE 0) of the station's main meter. */
  public record MeterValuesRequest(int evseId, List<MeterValue> meterValue) implements Request<MeterValuesResponse> {
    public MeterValuesRequest {
      meterValue = List.copyOf(meterValue);
    }
  }

  /** The CSMS has the meter values. */
  public record MeterValuesResponse() implements Response {
  }

  /** F06: the CSMS asks the station to send one of its messages now. */
  public record TriggerMessageRequest(MessageTrigger requestedMessage, Optional<Evse> evse)
      implements Request<TriggerMessageResponse> {
  }

  /** Whether the station will send the message asked for. */
  public record TriggerMessageResponse(TriggerMessageStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /** G03, G04: the CSMS makes the station, an EVSE or a connector operative or inoperative. */
  public record ChangeAvailabilityRequest(OperationalStatus operationalStatus, Optional<Evse> evse)
      implements Request<ChangeAvailabilityResponse> {
  }

  /** Whether the availability changed now, will change once transactions end, or will not. */
  public record ChangeAvailabilityResponse(ChangeAvailabilityStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }
}
