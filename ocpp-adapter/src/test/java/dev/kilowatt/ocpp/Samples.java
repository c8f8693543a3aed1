package dev.kilowatt.ocpp;

import dev.kilowatt.core.message.*;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Realistic requests and responses for every action, with optional fields, nested lists and enums filled in. */
final class Samples {

  /**
   * Calls the link must answer with a CALLERROR and keep from the domain: the unique id, the frame (with
   * ' for "), the CALLERROR code (OCPP-J 1.6 section 4.2.3).
   */
  static final String[][] BROKEN_CALLS = {
      {"b1", "[2,'b1','Reset',{'type':", "FormationViolation"},
      {"b2", "['2','b2','Reset',{'type':'Soft'}]", "FormationViolation"},
      {"b3", "[2,'b3','Reset']", "ProtocolError"},
      {"b4", "[2,'b4','Teleport',{}]", "NotImplemented"},
      {"b5", "[2,'b5','Heartbeat',{}]", "NotSupported"},
      {"b6", "[2,'b6','Reset',{}]", "OccurenceConstraintViolation"},
      {"b7", "[2,'b7','UnlockConnector',{'connectorId':'one'}]", "TypeConstraintViolation"},
      {"b8", "[2,'b8','Reset',{'type':'Sideways'}]", "PropertyConstraintViolation"},
      {"b9", "[2,'b9','RemoteStartTransaction',{'idTag':'123456789012345678901'}]", "PropertyConstraintViolation"},
      {"b10", "[2,'b10','ReserveNow',{'connectorId':1,'expiryDate':'2024-13-01T00:00:00Z','idTag':'t',"
          + "'reservationId':1}]", "PropertyConstraintViolation"},
      {"b11", "[2,'b11','Reset',{'type':'Soft','now':true}]", "FormationViolation"},
  };

  /** Frames without a readable id or with an unknown message type: logged, counted, otherwise ignored. */
  static final List<String> UNANSWERABLE_FRAMES =
      List.of("garbage", "{'not':'an array'}", "[7,'x','Reset',{}]", "[2,3,'Reset',{}]");

  static final Instant T0 = Instant.parse("2024-01-01T12:00:00Z");
  static final Instant T1 = Instant.parse("2024-01-01T12:15:30.250Z");

