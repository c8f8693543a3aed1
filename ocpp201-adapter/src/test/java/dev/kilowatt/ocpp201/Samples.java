package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.AuthorizationStatus;
import dev.kilowatt.ocpp201.TransactionEnums.ChargingState;
import dev.kilowatt.ocpp201.Enums.IdTokenType;
import dev.kilowatt.ocpp201.TransactionEnums.Measurand;
import dev.kilowatt.ocpp201.TransactionEnums.MeasurementLocation;
import dev.kilowatt.ocpp201.Enums.MessageFormat;
import dev.kilowatt.ocpp201.TransactionEnums.Phase;
import dev.kilowatt.ocpp201.TransactionEnums.ReadingContext;
import dev.kilowatt.ocpp201.Messages.AuthorizeRequest;
import dev.kilowatt.ocpp201.Messages.AuthorizeResponse;
import dev.kilowatt.ocpp201.Messages.BootNotificationRequest;
import dev.kilowatt.ocpp201.Messages.BootNotificationResponse;
import dev.kilowatt.ocpp201.Messages.ChangeAvailabilityRequest;
import dev.kilowatt.ocpp201.Messages.ChangeAvailabilityResponse;
import dev.kilowatt.ocpp201.Messages.GetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.HeartbeatRequest;
import dev.kilowatt.ocpp201.Messages.HeartbeatResponse;
import dev.kilowatt.ocpp201.Messages.MeterValuesRequest;
import dev.kilowatt.ocpp201.Messages.MeterValuesResponse;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionResponse;
import dev.kilowatt.ocpp201.Messages.RequestStopTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStopTransactionResponse;
import dev.kilowatt.ocpp201.Messages.ResetRequest;
import dev.kilowatt.ocpp201.Messages.ResetResponse;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Messages.SetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.SetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.StatusNotificationRequest;
import dev.kilowatt.ocpp201.Messages.StatusNotificationResponse;
import dev.kilowatt.ocpp201.Messages.TransactionEventRequest;
import dev.kilowatt.ocpp201.Messages.TransactionEventResponse;
import dev.kilowatt.ocpp201.Messages.TriggerMessageRequest;
import dev.kilowatt.ocpp201.Messages.TriggerMessageResponse;
import dev.kilowatt.ocpp201.Types.AdditionalInfo;
import dev.kilowatt.ocpp201.Types.ChargingStation;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.GetVariableData;
import dev.kilowatt.ocpp201.Types.GetVariableResult;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.IdTokenInfo;
import dev.kilowatt.ocpp201.Types.MessageContent;
import dev.kilowatt.ocpp201.Types.MeterValue;
import dev.kilowatt.ocpp201.Types.Modem;
import dev.kilowatt.ocpp201.Types.SampledValue;
import dev.kilowatt.ocpp201.Types.SetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableResult;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import dev.kilowatt.ocpp201.Types.TransactionInfo;
import dev.kilowatt.ocpp201.Types.UnitOfMeasure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request and one response of every typed action with every field the records have filled in, so
 * that a component misnamed against the OCA schema (which forbids unknown properties) shows.
 */
final class Samples {

  static final Instant T = Instant.parse("2026-12-02T10:15:30Z");

  private Samples() {
  }

  private static final StatusInfo INFO = new StatusInfo("NoError", Optional.of("all well"));
  private static final Evse EVSE = new Evse(1, Optional.of(1));
  private static final IdToken TAG =
      new IdToken("04A1B2C3", IdTokenType.ISO14443, List.of(new AdditionalInfo("contract-7", "ContractId")));
  private static final Component METER =
      new Component("FiscalMetering", Optional.of("main"), Optional.of(EVSE));
  private static final CertificateMessages.CertificateHashData HASH = new CertificateMessages.CertificateHashData(
      CertificateMessages.HashAlgorithm.SHA384, "a1b2", "c3d4", "1f");
  private static final Types.Variable INTERVAL = new Types.Variable("HeartbeatInterval", Optional.of("net"));
  private static final IdTokenInfo ACCEPTED = new IdTokenInfo(AuthorizationStatus.Accepted, Optional.of(T),
      Optional.of(2), Optional.of("en"), List.of(1), Optional.of("de"),
      Optional.of(IdToken.of("GROUP-1", IdTokenType.Central)),
      Optional.of(new MessageContent(MessageFormat.UTF8, Optional.of("en"), "Welcome")));

