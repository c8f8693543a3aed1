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
import dev.kilowatt.ocpp201.TransactionEnums.TransactionEventType;
import dev.kilowatt.ocpp201.Enums.TriggerMessageStatus;
import dev.kilowatt.ocpp201.TransactionEnums.TriggerReason;
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
 * payload, named as part 2 chapter 1 names them. {@link Action} ties each to its wire name and direction;
 * {@link ServiceMessages} holds the second slice's, {@link ReportMessages} the device model's reports and
 * {@link FirmwareMessages} firmware updates and log uploads and {@link CertificateMessages} the certificates',
 * which the two sealed types also permit.
 */
public final class Messages {

  private Messages() {
  }

  /**
   * A CALL payload; {@code R} is the payload of its CALLRESULT.
   *
   * @param <R> the payload type of the CALLRESULT
   */
  public sealed interface Request<R extends Response>
      permits BootNotificationRequest, HeartbeatRequest, StatusNotificationRequest, AuthorizeRequest,
      TransactionEventRequest, GetVariablesRequest, SetVariablesRequest, ResetRequest,
      ReservationMessages.ReserveNowRequest, ReservationMessages.CancelReservationRequest,
      ReservationMessages.ReservationStatusUpdateRequest,
      RequestStartTransactionRequest, RequestStopTransactionRequest, MeterValuesRequest, TriggerMessageRequest,
      ChangeAvailabilityRequest, ServiceMessages.UnlockConnectorRequest, ServiceMessages.DataTransferRequest,
      ServiceMessages.GetTransactionStatusRequest, ServiceMessages.SecurityEventNotificationRequest,
      ReportMessages.GetBaseReportRequest, ReportMessages.NotifyReportRequest, ReportMessages.GetReportRequest,
      FirmwareMessages.UpdateFirmwareRequest, FirmwareMessages.FirmwareStatusNotificationRequest,
      FirmwareMessages.GetLogRequest, FirmwareMessages.LogStatusNotificationRequest,
      CertificateMessages.InstallCertificateRequest, CertificateMessages.GetInstalledCertificateIdsRequest,
      CertificateMessages.DeleteCertificateRequest, CertificateMessages.SignCertificateRequest,
      CertificateMessages.CertificateSignedRequest,
      LocalAuthMessages.ClearCacheRequest, LocalAuthMessages.SendLocalListRequest,
      LocalAuthMessages.GetLocalListVersionRequest,
      SmartChargingMessages.SetChargingProfileRequest, SmartChargingMessages.ClearChargingProfileRequest,
      SmartChargingMessages.GetCompositeScheduleRequest, SmartChargingMessages.GetChargingProfilesRequest,
      SmartChargingMessages.ReportChargingProfilesRequest {
  }

  /** A CALLRESULT payload. */
  public sealed interface Response
      permits BootNotificationResponse, HeartbeatResponse, StatusNotificationResponse, AuthorizeResponse,
      TransactionEventResponse, GetVariablesResponse, SetVariablesResponse, ResetResponse,
      ReservationMessages.ReserveNowResponse, ReservationMessages.CancelReservationResponse,
      ReservationMessages.ReservationStatusUpdateResponse,
      RequestStartTransactionResponse, RequestStopTransactionResponse, MeterValuesResponse, TriggerMessageResponse,
      ChangeAvailabilityResponse, ServiceMessages.UnlockConnectorResponse, ServiceMessages.DataTransferResponse,
      ServiceMessages.GetTransactionStatusResponse, ServiceMessages.SecurityEventNotificationResponse,
      ReportMessages.GetBaseReportResponse, ReportMessages.NotifyReportResponse, ReportMessages.GetReportResponse,
      FirmwareMessages.UpdateFirmwareResponse, FirmwareMessages.FirmwareStatusNotificationResponse,
      FirmwareMessages.GetLogResponse, FirmwareMessages.LogStatusNotificationResponse,
      CertificateMessages.InstallCertificateResponse, CertificateMessages.GetInstalledCertificateIdsResponse,
      CertificateMessages.DeleteCertificateResponse, CertificateMessages.SignCertificateResponse,
      CertificateMessages.CertificateSignedResponse,
      LocalAuthMessages.ClearCacheResponse, LocalAuthMessages.SendLocalListResponse,
      LocalAuthMessages.GetLocalListVersionResponse,
      SmartChargingMessages.SetChargingProfileResponse, SmartChargingMessages.ClearChargingProfileResponse,
      SmartChargingMessages.GetCompositeScheduleResponse, SmartChargingMessages.GetChargingProfilesResponse,
      SmartChargingMessages.ReportChargingProfilesResponse {
  }

