package dev.kilowatt.core.message;

import java.util.Optional;

/** An OCPP 1.6 action (core profiles plus the security extension): its wire name, payload types and direction. */
public enum Action implements OcppEnum {
  AUTHORIZE("Authorize", AuthorizeRequest.class, AuthorizeResponse.class, Initiator.CHARGE_POINT),
  BOOT_NOTIFICATION(
      "BootNotification",
      BootNotificationRequest.class,
      BootNotificationResponse.class,
      Initiator.CHARGE_POINT),
  CANCEL_RESERVATION(
      "CancelReservation",
      CancelReservationRequest.class,
      CancelReservationResponse.class,
      Initiator.CENTRAL_SYSTEM),
  CHANGE_AVAILABILITY(
      "ChangeAvailability",
      ChangeAvailabilityRequest.class,
      ChangeAvailabilityResponse.class,
      Initiator.CENTRAL_SYSTEM),
  CHANGE_CONFIGURATION(
      "ChangeConfiguration",
      ChangeConfigurationRequest.class,
      ChangeConfigurationResponse.class,
      Initiator.CENTRAL_SYSTEM),
  CLEAR_CACHE("ClearCache", ClearCacheRequest.class, ClearCacheResponse.class, Initiator.CENTRAL_SYSTEM),
  CLEAR_CHARGING_PROFILE(
      "ClearChargingProfile",
      ClearChargingProfileRequest.class,
      ClearChargingProfileResponse.class,
      Initiator.CENTRAL_SYSTEM),
  DATA_TRANSFER("DataTransfer", DataTransferRequest.class, DataTransferResponse.class, Initiator.BOTH),
  DIAGNOSTICS_STATUS_NOTIFICATION(
      "DiagnosticsStatusNotification",
      DiagnosticsStatusNotificationRequest.class,
      DiagnosticsStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  FIRMWARE_STATUS_NOTIFICATION(
      "FirmwareStatusNotification",
      FirmwareStatusNotificationRequest.class,
      FirmwareStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  GET_COMPOSITE_SCHEDULE(
      "GetCompositeSchedule",
      GetCompositeScheduleRequest.class,
      GetCompositeScheduleResponse.class,
      Initiator.CENTRAL_SYSTEM),
  GET_CONFIGURATION(
      "GetConfiguration",
      GetConfigurationRequest.class,
      GetConfigurationResponse.class,
      Initiator.CENTRAL_SYSTEM),
  GET_DIAGNOSTICS(
      "GetDiagnostics",
      GetDiagnosticsRequest.class,
      GetDiagnosticsResponse.class,
      Initiator.CENTRAL_SYSTEM),
  GET_LOCAL_LIST_VERSION(
      "GetLocalListVersion",
      GetLocalListVersionRequest.class,
      GetLocalListVersionResponse.class,
      Initiator.CENTRAL_SYSTEM),
  HEARTBEAT("Heartbeat", HeartbeatRequest.class, HeartbeatResponse.class, Initiator.CHARGE_POINT),
  METER_VALUES("MeterValues", MeterValuesRequest.class, MeterValuesResponse.class, Initiator.CHARGE_POINT),
  REMOTE_START_TRANSACTION(
      "RemoteStartTransaction",
      RemoteStartTransactionRequest.class,
      RemoteStartTransactionResponse.class,
      Initiator.CENTRAL_SYSTEM),
  REMOTE_STOP_TRANSACTION(
      "RemoteStopTransaction",
      RemoteStopTransactionRequest.class,
      RemoteStopTransactionResponse.class,
      Initiator.CENTRAL_SYSTEM),
  RESERVE_NOW("ReserveNow", ReserveNowRequest.class, ReserveNowResponse.class, Initiator.CENTRAL_SYSTEM),
  RESET("Reset", ResetRequest.class, ResetResponse.class, Initiator.CENTRAL_SYSTEM),
  SEND_LOCAL_LIST("SendLocalList", SendLocalListRequest.class, SendLocalListResponse.class, Initiator.CENTRAL_SYSTEM),
  SET_CHARGING_PROFILE(
      "SetChargingProfile",
      SetChargingProfileRequest.class,
      SetChargingProfileResponse.class,
      Initiator.CENTRAL_SYSTEM),
  START_TRANSACTION(
      "StartTransaction",
      StartTransactionRequest.class,
      StartTransactionResponse.class,
      Initiator.CHARGE_POINT),
  STATUS_NOTIFICATION(
      "StatusNotification",
      StatusNotificationRequest.class,
      StatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  STOP_TRANSACTION(
      "StopTransaction",
      StopTransactionRequest.class,
      StopTransactionResponse.class,
      Initiator.CHARGE_POINT),
  TRIGGER_MESSAGE(
      "TriggerMessage",
      TriggerMessageRequest.class,
      TriggerMessageResponse.class,
      Initiator.CENTRAL_SYSTEM),
  UNLOCK_CONNECTOR(
      "UnlockConnector",
      UnlockConnectorRequest.class,
      UnlockConnectorResponse.class,
      Initiator.CENTRAL_SYSTEM),
  UPDATE_FIRMWARE(
      "UpdateFirmware",
      UpdateFirmwareRequest.class,
      UpdateFirmwareResponse.class,
      Initiator.CENTRAL_SYSTEM),
  CERTIFICATE_SIGNED(
      "CertificateSigned",
      CertificateSignedRequest.class,
      CertificateSignedResponse.class,
      Initiator.CENTRAL_SYSTEM),
  DELETE_CERTIFICATE(
      "DeleteCertificate",
      DeleteCertificateRequest.class,
      DeleteCertificateResponse.class,
      Initiator.CENTRAL_SYSTEM),
  EXTENDED_TRIGGER_MESSAGE(
      "ExtendedTriggerMessage",
      ExtendedTriggerMessageRequest.class,
      ExtendedTriggerMessageResponse.class,
      Initiator.CENTRAL_SYSTEM),
  GET_INSTALLED_CERTIFICATE_IDS(
      "GetInstalledCertificateIds",
      GetInstalledCertificateIdsRequest.class,
      GetInstalledCertificateIdsResponse.class,
      Initiator.CENTRAL_SYSTEM),
  GET_LOG("GetLog", GetLogRequest.class, GetLogResponse.class, Initiator.CENTRAL_SYSTEM),
  INSTALL_CERTIFICATE(
      "InstallCertificate",
      InstallCertificateRequest.class,
      InstallCertificateResponse.class,
      Initiator.CENTRAL_SYSTEM),
  LOG_STATUS_NOTIFICATION(
      "LogStatusNotification",
      LogStatusNotificationRequest.class,
      LogStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  SECURITY_EVENT_NOTIFICATION(
      "SecurityEventNotification",
      SecurityEventNotificationRequest.class,
      SecurityEventNotificationResponse.class,
      Initiator.CHARGE_POINT),
  SIGN_CERTIFICATE(
      "SignCertificate",
      SignCertificateRequest.class,
      SignCertificateResponse.class,
      Initiator.CHARGE_POINT),
  SIGNED_FIRMWARE_STATUS_NOTIFICATION(
      "SignedFirmwareStatusNotification",
      SignedFirmwareStatusNotificationRequest.class,
      SignedFirmwareStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  SIGNED_UPDATE_FIRMWARE(
      "SignedUpdateFirmware",
      SignedUpdateFirmwareRequest.class,
      SignedUpdateFirmwareResponse.class,
      Initiator.CENTRAL_SYSTEM);

  /** Which side of the connection may send an action's request. */
  public enum Initiator {
    CHARGE_POINT,
    CENTRAL_SYSTEM,
    BOTH
  }

  private final String ocppName;
  private final Class<? extends Request<?>> requestType;
  private final Class<? extends Response> responseType;
  private final Initiator initiator;

  Action(
      String ocppName,
      Class<? extends Request<?>> requestType,
      Class<? extends Response> responseType,
      Initiator initiator) {
    this.ocppName = ocppName;
    this.requestType = requestType;
    this.responseType = responseType;
    this.initiator = initiator;
  }

  /** The action name as written in a CALL frame, e.g. {@code "BootNotification"}. */
  public String ocppName() {
    return ocppName;
  }

  @Override
  public String ocppValue() {
    return ocppName;
  }

  /** The record type of this action's CALL payload. */
  public Class<? extends Request<?>> requestType() {
    return requestType;
  }

  /** The record type of this action's CALLRESULT payload. */
  public Class<? extends Response> responseType() {
    return responseType;
  }

  /** Which side may send this action's request. */
  public Initiator initiator() {
    return initiator;
  }

  /** Whether the charge point may send this request. */
  public boolean sentByChargePoint() {
    return initiator != Initiator.CENTRAL_SYSTEM;
  }

  /** Whether the Central System may send this request. */
  public boolean sentByCentralSystem() {
    return initiator != Initiator.CHARGE_POINT;
  }

  /** The action whose CALL name is exactly {@code ocppName}, if any. */
  public static Optional<Action> byOcppName(String ocppName) {
    return OcppEnum.lookup(Action.class, ocppName);
  }

  /** Same as {@link #byOcppName(String)}, under the name every {@link OcppEnum} uses. */
  public static Optional<Action> fromOcpp(String value) {
    return byOcppName(value);
  }
}
