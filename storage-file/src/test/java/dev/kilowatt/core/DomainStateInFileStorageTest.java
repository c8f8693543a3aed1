package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.authorization.KnownIdTag;
import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.firmware.DiagnosticsJob;
import dev.kilowatt.core.firmware.FirmwareJob;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.security.CertificateStore;
import dev.kilowatt.core.security.ChargePointCertificates;
import dev.kilowatt.core.security.Security;
import dev.kilowatt.core.security.SecurityEvents;
import dev.kilowatt.core.transaction.Transactions;
import dev.kilowatt.storage.FileStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record the domain persists comes back from the data directory equal to what was saved. Lives in the
 * domain's package because those records are the domain's own business, not public API.
 */
class DomainStateInFileStorageTest {

  private static final Instant STARTED = Instant.parse("2024-05-17T08:30:00.125Z");
  private static final Instant STOPPED = Instant.parse("2024-05-17T10:02:41Z");

  @TempDir
  Path dataDir;

  @Test
  void domainRecordsRoundTrip() {
    MeterValue begin = new MeterValue(STARTED, List.of(new SampledValue("1200", Optional.of(ReadingContext.TRANSACTION_BEGIN),
        Optional.empty(), Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER), Optional.empty(), Optional.empty(),
        Optional.of(UnitOfMeasure.WH))));
    Map<String, Record> state = Map.of(
        "configuration", new Configuration.Values(Map.of("HeartbeatInterval", "300", "MeterValueSampleInterval", "60")),
        "authorization-cache", new Authorization.CacheEntries(List.of(
            new KnownIdTag("04A2B3C4", new AuthorizationDecision(AuthorizationDecision.Status.ACCEPTED, Optional.of(STOPPED),
                Optional.of("FLEET"))),
            new KnownIdTag("DEADBEEF", AuthorizationDecision.of(AuthorizationDecision.Status.BLOCKED)))),
        "availability", new Availability.Saved(List.of(2, 1)),
        "transaction-counter", new Transactions.TransactionCounter(17),
        "transaction-id/16", new Transactions.TransactionIds(16, 90_210),
        "transaction/1", new Transaction(16, 1, "04A2B3C4", Optional.of("FLEET"), STARTED, 1_200, Optional.empty(),
            Optional.of(90_210), true, 4_321.5, STOPPED, List.of(new MeterSample(STARTED, List.of(new MeterSample.Measurement("1200",
                Optional.of(MeterSample.Context.TRANSACTION_BEGIN), Optional.empty(), Optional.of(MeterSample.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER),
                Optional.empty(), Optional.empty(), Optional.of(MeterSample.Unit.WH))))), Optional.of(4_000.0)),
        "outbox/00000000000000000041", new Outbox.Queued(41, 16,
            new StartTransactionRequest(1, "04A2B3C4", 1_200, Optional.of(3), STARTED)),
        "outbox/00000000000000000042", new Outbox.Queued(42, 16, new StopTransactionRequest(Optional.of("04A2B3C4"), 9_870,
            STOPPED, 90_210, Optional.of(Reason.EV_DISCONNECTED), List.of(begin))),
        "firmware-update", new FirmwareJob("ftp://fw:pw@example.com/fw.bin", STARTED, 1, 3, 60, FirmwareJob.Phase.INSTALLING,
            Optional.of("/data/transfers/fw.bin"), Optional.of("1.0.0"), List.of(new FirmwareJob.Report(SignedFirmwareStatus.DOWNLOADED,
                Optional.of(7)), new FirmwareJob.Report(SignedFirmwareStatus.INSTALLING, Optional.of(7))),
            Optional.of(new FirmwareJob.Report(SignedFirmwareStatus.INSTALLING, Optional.of(7))), Optional.of(new FirmwareJob.Signing(7,
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", Optional.of("c2lnbmF0dXJl"), Optional.of(STOPPED)))),
        "diagnostics-upload", new DiagnosticsJob(LogType.SECURITY_LOG, Optional.of(12), "https://example.com/logs",
            "security-log-20240517T083000Z.log", Optional.of(STARTED), Optional.empty(), 2, 4, 30, DiagnosticsJob.Phase.RETRY_WAIT,
            Optional.of("/tmp/security-log1/security-log-20240517T083000Z.log"), List.of(new DiagnosticsJob.Report(
                UploadLogStatus.UPLOADING, Optional.of(12)), new DiagnosticsJob.Report(UploadLogStatus.UPLOADED, Optional.empty()))));
    FileStorage storage = FileStorage.open(dataDir);
    state.forEach(storage::save);

    FileStorage afterReboot = FileStorage.open(dataDir);

    state.forEach((key, value) -> assertEquals(Optional.of(value), afterReboot.load(key, value.getClass()), key));
    assertEquals(0, afterReboot.unreadableValues());
  }

  @Test
  void securityRecordsRoundTrip() {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    Map<String, Record> state = Map.of(
        SecurityEvents.LOG_KEY, new SecurityEvents.Log(List.of(new SecurityEvents.Entry(STARTED, "StartupOfTheDevice", true,
            Optional.empty()), new SecurityEvents.Entry(STOPPED, "InvalidTLSVersion", false, Optional.of("TLS 1.1")))),
        CertificateStore.STORAGE_KEY, new CertificateStore.Roots(List.of(
            new CertificateStore.Root(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, pem, "AAEC", true),
            new CertificateStore.Root(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, pem, "AwQF", false))),
        ChargePointCertificates.PENDING_KEY, new ChargePointCertificates.Pending("-----BEGIN PRIVATE KEY-----\nMIG\n", "MFkw"),
        ChargePointCertificates.ISSUED_KEY, new ChargePointCertificates.IssuedList(List.of(new ChargePointCertificates.Issued(pem + pem,
            "-----BEGIN PRIVATE KEY-----\nMIG\n"))),
        Security.TRIAL_KEY, new Security.ProfileTrial(1),
        "outbox/00000000000000000043", new Outbox.Queued(43, SecurityEvents.NO_TRANSACTION,
            new SecurityEventNotificationRequest("SettingSystemTime", STARTED, Optional.of("clock moved by PT1H"))));
    FileStorage storage = FileStorage.open(dataDir);
    state.forEach(storage::save);

    FileStorage afterReboot = FileStorage.open(dataDir);

    state.forEach((key, value) -> assertEquals(Optional.of(value), afterReboot.load(key, value.getClass()), key));
    assertEquals(0, afterReboot.unreadableValues());
  }
}