  /**
   * B01: the station introduces itself after every boot.
   *
   * @param chargingStation the station's make, model, firmware and modem
   * @param reason why the station booted
   */
  public record BootNotificationRequest(ChargingStation chargingStation, BootReason reason)
      implements Request<BootNotificationResponse> {
  }

  /**
   * B01: the CSMS's verdict on the station.
   *
   * @param currentTime the CSMS's clock, for the station to set its own
   * @param interval when Accepted the heartbeat interval, otherwise the wait before the next BootNotification,
   *     in seconds
   * @param status whether the station is registered
   * @param statusInfo more about the status
   */
  public record BootNotificationResponse(
      Instant currentTime, int interval, RegistrationStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /** G02: the station shows it is alive and learns the CSMS's time. */
  public record HeartbeatRequest() implements Request<HeartbeatResponse> {
  }

  /**
   * G02: the CSMS's time.
   *
   * @param currentTime the CSMS's clock, for the station to correct its own
   */
  public record HeartbeatResponse(Instant currentTime) implements Response {
  }

  /**
   * G01: a connector's status changed.
   *
   * @param timestamp when the connector's status changed
   * @param connectorStatus the connector's new status
   * @param evseId the EVSE the connector belongs to, from 1
   * @param connectorId the connector on that EVSE, from 1
   */
  public record StatusNotificationRequest(Instant timestamp, ConnectorStatus connectorStatus, int evseId, int connectorId)
      implements Request<StatusNotificationResponse> {
  }

  /** G01: the CSMS's acknowledgement, which carries nothing. */
  public record StatusNotificationResponse() implements Response {
  }

  /**
   * C01: may this IdToken charge?
   *
   * @param idToken the token to check
   * @param certificate the ISO 15118 contract certificate chain, PEM, when the EV presented one
   */
  public record AuthorizeRequest(IdToken idToken, Optional<String> certificate) implements Request<AuthorizeResponse> {
  }

  /**
   * C01: the CSMS's verdict on a token.
   *
   * @param idTokenInfo whether and where the token may charge
   * @param certificateStatus the verdict on the contract certificate, when one was sent
   */
  public record AuthorizeResponse(IdTokenInfo idTokenInfo, Optional<CertificateStatus> certificateStatus)
      implements Response {
  }

  /**
   * E01-E15: a transaction started, changed or ended; {@code seqNo} orders the events of the station.
   *
   * @param eventType whether the transaction started, changed or ended
   * @param timestamp when the event happened
   * @param triggerReason what made the station send the event
   * @param seqNo the event's number, one more than the station's last, so the CSMS can see a gap
   * @param offline whether the event happened while the station was offline
   * @param numberOfPhasesUsed how many phases the EV charges on
   * @param cableMaxCurrent the most current the cable allows, in A
   * @param reservationId the reservation the transaction used
   * @param transactionInfo the transaction's id and state
   * @param evse the EVSE and connector, in the first event after they are known
   * @param idToken the token, in the first event after it was presented
   * @param meterValue readings taken since the last event; empty when there are none
   */
  public record TransactionEventRequest(
      TransactionEventType eventType, Instant timestamp, TriggerReason triggerReason, int seqNo,
      Optional<Boolean> offline, Optional<Integer> numberOfPhasesUsed, Optional<Integer> cableMaxCurrent,
      Optional<Integer> reservationId, TransactionInfo transactionInfo, Optional<Evse> evse,
      Optional<IdToken> idToken, List<MeterValue> meterValue)
      implements Request<TransactionEventResponse> {
    /** A null list of readings reads as empty; the list is copied, so the event stays as built. */
    public TransactionEventRequest {
      meterValue = List.copyOf(meterValue == null ? List.of() : meterValue);
    }
  }

  /**
   * E01-E15: what the CSMS says about a transaction event.
   *
   * @param totalCost the running cost including taxes, in the currency the CSMS uses, when it knows it
   * @param chargingPriority the transaction's priority from -9 to 9, higher first
   * @param idTokenInfo the verdict on the event's token, when it carried one
   * @param updatedPersonalMessage a message to show the driver
   */
  public record TransactionEventResponse(
      Optional<Double> totalCost, Optional<Integer> chargingPriority, Optional<IdTokenInfo> idTokenInfo,
      Optional<MessageContent> updatedPersonalMessage)
      implements Response {
  }

  /**
   * B06: the CSMS reads variables of the device model.
   *
   * @param getVariableData the variables to read
   */
  public record GetVariablesRequest(List<GetVariableData> getVariableData) implements Request<GetVariablesResponse> {
    /** Copies the list, so the request stays as built. */
    public GetVariablesRequest {
      getVariableData = List.copyOf(getVariableData);
    }
  }

  /**
   * B06: what reading each variable gave.
   *
   * @param getVariableResult one result per variable asked for
   */
  public record GetVariablesResponse(List<GetVariableResult> getVariableResult) implements Response {
    /** Copies the list, so the answer stays as built. */
    public GetVariablesResponse {
      getVariableResult = List.copyOf(getVariableResult);
    }
  }

  /**
   * B05: the CSMS writes variables of the device model.
   *
   * @param setVariableData the variables to write
   */
  public record SetVariablesRequest(List<SetVariableData> setVariableData) implements Request<SetVariablesResponse> {
    /** Copies the list, so the request stays as built. */
    public SetVariablesRequest {
      setVariableData = List.copyOf(setVariableData);
    }
  }

  /**
   * B05: what writing each variable gave.
   *
   * @param setVariableResult one result per variable written
   */
  public record SetVariablesResponse(List<SetVariableResult> setVariableResult) implements Response {
    /** Copies the list, so the answer stays as built. */
    public SetVariablesResponse {
      setVariableResult = List.copyOf(setVariableResult);
    }
  }

  /**
   * B11, B12: the CSMS resets the station or one EVSE, now or once idle.
   *
   * @param type now, or once no transaction runs
   * @param evseId the EVSE to reset; absent for the whole station
   */
  public record ResetRequest(ResetType type, Optional<Integer> evseId) implements Request<ResetResponse> {
  }

  /**
   * B11, B12: whether the station will reset.
   *
   * @param status now, once idle, or not at all
   * @param statusInfo more about the status
   */
  public record ResetResponse(ResetStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * F01, F02: the CSMS starts a transaction. The charging profile stays JSON (already checked against its
   * schema) until smart charging (block K) maps it onto the core's allocator.
   *
   * @param evseId the EVSE to start on; absent lets the station choose
   * @param remoteStartId the CSMS's id for the request, which the transaction's events carry back
   * @param idToken the token the transaction is started for
   * @param chargingProfile a TxProfile for the transaction, as JSON
   * @param groupIdToken the group the token belongs to
   */
  public record RequestStartTransactionRequest(
      Optional<Integer> evseId, int remoteStartId, IdToken idToken, Optional<ObjectNode> chargingProfile,
      Optional<IdToken> groupIdToken)
      implements Request<RequestStartTransactionResponse> {
  }

  /**
   * F01, F02: whether the station will start the transaction.
   *
   * @param status whether it will try
   * @param statusInfo more about the status
   * @param transactionId the id of a transaction that was already running on the EVSE, e.g. since the cable
   *     was plugged in
   */
  public record RequestStartTransactionResponse(
      RequestStartStopStatus status, Optional<StatusInfo> statusInfo, Optional<String> transactionId)
      implements Response {
  }

  /**
   * F03: the CSMS stops a transaction.
   *
   * @param transactionId the station's id of the transaction to stop
   */
  public record RequestStopTransactionRequest(String transactionId) implements Request<RequestStopTransactionResponse> {
  }

  /**
   * F03: whether the station will stop the transaction.
   *
   * @param status whether it will try
   * @param statusInfo more about the status
   */
  public record RequestStopTransactionResponse(RequestStartStopStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * J01: meter values outside a transaction, of one EVSE or (EVSE 0) of the station's main meter.
   *
   * @param evseId the EVSE measured, 0 for the station's main meter
   * @param meterValue the readings, at least one
   */
  public record MeterValuesRequest(int evseId, List<MeterValue> meterValue) implements Request<MeterValuesResponse> {
    /** Keeps its own copy of the readings. */
    public MeterValuesRequest {
      meterValue = List.copyOf(meterValue);
    }
  }

  /** The CSMS has the meter values. */
  public record MeterValuesResponse() implements Response {
  }

  /**
   * F06: the CSMS asks the station to send one of its messages now.
   *
   * @param requestedMessage the message to send
   * @param evse the EVSE (and connector) it is about, or none for the whole station
   */
  public record TriggerMessageRequest(MessageTrigger requestedMessage, Optional<Evse> evse)
      implements Request<TriggerMessageResponse> {
  }

  /**
   * Whether the station will send the message asked for.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record TriggerMessageResponse(TriggerMessageStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * G03, G04: the CSMS makes the station, an EVSE or a connector operative or inoperative.
   *
   * @param operationalStatus the availability asked for
   * @param evse the EVSE (and connector) it is about, or none for the whole station
   */
  public record ChangeAvailabilityRequest(OperationalStatus operationalStatus, Optional<Evse> evse)
      implements Request<ChangeAvailabilityResponse> {
  }

  /**
   * Whether the availability changed now, will change once transactions end, or will not.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record ChangeAvailabilityResponse(ChangeAvailabilityStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }
}