  static Map<Request<?>, Response> exchanges() {
    ObjectNode profile = new ObjectMapper().createObjectNode().put("id", 1).put("stackLevel", 0)
        .put("chargingProfilePurpose", "TxProfile").put("chargingProfileKind", "Relative");
    profile.putArray("chargingSchedule").addObject().put("id", 1).put("chargingRateUnit", "A")
        .putArray("chargingSchedulePeriod").addObject().put("startPeriod", 0).put("limit", 16.5);
    ObjectNode data = new ObjectMapper().createObjectNode().put("kWh", 12.5).put("currency", "EUR");
    return Map.ofEntries(
        Map.entry(new BootNotificationRequest(new ChargingStation(Optional.of("SN-1"), "KW-AC-7",
                Optional.of(new Modem(Optional.of("8949"), Optional.of("2620"))), "Kilowatt", Optional.of("0.1.0")),
                Enums.BootReason.PowerUp),
            new BootNotificationResponse(T, 300, Enums.RegistrationStatus.Accepted, Optional.of(INFO))),
        Map.entry(new HeartbeatRequest(),
            new HeartbeatResponse(T)),
        Map.entry(new StatusNotificationRequest(T, Enums.ConnectorStatus.Occupied, 1, 1),
            new StatusNotificationResponse()),
        Map.entry(new AuthorizeRequest(TAG, Optional.of("-----BEGIN CERTIFICATE-----")),
            new AuthorizeResponse(ACCEPTED, Optional.of(Enums.CertificateStatus.Accepted))),
        Map.entry(new TransactionEventRequest(TransactionEnums.TransactionEventType.Updated, T, TransactionEnums.TriggerReason.MeterValuePeriodic, 3,
                Optional.of(false), Optional.of(1), Optional.of(32), Optional.of(5),
                new TransactionInfo("tx-1", Optional.of(ChargingState.Charging), Optional.of(600),
                    Optional.of(TransactionEnums.StoppedReason.Local), Optional.of(7)),
                Optional.of(EVSE), Optional.of(TAG),
                List.of(new MeterValue(List.of(new SampledValue(1234.5, Optional.of(ReadingContext.Sample_Periodic),
                    Optional.of(Measurand.Energy_Active_Import_Register), Optional.of(Phase.L1),
                    Optional.of(MeasurementLocation.Outlet), Optional.of(new UnitOfMeasure(Optional.of("Wh"), Optional.of(0))))),
                    T))),
            new TransactionEventResponse(Optional.of(1.25), Optional.of(1), Optional.of(ACCEPTED),
                Optional.of(new MessageContent(MessageFormat.ASCII, Optional.empty(), "1.25 EUR")))),
        Map.entry(new GetVariablesRequest(List.of(new GetVariableData(Optional.of(Attribute.Actual), METER, INTERVAL))),
            new GetVariablesResponse(List.of(new GetVariableResult(Enums.GetVariableStatus.Accepted,
                Optional.of(Attribute.Actual), Optional.of("300"), METER, INTERVAL, Optional.of(INFO))))),
        Map.entry(new SetVariablesRequest(List.of(new SetVariableData(Optional.of(Attribute.Target), "60", METER, INTERVAL))),
            new SetVariablesResponse(List.of(new SetVariableResult(Optional.of(Attribute.Target),
                Enums.SetVariableStatus.RebootRequired, METER, INTERVAL, Optional.of(INFO))))),
        Map.entry(new ResetRequest(Enums.ResetType.OnIdle, Optional.of(1)),
            new ResetResponse(Enums.ResetStatus.Scheduled, Optional.of(INFO))),
        Map.entry(new RequestStartTransactionRequest(Optional.of(1), 7, TAG, Optional.of(profile),
                Optional.of(IdToken.of("GROUP-1", IdTokenType.Central))),
            new RequestStartTransactionResponse(Enums.RequestStartStopStatus.Accepted, Optional.of(INFO), Optional.of("tx-1"))),
        Map.entry(new RequestStopTransactionRequest("tx-1"),
            new RequestStopTransactionResponse(Enums.RequestStartStopStatus.Rejected, Optional.of(INFO))),
        Map.entry(new MeterValuesRequest(1, List.of(new MeterValue(List.of(new SampledValue(230.1, Optional.of(ReadingContext.Sample_Clock),
                Optional.of(Measurand.Voltage), Optional.of(Phase.L1_N), Optional.empty(), Optional.empty())), T))),
            new MeterValuesResponse()),
        Map.entry(new TriggerMessageRequest(Enums.MessageTrigger.StatusNotification, Optional.of(EVSE)),
            new TriggerMessageResponse(Enums.TriggerMessageStatus.Accepted, Optional.of(INFO))),
        Map.entry(new ChangeAvailabilityRequest(Enums.OperationalStatus.Inoperative, Optional.of(new Evse(1, Optional.empty()))),
            new ChangeAvailabilityResponse(Enums.ChangeAvailabilityStatus.Scheduled, Optional.of(INFO))),
        Map.entry(new ServiceMessages.UnlockConnectorRequest(1, 1),
            new ServiceMessages.UnlockConnectorResponse(Enums.UnlockStatus.OngoingAuthorizedTransaction, Optional.of(INFO))),
        Map.entry(new ServiceMessages.DataTransferRequest(Optional.of("price"), Optional.of(data), "com.acme"),
            new ServiceMessages.DataTransferResponse(Enums.DataTransferStatus.Accepted, Optional.of(INFO),
                Optional.of(new ObjectMapper().createArrayNode().add(1).add("two")))),
        Map.entry(new ServiceMessages.GetTransactionStatusRequest(Optional.of("tx-1")),
            new ServiceMessages.GetTransactionStatusResponse(Optional.of(true), false)),
        Map.entry(new ServiceMessages.SecurityEventNotificationRequest("FirmwareUpdated", T, Optional.of("0.2.0")),
            new ServiceMessages.SecurityEventNotificationResponse()),
        Map.entry(new FirmwareMessages.UpdateFirmwareRequest(Optional.of(3), Optional.of(60), 21,
                new FirmwareMessages.Firmware("https://fw.example/kw-2.0.0.bin", T, Optional.of(T.plusSeconds(3600)),
                    Optional.of("-----BEGIN CERTIFICATE-----"), Optional.of("c2lnbmF0dXJl"))),
            new FirmwareMessages.UpdateFirmwareResponse(FirmwareMessages.UpdateFirmwareStatus.AcceptedCanceled, Optional.of(INFO))),
        Map.entry(new FirmwareMessages.FirmwareStatusNotificationRequest(FirmwareMessages.FirmwareStatus.SignatureVerified,
                Optional.of(21)),
            new FirmwareMessages.FirmwareStatusNotificationResponse()),
        Map.entry(new FirmwareMessages.GetLogRequest(new FirmwareMessages.LogParameters("ftp://logs.example/kw/",
                Optional.of(T.minusSeconds(86400)), Optional.of(T)), FirmwareMessages.LogType.SecurityLog, 8, Optional.of(2),
                Optional.of(30)),
            new FirmwareMessages.GetLogResponse(FirmwareMessages.LogStatus.Accepted, Optional.of(INFO), Optional.of("security.log"))),
        Map.entry(new FirmwareMessages.LogStatusNotificationRequest(FirmwareMessages.UploadLogStatus.AcceptedCanceled,
                Optional.of(8)),
            new FirmwareMessages.LogStatusNotificationResponse()),
        Map.entry(new ReportMessages.GetBaseReportRequest(7, ReportMessages.ReportBase.FullInventory),
            new ReportMessages.GetBaseReportResponse(ReportMessages.GenericDeviceModelStatus.Rejected, Optional.of(INFO))),
        Map.entry(new ReportMessages.NotifyReportRequest(7, T, List.of(new ReportMessages.ReportData(METER, INTERVAL,
                List.of(new ReportMessages.VariableAttribute(Optional.of(Attribute.Actual), Optional.of("300"),
                    Optional.of(ReportMessages.Mutability.ReadWrite), true, false)),
                Optional.of(new ReportMessages.VariableCharacteristics(Optional.of("s"),
                    ReportMessages.DataType.boolean_, Optional.of(0.0), Optional.of(86400.5),
                    Optional.of("Available,Occupied"), false)))), true, 3),
            new ReportMessages.NotifyReportResponse()),
        Map.entry(new CertificateMessages.InstallCertificateRequest(CertificateMessages.InstallCertificateUse.CSMSRootCertificate,
                "-----BEGIN CERTIFICATE-----"),
            new CertificateMessages.InstallCertificateResponse(CertificateMessages.InstallCertificateStatus.Failed, Optional.of(INFO))),
        Map.entry(new CertificateMessages.GetInstalledCertificateIdsRequest(List.of(CertificateMessages.GetCertificateIdUse.V2GCertificateChain)),
            new CertificateMessages.GetInstalledCertificateIdsResponse(CertificateMessages.GetInstalledCertificateStatus.Accepted,
                Optional.of(INFO), List.of(new CertificateMessages.CertificateHashDataChain(
                    CertificateMessages.GetCertificateIdUse.V2GCertificateChain, HASH, List.of(HASH))))),
        Map.entry(new CertificateMessages.DeleteCertificateRequest(HASH),
            new CertificateMessages.DeleteCertificateResponse(CertificateMessages.DeleteCertificateStatus.NotFound, Optional.of(INFO))),
        Map.entry(new CertificateMessages.SignCertificateRequest("-----BEGIN CERTIFICATE REQUEST-----",
                Optional.of(CertificateMessages.CertificateSigningUse.ChargingStationCertificate)),
            new CertificateMessages.SignCertificateResponse(CertificateMessages.GenericStatus.Rejected, Optional.of(INFO))),
        Map.entry(new CertificateMessages.CertificateSignedRequest("-----BEGIN CERTIFICATE-----",
                Optional.of(CertificateMessages.CertificateSigningUse.V2GCertificate)),
            new CertificateMessages.CertificateSignedResponse(CertificateMessages.CertificateSignedStatus.Accepted, Optional.of(INFO))),
        Map.entry(new LocalAuthMessages.ClearCacheRequest(),
            new LocalAuthMessages.ClearCacheResponse(LocalAuthMessages.ClearCacheStatus.Rejected, Optional.of(INFO))),
        Map.entry(new LocalAuthMessages.SendLocalListRequest(3, LocalAuthMessages.UpdateType.Differential, List.of(
                new LocalAuthMessages.AuthorizationData(TAG, Optional.of(ACCEPTED)),
                new LocalAuthMessages.AuthorizationData(IdToken.of("LOST-1", IdTokenType.ISO15693), Optional.empty()))),
            new LocalAuthMessages.SendLocalListResponse(LocalAuthMessages.SendLocalListStatus.VersionMismatch,
                Optional.of(INFO))),
        Map.entry(new LocalAuthMessages.GetLocalListVersionRequest(),
            new LocalAuthMessages.GetLocalListVersionResponse(3)));
  }
}
