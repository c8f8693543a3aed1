package dev.kilowatt.core.message;

import java.util.Optional;

/** An OCPP 1.6 action (core profiles plus the security extension): its wire name, payload types and direction. */
public enum Action implements OcppEnum {
  /** The charge point asks whether an idTag may start or stop charging. */
  AUTHORIZE("Authorize", AuthorizeRequest.class, AuthorizeResponse.class, Initiator.CHARGE_POINT),
  /** The charge point announces itself after a (re)boot and learns whether it is registered. */
  BOOT_NOTIFICATION(
      "BootNotification",
      BootNotificationRequest.class,
      BootNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The Central System withdraws a reservation made with ReserveNow. */
  CANCEL_RESERVATION(
      "CancelReservation",
      CancelReservationRequest.class,
      CancelReservationResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System takes a connector, or the whole charge point, in or out of service. */
  CHANGE_AVAILABILITY(
      "ChangeAvailability",
      ChangeAvailabilityRequest.class,
      ChangeAvailabilityResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System sets one configuration key. */
  CHANGE_CONFIGURATION(
      "ChangeConfiguration",
      ChangeConfigurationRequest.class,
      ChangeConfigurationResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System empties the authorization cache. */
  CLEAR_CACHE("ClearCache", ClearCacheRequest.class, ClearCacheResponse.class, Initiator.CENTRAL_SYSTEM),
  /** The Central System removes charging profiles, by id or by connector, purpose and stack level. */
  CLEAR_CHARGING_PROFILE(
      "ClearChargingProfile",
      ClearChargingProfileRequest.class,
      ClearChargingProfileResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** Either side sends vendor-specific data that OCPP has no message for. */
  DATA_TRANSFER("DataTransfer", DataTransferRequest.class, DataTransferResponse.class, Initiator.BOTH),
  /** The charge point reports how the upload GetDiagnostics asked for is going. */
  DIAGNOSTICS_STATUS_NOTIFICATION(
      "DiagnosticsStatusNotification",
      DiagnosticsStatusNotificationRequest.class,
      DiagnosticsStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The charge point reports how the download and installation of UpdateFirmware are going. */
  FIRMWARE_STATUS_NOTIFICATION(
      "FirmwareStatusNotification",
      FirmwareStatusNotificationRequest.class,
      FirmwareStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The Central System asks for the schedule that results from all profiles on a connector. */
  GET_COMPOSITE_SCHEDULE(
      "GetCompositeSchedule",
      GetCompositeScheduleRequest.class,
      GetCompositeScheduleResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System reads configuration keys, all of them or those it names. */
  GET_CONFIGURATION(
      "GetConfiguration",
      GetConfigurationRequest.class,
      GetConfigurationResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks for a diagnostics file to be uploaded to a URL. */
  GET_DIAGNOSTICS(
      "GetDiagnostics",
      GetDiagnosticsRequest.class,
      GetDiagnosticsResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks which version of the local authorization list the charge point holds. */
  GET_LOCAL_LIST_VERSION(
      "GetLocalListVersion",
      GetLocalListVersionRequest.class,
      GetLocalListVersionResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The charge point shows it is alive and learns the Central System's time. */
  HEARTBEAT("Heartbeat", HeartbeatRequest.class, HeartbeatResponse.class, Initiator.CHARGE_POINT),
  /** The charge point sends sampled readings, during a transaction or on the clock. */
  METER_VALUES("MeterValues", MeterValuesRequest.class, MeterValuesResponse.class, Initiator.CHARGE_POINT),
  /** The Central System asks for a transaction to be started for an idTag, e.g. from an app. */
  REMOTE_START_TRANSACTION(
      "RemoteStartTransaction",
      RemoteStartTransactionRequest.class,
      RemoteStartTransactionResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks for a running transaction to be stopped. */
  REMOTE_STOP_TRANSACTION(
      "RemoteStopTransaction",
      RemoteStopTransactionRequest.class,
      RemoteStopTransactionResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System holds a connector for one idTag until an expiry time. */
  RESERVE_NOW("ReserveNow", ReserveNowRequest.class, ReserveNowResponse.class, Initiator.CENTRAL_SYSTEM),
  /** The Central System asks the charge point to reboot, softly or hard. */
  RESET("Reset", ResetRequest.class, ResetResponse.class, Initiator.CENTRAL_SYSTEM),
  /** The Central System replaces or patches the local authorization list. */
  SEND_LOCAL_LIST("SendLocalList", SendLocalListRequest.class, SendLocalListResponse.class, Initiator.CENTRAL_SYSTEM),
  /** The Central System installs a charging profile that limits the power or current. */
  SET_CHARGING_PROFILE(
      "SetChargingProfile",
      SetChargingProfileRequest.class,
      SetChargingProfileResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The charge point reports that charging started and gets the transaction id. */
  START_TRANSACTION(
      "StartTransaction",
      StartTransactionRequest.class,
      StartTransactionResponse.class,
      Initiator.CHARGE_POINT),
  /** The charge point reports a connector's status or error condition. */
  STATUS_NOTIFICATION(
      "StatusNotification",
      StatusNotificationRequest.class,
      StatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The charge point reports that a transaction ended, with its final meter reading. */
  STOP_TRANSACTION(
      "StopTransaction",
      StopTransactionRequest.class,
      StopTransactionResponse.class,
      Initiator.CHARGE_POINT),
  /** The Central System asks the charge point to send one of its messages now. */
  TRIGGER_MESSAGE(
      "TriggerMessage",
      TriggerMessageRequest.class,
      TriggerMessageResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks for a connector's cable lock to be released, e.g. for a stuck plug. */
  UNLOCK_CONNECTOR(
      "UnlockConnector",
      UnlockConnectorRequest.class,
      UnlockConnectorResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks the charge point to download and install firmware. */
  UPDATE_FIRMWARE(
      "UpdateFirmware",
      UpdateFirmwareRequest.class,
      UpdateFirmwareResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System delivers the charge point certificate signed from its SignCertificate request. */
  CERTIFICATE_SIGNED(
      "CertificateSigned",
      CertificateSignedRequest.class,
      CertificateSignedResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System removes an installed root certificate, named by its hash. */
  DELETE_CERTIFICATE(
      "DeleteCertificate",
      DeleteCertificateRequest.class,
      DeleteCertificateResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks for a message now, including those of the security extension. */
  EXTENDED_TRIGGER_MESSAGE(
      "ExtendedTriggerMessage",
      ExtendedTriggerMessageRequest.class,
      ExtendedTriggerMessageResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks which root certificates of one kind are installed. */
  GET_INSTALLED_CERTIFICATE_IDS(
      "GetInstalledCertificateIds",
      GetInstalledCertificateIdsRequest.class,
      GetInstalledCertificateIdsResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The Central System asks for the diagnostics or security log to be uploaded to a URL. */
  GET_LOG("GetLog", GetLogRequest.class, GetLogResponse.class, Initiator.CENTRAL_SYSTEM),
  /** The Central System installs a root certificate. */
  INSTALL_CERTIFICATE(
      "InstallCertificate",
      InstallCertificateRequest.class,
      InstallCertificateResponse.class,
      Initiator.CENTRAL_SYSTEM),
  /** The charge point reports how the upload GetLog asked for is going. */
  LOG_STATUS_NOTIFICATION(
      "LogStatusNotification",
      LogStatusNotificationRequest.class,
      LogStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The charge point reports a security-related event such as a firmware or settings change. */
  SECURITY_EVENT_NOTIFICATION(
      "SecurityEventNotification",
      SecurityEventNotificationRequest.class,
      SecurityEventNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The charge point sends a certificate signing request for its own key pair. */
  SIGN_CERTIFICATE(
      "SignCertificate",
      SignCertificateRequest.class,
      SignCertificateResponse.class,
      Initiator.CHARGE_POINT),
  /** The charge point reports how a SignedUpdateFirmware is going. */
  SIGNED_FIRMWARE_STATUS_NOTIFICATION(
      "SignedFirmwareStatusNotification",
      SignedFirmwareStatusNotificationRequest.class,
      SignedFirmwareStatusNotificationResponse.class,
      Initiator.CHARGE_POINT),
  /** The Central System asks for firmware to be installed whose signature the charge point checks first. */
  SIGNED_UPDATE_FIRMWARE(
      "SignedUpdateFirmware",
      SignedUpdateFirmwareRequest.class,
      SignedUpdateFirmwareResponse.class,
      Initiator.CENTRAL_SYSTEM);

  /** Which side of the connection may send an action's request. */
  public enum Initiator {
    /** Only the charge point sends this request. */
    CHARGE_POINT,
    /** Only the Central System sends this request. */
    CENTRAL_SYSTEM,
    /** Either side may send this request. */
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

  /**
   * The action name as written in a CALL frame, e.g. {@code "BootNotification"}.
   *
   * @return the CALL frame's action name
   */
  public String ocppName() {
    return ocppName;
  }

  @Override
  public String ocppValue() {
    return ocppName;
  }

  /** {@return the record type of this action's CALL payload} */
  public Class<? extends Request<?>> requestType() {
    return requestType;
  }

  /** {@return the record type of this action's CALLRESULT payload} */
  public Class<? extends Response> responseType() {
    return responseType;
  }

  /** {@return which side may send this action's request} */
  public Initiator initiator() {
    return initiator;
  }

  /** {@return whether the charge point may send this request} */
  public boolean sentByChargePoint() {
    return initiator != Initiator.CENTRAL_SYSTEM;
  }

  /** {@return whether the Central System may send this request} */
  public boolean sentByCentralSystem() {
    return initiator != Initiator.CHARGE_POINT;
  }

  /**
   * The action whose CALL name is exactly {@code ocppName}, if any.
   *
   * @param ocppName the action name of a CALL frame; the match is case-sensitive
   * @return the action, or empty for a name that neither OCPP 1.6 nor its security extension defines
   */
  public static Optional<Action> byOcppName(String ocppName) {
    return OcppEnum.lookup(Action.class, ocppName);
  }

  /**
   * Same as {@link #byOcppName(String)}, under the name every {@link OcppEnum} uses.
   *
   * @param value the string as written in OCPP JSON; the match is case-sensitive
   * @return the constant, or empty when the string is none of this enumeration's values
   */
  public static Optional<Action> fromOcpp(String value) {
    return byOcppName(value);
  }
}
