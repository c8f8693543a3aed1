package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import java.util.Optional;

/** The OCPP 2.0.1 actions this adapter types: wire name, payload records and who sends the CALL. */
public enum Action {
  /** B01: the station introduces itself after booting. */
  BOOT_NOTIFICATION("BootNotification", Messages.BootNotificationRequest.class,
      Messages.BootNotificationResponse.class, Sender.STATION),
  /** G02: the station shows it is alive and learns the CSMS's time. */
  HEARTBEAT("Heartbeat", Messages.HeartbeatRequest.class, Messages.HeartbeatResponse.class, Sender.STATION),
  /** G01: the station reports a connector's status. */
  STATUS_NOTIFICATION("StatusNotification", Messages.StatusNotificationRequest.class,
      Messages.StatusNotificationResponse.class, Sender.STATION),
  /** C01: the station asks whether a token may charge. */
  AUTHORIZE("Authorize", Messages.AuthorizeRequest.class, Messages.AuthorizeResponse.class, Sender.STATION),
  /** E01-E15: the station reports that a transaction started, changed or ended. */
  TRANSACTION_EVENT("TransactionEvent", Messages.TransactionEventRequest.class,
      Messages.TransactionEventResponse.class, Sender.STATION),
  /** B06: the CSMS reads variables of the device model. */
  GET_VARIABLES("GetVariables", Messages.GetVariablesRequest.class, Messages.GetVariablesResponse.class, Sender.CSMS),
  /** B05: the CSMS writes variables of the device model. */
  SET_VARIABLES("SetVariables", Messages.SetVariablesRequest.class, Messages.SetVariablesResponse.class, Sender.CSMS),
  /** B11, B12: the CSMS resets the station or an EVSE. */
  RESET("Reset", Messages.ResetRequest.class, Messages.ResetResponse.class, Sender.CSMS),
  /** F01, F02: the CSMS starts a transaction. */
  REQUEST_START_TRANSACTION("RequestStartTransaction", Messages.RequestStartTransactionRequest.class,
      Messages.RequestStartTransactionResponse.class, Sender.CSMS),
  /** F03: the CSMS stops a transaction. */
  REQUEST_STOP_TRANSACTION("RequestStopTransaction", Messages.RequestStopTransactionRequest.class,
      Messages.RequestStopTransactionResponse.class, Sender.CSMS),
  /** J01: the station reports meter values outside a transaction. */
  METER_VALUES("MeterValues", Messages.MeterValuesRequest.class, Messages.MeterValuesResponse.class, Sender.STATION),
  /** F06: the CSMS asks the station to send one of its messages now. */
  TRIGGER_MESSAGE("TriggerMessage", Messages.TriggerMessageRequest.class, Messages.TriggerMessageResponse.class,
      Sender.CSMS),
  /** G03, G04: the CSMS makes the station, an EVSE or a connector operative or inoperative. */
  CHANGE_AVAILABILITY("ChangeAvailability", Messages.ChangeAvailabilityRequest.class,
      Messages.ChangeAvailabilityResponse.class, Sender.CSMS),
  /** H01: the CSMS reserves an EVSE, or any EVSE, for a token. */
  RESERVE_NOW("ReserveNow", ReservationMessages.ReserveNowRequest.class, ReservationMessages.ReserveNowResponse.class,
      Sender.CSMS),
  /** H02: the CSMS cancels a reservation. */
  CANCEL_RESERVATION("CancelReservation", ReservationMessages.CancelReservationRequest.class,
      ReservationMessages.CancelReservationResponse.class, Sender.CSMS),
  /** H01, H04: the station tells that a reservation ended unused (expired, or removed). */
  RESERVATION_STATUS_UPDATE("ReservationStatusUpdate", ReservationMessages.ReservationStatusUpdateRequest.class,
      ReservationMessages.ReservationStatusUpdateResponse.class, Sender.STATION),
  /** F05: the CSMS asks the station to open a connector's cable lock. */
  UNLOCK_CONNECTOR("UnlockConnector", ServiceMessages.UnlockConnectorRequest.class,
      ServiceMessages.UnlockConnectorResponse.class, Sender.CSMS),
  /** P01, P02: a vendor's own message, from either side. */
  DATA_TRANSFER("DataTransfer", ServiceMessages.DataTransferRequest.class, ServiceMessages.DataTransferResponse.class,
      Sender.EITHER),
  /** E14: the CSMS asks whether a transaction runs and whether its messages wait to be delivered. */
  GET_TRANSACTION_STATUS("GetTransactionStatus", ServiceMessages.GetTransactionStatusRequest.class,
      ServiceMessages.GetTransactionStatusResponse.class, Sender.CSMS),
  /** A04: the station reports a security event. */
  SECURITY_EVENT_NOTIFICATION("SecurityEventNotification", ServiceMessages.SecurityEventNotificationRequest.class,
      ServiceMessages.SecurityEventNotificationResponse.class, Sender.STATION),
  /** B07: the CSMS asks for a predefined report of the device model. */
  GET_BASE_REPORT("GetBaseReport", ReportMessages.GetBaseReportRequest.class, ReportMessages.GetBaseReportResponse.class,
      Sender.CSMS),
  /** B07: the station sends a part of the report the CSMS asked for. */
  NOTIFY_REPORT("NotifyReport", ReportMessages.NotifyReportRequest.class, ReportMessages.NotifyReportResponse.class,
      Sender.STATION),
  /** B08: the CSMS asks for a report of the components and variables it names or that meet its criteria. */
  GET_REPORT("GetReport", ReportMessages.GetReportRequest.class, ReportMessages.GetReportResponse.class, Sender.CSMS),
  /** L01, L02: the CSMS asks the station to update its firmware. */
  UPDATE_FIRMWARE("UpdateFirmware", FirmwareMessages.UpdateFirmwareRequest.class,
      FirmwareMessages.UpdateFirmwareResponse.class, Sender.CSMS),
  /** L01, L02: the station reports a step of a firmware update. */
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification", FirmwareMessages.FirmwareStatusNotificationRequest.class,
      FirmwareMessages.FirmwareStatusNotificationResponse.class, Sender.STATION),
  /** N01: the CSMS asks the station to upload a log. */
  GET_LOG("GetLog", FirmwareMessages.GetLogRequest.class, FirmwareMessages.GetLogResponse.class, Sender.CSMS),
  /** N01: the station reports a step of a log upload. */
  LOG_STATUS_NOTIFICATION("LogStatusNotification", FirmwareMessages.LogStatusNotificationRequest.class,
      FirmwareMessages.LogStatusNotificationResponse.class, Sender.STATION),
  /** M05: the CSMS installs a CA certificate. */
  INSTALL_CERTIFICATE("InstallCertificate", CertificateMessages.InstallCertificateRequest.class,
      CertificateMessages.InstallCertificateResponse.class, Sender.CSMS),
  /** M03: the CSMS asks which certificates are installed. */
  GET_INSTALLED_CERTIFICATE_IDS("GetInstalledCertificateIds", CertificateMessages.GetInstalledCertificateIdsRequest.class,
      CertificateMessages.GetInstalledCertificateIdsResponse.class, Sender.CSMS),
  /** M04: the CSMS deletes an installed certificate. */
  DELETE_CERTIFICATE("DeleteCertificate", CertificateMessages.DeleteCertificateRequest.class,
      CertificateMessages.DeleteCertificateResponse.class, Sender.CSMS),
  /** A02, A03: the station asks for a certificate for its new key. */
  SIGN_CERTIFICATE("SignCertificate", CertificateMessages.SignCertificateRequest.class,
      CertificateMessages.SignCertificateResponse.class, Sender.STATION),
  /** A02, A03: the CSMS sends the signed certificate. */
  CERTIFICATE_SIGNED("CertificateSigned", CertificateMessages.CertificateSignedRequest.class,
      CertificateMessages.CertificateSignedResponse.class, Sender.CSMS),
  /** C11: the CSMS empties the station's authorization cache. */
  CLEAR_CACHE("ClearCache", LocalAuthMessages.ClearCacheRequest.class, LocalAuthMessages.ClearCacheResponse.class,
      Sender.CSMS),
  /** D01: the CSMS replaces or patches the station's local authorization list. */
  SEND_LOCAL_LIST("SendLocalList", LocalAuthMessages.SendLocalListRequest.class,
      LocalAuthMessages.SendLocalListResponse.class, Sender.CSMS),
  /** D02: the CSMS asks for the version of the station's local authorization list. */
  GET_LOCAL_LIST_VERSION("GetLocalListVersion", LocalAuthMessages.GetLocalListVersionRequest.class,
      LocalAuthMessages.GetLocalListVersionResponse.class, Sender.CSMS),
  /** K01: the CSMS installs a charging profile. */
  SET_CHARGING_PROFILE("SetChargingProfile", SmartChargingMessages.SetChargingProfileRequest.class,
      SmartChargingMessages.SetChargingProfileResponse.class, Sender.CSMS),
  /** K10: the CSMS clears charging profiles. */
  CLEAR_CHARGING_PROFILE("ClearChargingProfile", SmartChargingMessages.ClearChargingProfileRequest.class,
      SmartChargingMessages.ClearChargingProfileResponse.class, Sender.CSMS),
  /** K08: the CSMS asks for the limits an EVSE will have. */
  GET_COMPOSITE_SCHEDULE("GetCompositeSchedule", SmartChargingMessages.GetCompositeScheduleRequest.class,
      SmartChargingMessages.GetCompositeScheduleResponse.class, Sender.CSMS),
  /** K09: the CSMS asks for the installed charging profiles. */
  GET_CHARGING_PROFILES("GetChargingProfiles", SmartChargingMessages.GetChargingProfilesRequest.class,
      SmartChargingMessages.GetChargingProfilesResponse.class, Sender.CSMS),
  /** K09: the station reports installed charging profiles, in parts. */
  REPORT_CHARGING_PROFILES("ReportChargingProfiles", SmartChargingMessages.ReportChargingProfilesRequest.class,
      SmartChargingMessages.ReportChargingProfilesResponse.class, Sender.STATION);

  /** Which side of the link sends the CALL of an action. */
  public enum Sender {
    /** The charging station sends the CALL; the CSMS answers. */
    STATION,
    /** The CSMS sends the CALL; the charging station answers. */
    CSMS,
    /** Either side sends the CALL and the other answers (DataTransfer). */
    EITHER;

    /** {@return whether the station sends CALLs of such an action} */
    public boolean station() {
      return this != CSMS;
    }

    /** {@return whether the CSMS sends CALLs of such an action} */
    public boolean csms() {
      return this != STATION;
    }
  }

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

  /** {@return the action's name in a CALL frame} */
  public String wireName() {
    return wireName;
  }

  /** {@return the record type of the CALL payload} */
  public Class<? extends Request<?>> requestType() {
    return requestType;
  }

  /** {@return the record type of the CALLRESULT payload} */
  public Class<? extends Response> responseType() {
    return responseType;
  }

  /** {@return which side sends the CALL} */
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

  /**
   * The action of a CALL frame's name.
   *
   * @param wireName the action name, e.g. {@code "BootNotification"}
   * @return the action, or empty for one this adapter does not type
   */
  public static Optional<Action> named(String wireName) {
    for (Action action : values()) {
      if (action.wireName.equals(wireName)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  /**
   * The action a payload belongs to.
   *
   * @param request a CALL payload
   * @return its action
   * @throws IllegalArgumentException for a payload of no action, which the sealed types rule out
   */
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