  static final IdTagInfo ACCEPTED_CARD =
      new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.of(T1), Optional.of("PARENT-01"));

  static final List<MeterValue> METER_VALUES = List.of(
      new MeterValue(T0, List.of(
          new SampledValue("12345.6", Optional.of(ReadingContext.SAMPLE_PERIODIC), Optional.of(ValueFormat.RAW),
              Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER), Optional.empty(), Optional.of(Location.OUTLET),
              Optional.of(UnitOfMeasure.WH)),
          new SampledValue("7360", Optional.of(ReadingContext.SAMPLE_PERIODIC), Optional.empty(),
              Optional.of(Measurand.POWER_ACTIVE_IMPORT), Optional.empty(), Optional.empty(),
              Optional.of(UnitOfMeasure.W)),
          new SampledValue("32.0", Optional.empty(), Optional.empty(), Optional.of(Measurand.CURRENT_IMPORT),
              Optional.of(Phase.L1), Optional.empty(), Optional.of(UnitOfMeasure.A)),
          new SampledValue("230.1", Optional.empty(), Optional.empty(), Optional.of(Measurand.VOLTAGE),
              Optional.of(Phase.L1_N), Optional.empty(), Optional.of(UnitOfMeasure.V)))),
      new MeterValue(T1, List.of(new SampledValue("12400", Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty()))));

  static final ChargingSchedule SCHEDULE = new ChargingSchedule(Optional.of(3600), Optional.of(T0),
      ChargingRateUnitType.A, List.of(new ChargingSchedulePeriod(0, 16.0, Optional.of(3)),
          new ChargingSchedulePeriod(1800, 10.5, Optional.empty())),
      Optional.of(6.0));

  static final ChargingProfile PROFILE = new ChargingProfile(7, Optional.of(42), 1,
      ChargingProfilePurposeType.TX_PROFILE, ChargingProfileKindType.RECURRING, Optional.of(RecurrencyKindType.DAILY),
      Optional.of(T0), Optional.of(T1), SCHEDULE);

  static final CertificateHashData HASH =
      new CertificateHashData(HashAlgorithm.SHA256, "a".repeat(64), "b".repeat(64), "0F1E2D");

  private Samples() {
  }

  /** JSON written with single quotes, for readable frames in tests. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** What the charge point sends. */
  static List<ChargePointRequest<?>> chargePointRequests() {
    return List.of(
        new AuthorizeRequest("04A2B3C4D5E6F7"),
        new BootNotificationRequest("Kilowatt", "KW-22-1", Optional.of("SN-0001"), Optional.of("BOX-0001"),
            Optional.of("1.0.0"), Optional.of("89490200001234567890"), Optional.of("262011234567890"),
            Optional.of("ABB B23"), Optional.of("MTR-0001")),
        new BootNotificationRequest("Kilowatt", "KW-22-1", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        new DataTransferRequest("com.example.vendor", Optional.of("Temperature"), Optional.of("{\"t\":21.5}")),
        new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.UPLOADED),
        new FirmwareStatusNotificationRequest(FirmwareStatus.INSTALLED),
        new HeartbeatRequest(),
        new MeterValuesRequest(1, Optional.of(42), METER_VALUES),
        new StartTransactionRequest(1, "04A2B3C4D5E6F7", 12345, Optional.of(3), T0),
        new StatusNotificationRequest(1, ChargePointErrorCode.NO_ERROR, Optional.empty(), ChargePointStatus.CHARGING,
            Optional.of(T0), Optional.empty(), Optional.empty()),
        new StatusNotificationRequest(0, ChargePointErrorCode.POWER_SWITCH_FAILURE, Optional.of("relay welded"),
            ChargePointStatus.FAULTED, Optional.of(T1), Optional.of("com.example"), Optional.of("RELAY_WELDED")),
        new StopTransactionRequest(Optional.of("04A2B3C4D5E6F7"), 22345, T1, 42, Optional.of(Reason.EV_DISCONNECTED),
            METER_VALUES),
        new StopTransactionRequest(Optional.empty(), 22345, T1, 42, Optional.empty(), List.of()),
        new LogStatusNotificationRequest(UploadLogStatus.UPLOADED, Optional.of(5)),
        new SecurityEventNotificationRequest("StartupOfTheDevice", T0, Optional.of("cold boot")),
        new SignCertificateRequest("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----"),
        new SignedFirmwareStatusNotificationRequest(SignedFirmwareStatus.SIGNATURE_VERIFIED, Optional.of(9)));
  }

  /** What the central system sends. */
  static List<CentralSystemRequest<?>> centralSystemRequests() {
    return List.of(
        new CancelReservationRequest(11),
        new ChangeAvailabilityRequest(0, AvailabilityType.INOPERATIVE),
        new ChangeConfigurationRequest("HeartbeatInterval", "300"),
        new ClearCacheRequest(),
        new ClearChargingProfileRequest(Optional.of(7), Optional.of(1),
            Optional.of(ChargingProfilePurposeType.TX_PROFILE), Optional.of(1)),
        new ClearChargingProfileRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        new DataTransferRequest("com.example.vendor", Optional.empty(), Optional.empty()),
        new GetCompositeScheduleRequest(1, 3600, Optional.of(ChargingRateUnitType.W)),
        new GetConfigurationRequest(List.of("HeartbeatInterval", "MeterValueSampleInterval")),
        new GetConfigurationRequest(List.of()),
        new GetDiagnosticsRequest("ftp://user:pass@diag.example.com/uploads", Optional.of(3), Optional.of(60),
            Optional.of(T0), Optional.of(T1)),
        new GetLocalListVersionRequest(),
        new RemoteStartTransactionRequest(Optional.of(1), "04A2B3C4D5E6F7", Optional.of(PROFILE)),
        new RemoteStartTransactionRequest(Optional.empty(), "04A2B3C4D5E6F7", Optional.empty()),
        new RemoteStopTransactionRequest(42),
        new ReserveNowRequest(1, T1, "04A2B3C4D5E6F7", Optional.of("PARENT-01"), 11),
        new ResetRequest(ResetType.SOFT),
        new SendLocalListRequest(3, List.of(new AuthorizationData("04A2B3C4D5E6F7", Optional.of(ACCEPTED_CARD)),
            new AuthorizationData("DEADBEEF", Optional.empty())), UpdateType.DIFFERENTIAL),
        new SetChargingProfileRequest(1, PROFILE),
        new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, Optional.of(1)),
        new UnlockConnectorRequest(1),
        new UpdateFirmwareRequest("https://fw.example.com/kw-1.0.1.bin", Optional.of(2), T1, Optional.of(30)),
        new CertificateSignedRequest("-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----"),
        new DeleteCertificateRequest(HASH),
        new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, Optional.empty()),
        new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE),
        new GetLogRequest(LogType.SECURITY_LOG, 5, Optional.of(1), Optional.of(10),
            new LogParameters("https://logs.example.com/upload", Optional.of(T0), Optional.of(T1))),
        new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, "-----BEGIN CERTIFICATE-----"),
        new SignedUpdateFirmwareRequest(Optional.of(2), Optional.of(30), 9,
            new Firmware("https://fw.example.com/kw.bin", T0, Optional.of(T1),
                Optional.of("-----BEGIN CERTIFICATE-----"), Optional.of("MEUCIQ=="))));
  }

  /** One answer for every action. */
  static Map<Action, Response> responses() {
    Map<Action, Response> answers = new EnumMap<>(Action.class);
    for (Response response : List.of(
        new AuthorizeResponse(ACCEPTED_CARD),
        new BootNotificationResponse(RegistrationStatus.ACCEPTED, T0, 300),
        new CancelReservationResponse(CancelReservationStatus.ACCEPTED),
        new ChangeAvailabilityResponse(AvailabilityStatus.SCHEDULED),
        new ChangeConfigurationResponse(ConfigurationStatus.REBOOT_REQUIRED),
        new ClearCacheResponse(ClearCacheStatus.ACCEPTED),
        new ClearChargingProfileResponse(ClearChargingProfileStatus.UNKNOWN),
        new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID, Optional.of("none")),
        new DiagnosticsStatusNotificationResponse(),
        new FirmwareStatusNotificationResponse(),
        new GetCompositeScheduleResponse(GetCompositeScheduleStatus.ACCEPTED, Optional.of(1), Optional.of(T0),
            Optional.of(SCHEDULE)),
        new GetConfigurationResponse(List.of(new KeyValue("HeartbeatInterval", false, Optional.of("300")),
            new KeyValue("NumberOfConnectors", true, Optional.of("1")), new KeyValue("AuthorizationKey", false,
            Optional.empty())), List.of("NoSuchKey")),
        new GetDiagnosticsResponse(Optional.of("diagnostics-20240101.zip")),
        new GetLocalListVersionResponse(3),
        new HeartbeatResponse(T1),
        new MeterValuesResponse(),
        new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED),
        new RemoteStopTransactionResponse(RemoteStartStopStatus.REJECTED),
        new ReserveNowResponse(ReservationStatus.OCCUPIED),
        new ResetResponse(ResetStatus.ACCEPTED),
        new SendLocalListResponse(UpdateStatus.VERSION_MISMATCH),
        new SetChargingProfileResponse(ChargingProfileStatus.ACCEPTED),
        new StartTransactionResponse(ACCEPTED_CARD, 42),
        new StatusNotificationResponse(),
        new StopTransactionResponse(Optional.of(new IdTagInfo(AuthorizationStatus.EXPIRED, Optional.empty(),
            Optional.empty()))),
        new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED),
        new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED),
        new UpdateFirmwareResponse(),
        new CertificateSignedResponse(CertificateSignedStatus.REJECTED),
        new DeleteCertificateResponse(DeleteCertificateStatus.NOT_FOUND),
        new ExtendedTriggerMessageResponse(TriggerMessageStatus.NOT_IMPLEMENTED),
        new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.ACCEPTED, List.of(HASH)),
        new GetLogResponse(LogStatus.ACCEPTED_CANCELED, Optional.of("security.log")),
        new InstallCertificateResponse(CertificateStatus.FAILED),
        new LogStatusNotificationResponse(),
        new SecurityEventNotificationResponse(),
        new SignCertificateResponse(GenericStatus.ACCEPTED),
        new SignedFirmwareStatusNotificationResponse(),
        new SignedUpdateFirmwareResponse(UpdateFirmwareStatus.INVALID_CERTIFICATE))) {
      for (Action action : Action.values()) {
        if (action.responseType() == response.getClass()) {
          answers.put(action, response);
        }
      }
    }
    return answers;
  }
}
