package dev.kilowatt.core.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FakeFiles.FakeCollector;
import dev.kilowatt.core.FakeFiles.FakeTransfer;
import dev.kilowatt.core.FakeFiles;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetDiagnosticsResponse;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.GetLogResponse;
import dev.kilowatt.core.message.LogParameters;
import dev.kilowatt.core.message.LogStatus;
import dev.kilowatt.core.message.LogStatusNotificationRequest;
import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.DiagnosticsCollector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetDiagnostics as the OCA test cases TC_045_1/2 walk through it, and GetLog as the security white paper's
 * use case N01 describes it for both logs, with cancelling, retries and power cuts.
 */
class DiagnosticsUploadTest {

  private static final String LOCATION = "ftp://diag:s3cret@logs.example.com/uploads";
  private static final String FILE_NAME = "diagnostics-20250601T120000Z.zip";

  @TempDir
  Path dir;
  private FakeTransfer transfer;
  private FakeCollector collector;

  private Harness harness() {
    transfer = new FakeTransfer(dir);
    collector = new FakeCollector(dir);
    return new Harness().customize(b -> b.fileTransfer(transfer).diagnosticsCollector(collector));
  }

  private static GetDiagnosticsRequest request(int retries, int retryInterval) {
    return new GetDiagnosticsRequest(LOCATION, Optional.of(retries), Optional.of(retryInterval), Optional.empty(), Optional.empty());
  }

  private static List<DiagnosticsStatus> statuses(Harness h) {
    return h.cs.sent(DiagnosticsStatusNotificationRequest.class).stream().map(DiagnosticsStatusNotificationRequest::status).toList();
  }

  @Test
  void theAnswerNamesTheFileAndUploadingFollowsIt() {
    Harness h = harness().online();
    int before = h.cs.wire().size();
    GetDiagnosticsResponse answer = h.callOk(request(1, 10));
    assertEquals(Optional.of(FILE_NAME), answer.fileName());
    assertEquals(List.of(answer, new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.UPLOADING)),
        h.cs.wire().subList(before, h.cs.wire().size()));

    assertEquals(FILE_NAME, collector.last().request().fileName());
    Path archive = collectAndUpload(h);

    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), statuses(h));
    assertFalse(Files.exists(archive), "the archive is deleted once uploaded");
    assertTrue(h.storage.keys(DiagnosticsUpload.STORAGE_KEY).isEmpty());
  }

  /** The collector delivers the archive, which goes to LOCATION and arrives. */
  private Path collectAndUpload(Harness h) {
    Path archive = collector.finish();
    h.run();
    assertEquals(archive, transfer.lastUpload().file());
    assertEquals(URI.create(LOCATION), transfer.lastUpload().location());
    transfer.completeUpload();
    h.run();
    return archive;
  }

  @Test
  void theArchiveGetsTheMaskedConfigurationAndTheTrafficOfTheWindow() {
    Harness h = harness().online();
    h.call(new ChangeConfigurationRequest("AuthorizationKey", "0123456789abcdef"));
    h.call(new UpdateFirmwareRequest("ftp://fw:fwpass@updates.example.com/fw.bin", Optional.empty(), Harness.START, Optional.empty()));
    h.advance(Duration.ofMinutes(10));
    Instant windowStart = h.time.now();
    h.advance(Duration.ofMinutes(1));
    h.call(new TriggerMessageRequest(MessageTrigger.HEARTBEAT, Optional.empty()));
    h.call(new GetDiagnosticsRequest(LOCATION, Optional.empty(), Optional.empty(), Optional.of(windowStart), Optional.empty()));

    DiagnosticsCollector.Request request = collector.last().request();
    assertEquals(Optional.of(windowStart), request.from());
    assertEquals("***", request.configuration().get("AuthorizationKey"));
    assertEquals("300", request.configuration().get("HeartbeatInterval"));
    assertTrue(request.traffic().stream().anyMatch(line -> line.contains("TriggerMessage")), request.traffic().toString());
    assertTrue(request.traffic().stream().noneMatch(line -> line.contains("BootNotification")), "outside the window");
    assertTrue(request.traffic().stream().anyMatch(line -> line.contains("GetDiagnostics") && line.contains("diag:***@")),
        "passwords in locations are masked: " + request.traffic());

    Harness all = harness().online();
    all.call(new ChangeConfigurationRequest("AuthorizationKey", "0123456789abcdef"));
    all.call(new UpdateFirmwareRequest("ftp://fw:fwpass@updates.example.com/fw.bin", Optional.empty(), Harness.START,
        Optional.empty()));
    all.call(request(0, 0));
    List<String> traffic = collector.last().request().traffic();
    assertTrue(traffic.stream().anyMatch(line -> line.contains("BootNotification")));
    assertTrue(traffic.stream().noneMatch(line -> line.contains("0123456789abcdef") || line.contains("fwpass") || line.contains("s3cret")),
        "no secrets in the traffic: " + traffic);
  }

  @Test
  void aFailedUploadIsRetriedAndReportedAfterTheLastAttempt() {
    Harness h = harness().online();
    h.call(request(2, 15));
    Path archive = collector.finish();
    h.run();
    transfer.failUpload("HTTP 500");
    h.run();
    h.advance(Duration.ofSeconds(14));
    assertEquals(1, transfer.uploads.size());
    h.advance(Duration.ofSeconds(1));
    assertEquals(2, transfer.uploads.size());
    transfer.failUpload("connection reset");
    h.run();
    h.advance(Duration.ofSeconds(15));
    transfer.failUpload("HTTP 403");
    h.run();
    h.advance(Duration.ofHours(1));
    assertEquals(3, transfer.uploads.size());
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOAD_FAILED), statuses(h));
    assertFalse(Files.exists(archive));
  }

  @Test
  void aFailedCollectionIsAnUploadFailure() {
    Harness h = harness().online();
    h.call(request(3, 10));
    collector.fail("disk full");
    h.run();
    assertTrue(transfer.uploads.isEmpty());
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOAD_FAILED), statuses(h));
  }

  @Test
  void aSecondRequestDuringAnUploadGetsNoFileName() {
    Harness h = harness().online();
    h.call(request(0, 0));
    assertEquals(new GetDiagnosticsResponse(Optional.empty()), h.call(request(0, 0)));
    assertEquals(1, collector.collections.size());
    collector.finish();
    h.run();
    transfer.completeUpload();
    h.run();
    h.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of("diagnostics-20250601T120001Z.zip"), h.callOk(request(0, 0)).fileName());
  }

  @Test
  void aPowerCutDuringTheUploadTriesAgainAfterTheBoot() {
    Harness h = harness().online();
    h.call(request(1, 30));
    Path archive = collector.finish();
    h.run();
    assertEquals(archive, uploadAfterPowerCut(h, Duration.ofSeconds(30)).file());
    transfer.completeUpload();
    h.run();
    assertEquals(List.of(DiagnosticsStatus.UPLOADED), statuses(h), "Uploading was heard before the power cut");
  }

  /** Cuts the power while the first upload runs; returns the second, tried once {@code retryInterval} passed after the boot. */
  private FakeTransfer.Upload uploadAfterPowerCut(Harness h, Duration retryInterval) {
    h.restartOnline();
    h.advance(retryInterval.minusSeconds(1));
    assertEquals(1, transfer.uploads.size());
    h.advance(Duration.ofSeconds(1));
    assertEquals(2, transfer.uploads.size());
    return transfer.lastUpload();
  }

  @Test
  void aPowerCutDuringTheLastUploadOrTheCollectionIsReportedAsFailed() {
    Harness h = harness().online();
    h.call(request(0, 0));
    collector.finish();
    h.run();
    h.restartOnline();
    assertEquals(List.of(DiagnosticsStatus.UPLOAD_FAILED), statuses(h));

    Harness collecting = harness().online();
    collecting.cs.goOffline();
    collecting.call(request(3, 10));
    collecting.restartOnline();
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOAD_FAILED), statuses(collecting),
        "nothing was heard before the power cut, so everything is told after it");
  }

  @Test
  void triggeredDiagnosticsStatusIsUploadingOnlyWhileBusy() {
    Harness h = harness().online();
    assertEquals(DiagnosticsStatus.IDLE, triggered(h));
    h.call(request(0, 0));
    assertEquals(DiagnosticsStatus.UPLOADING, triggered(h));
    collector.finish();
    h.run();
    assertEquals(DiagnosticsStatus.UPLOADING, triggered(h));
    transfer.completeUpload();
    h.run();
    assertEquals(DiagnosticsStatus.IDLE, triggered(h));
  }

  @Test
  void withoutACollectorGetDiagnosticsIsNotImplemented() {
    Harness h = new Harness().online();
    CallError error = assertInstanceOf(CallError.class, h.call(request(0, 0)));
    assertEquals(CallError.Code.NOT_IMPLEMENTED, error.code());
    assertEquals(new TriggerMessageResponse(TriggerMessageStatus.NOT_IMPLEMENTED),
        h.call(new TriggerMessageRequest(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, Optional.empty())));
  }

  private static DiagnosticsStatus triggered(Harness h) {
    assertEquals(new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED),
        h.call(new TriggerMessageRequest(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, Optional.empty())));
    List<DiagnosticsStatus> statuses = statuses(h);
    return statuses.get(statuses.size() - 1);
  }

  // ---------------------------------------------------------------- GetLog (security white paper, use case N01)

  private static GetLogRequest request(LogType log, int requestId, int retries, Optional<Instant> oldest, Optional<Instant> latest) {
    return new GetLogRequest(log, requestId, Optional.of(retries), Optional.of(20), new LogParameters(LOCATION, oldest, latest));
  }

  private static GetLogRequest request(LogType log, int requestId) {
    return request(log, requestId, 0, Optional.empty(), Optional.empty());
  }

  /** The log statuses the central system heard, each with its requestId. */
  private static List<String> logStatuses(Harness h) {
    return h.cs.sent(LogStatusNotificationRequest.class).stream()
        .map(s -> s.status().ocppValue() + s.requestId().map(id -> "#" + id).orElse("")).toList();
  }

  @Test
  void theDiagnosticsLogIsCollectedForTheWindowAndUploadedWithItsRequestId() {
    Harness h = harness().online();
    Instant oldest = Harness.START.minus(Duration.ofHours(1));
    int before = h.cs.wire().size();
    GetLogResponse answer = h.callOk(request(LogType.DIAGNOSTICS_LOG, 5, 0, Optional.of(oldest), Optional.of(Harness.START)));
    assertEquals(new GetLogResponse(LogStatus.ACCEPTED, Optional.of("diagnostics-20250601T120000Z.zip")), answer);
    assertEquals(List.of(answer, new LogStatusNotificationRequest(UploadLogStatus.UPLOADING, Optional.of(5))),
        h.cs.wire().subList(before, h.cs.wire().size()), "the answer first (N01.FR.08)");

    assertEquals(Optional.of(oldest), collector.last().request().from());
    assertEquals(Optional.of(Harness.START), collector.last().request().to());
    Path archive = collectAndUpload(h);
    assertEquals(List.of("Uploading#5", "Uploaded#5"), logStatuses(h));
    assertEquals(List.of(), h.cs.sent(DiagnosticsStatusNotificationRequest.class), "GetLog speaks only its own notification");
    assertFalse(Files.exists(archive));
  }

  @Test
  void theSecurityLogHoldsTheSecurityEventsOfTheWindow() throws Exception {
    Harness h = harness().online();
    h.advance(Duration.ofMinutes(5));
    Instant windowStart = h.time.now();
    h.call(new ResetRequest(ResetType.SOFT));
    h.restartOnline();

    GetLogResponse answer = h.callOk(request(LogType.SECURITY_LOG, 9, 0, Optional.of(windowStart), Optional.empty()));
    assertEquals(LogStatus.ACCEPTED, answer.status());
    Path file = transfer.lastUpload().file();
    assertTrue(collector.collections.isEmpty(), "the security log is the charge point's own");
    assertEquals(answer.filename(), Optional.of(file.getFileName().toString()));
    assertTrue(file.getFileName().toString().startsWith("security-log-"));
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains(" ResetOrReboot critical Soft reset"), lines.get(0));
    assertTrue(lines.get(1).contains(" StartupOfTheDevice critical"), "the boot before the window is left out: " + lines);

    transfer.completeUpload();
    h.run();
    assertEquals(List.of("Uploading#9", "Uploaded#9"), logStatuses(h));
    assertFalse(Files.exists(file), "the written security log is discarded once uploaded");
  }

  @Test
  void aNewRequestCancelsTheUploadUnderWayAndAnswersAcceptedCanceled() {
    Harness h = harness().online();
    h.call(request(LogType.DIAGNOSTICS_LOG, 1));
    Path first = collector.finish();
    h.run();
    FakeTransfer.Upload running = transfer.lastUpload();

    GetLogResponse answer = h.callOk(request(LogType.SECURITY_LOG, 2));
    assertEquals(LogStatus.ACCEPTED_CANCELED, answer.status());
    assertFalse(Files.exists(first), "the cancelled upload's archive is deleted");
    running.listener().onCompleted(new FakeFiles.DiskFile(running.file()));
    h.run();
    assertEquals(List.of("Uploading#1", "Uploading#2"), logStatuses(h), "the cancelled upload reports nothing more");

    transfer.completeUpload();
    h.run();
    assertEquals(List.of("Uploading#1", "Uploading#2", "Uploaded#2"), logStatuses(h));
  }

  @Test
  void aCancelledCollectionDeletesTheArchiveItDeliversLate() {
    Harness h = harness().online();
    h.call(request(LogType.DIAGNOSTICS_LOG, 1));
    assertEquals(LogStatus.ACCEPTED_CANCELED, h.callOk(request(LogType.DIAGNOSTICS_LOG, 2)).status());
    assertEquals(2, collector.collections.size());
    Path late = dir.resolve("late.zip");
    FakeFiles.write(late, "late");
    collector.collections.get(0).listener().onCollected(new FakeFiles.DiskFile(late));
    h.run();
    assertFalse(Files.exists(late));
    assertTrue(transfer.uploads.isEmpty());
  }

  @Test
  void aGetLogCancelsAGetDiagnosticsButNotTheOtherWayRound() {
    Harness h = harness().online();
    GetDiagnosticsRequest diagnostics = new GetDiagnosticsRequest(LOCATION, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
    h.call(diagnostics);
    assertEquals(LogStatus.ACCEPTED_CANCELED, h.callOk(request(LogType.DIAGNOSTICS_LOG, 3)).status());
    assertEquals(new GetDiagnosticsResponse(Optional.empty()), h.call(diagnostics), "GetDiagnostics still waits for its turn");
    assertEquals(List.of(DiagnosticsStatus.UPLOADING),
        h.cs.sent(DiagnosticsStatusNotificationRequest.class).stream().map(DiagnosticsStatusNotificationRequest::status).toList());
  }

  @Test
  void aPowerCutDuringTheUploadTriesAgainAfterTheBootAndDuringTheCollectionFails() {
    Harness h = harness().online();
    h.call(request(LogType.SECURITY_LOG, 6, 1, Optional.empty(), Optional.empty()));
    Path file = transfer.lastUpload().file();
    assertEquals(file, uploadAfterPowerCut(h, Duration.ofSeconds(20)).file(), "the security log written before the cut");
    transfer.completeUpload();
    h.run();
    assertEquals(List.of("Uploaded#6"), logStatuses(h));

    Harness collecting = harness().online();
    collecting.call(request(LogType.DIAGNOSTICS_LOG, 8, 3, Optional.empty(), Optional.empty()));
    collecting.restartOnline();
    assertEquals(List.of("UploadFailure#8"), logStatuses(collecting));
  }

  @Test
  void theTriggeredLogStatusIsUploadingWithTheRequestIdOrIdle() {
    Harness h = harness().online();
    assertEquals("Idle", triggeredLog(h));
    h.call(request(LogType.DIAGNOSTICS_LOG, 12));
    assertEquals("Uploading#12", triggeredLog(h));
    collector.finish();
    h.run();
    transfer.completeUpload();
    h.run();
    assertEquals("Idle", triggeredLog(h));
  }

  @Test
  void withoutACollectorGetLogIsNotImplementedEither() {
    Harness h = new Harness().online();
    CallError error = assertInstanceOf(CallError.class, h.call(request(LogType.SECURITY_LOG, 1)));
    assertEquals(CallError.Code.NOT_IMPLEMENTED, error.code());
    assertEquals(new ExtendedTriggerMessageResponse(TriggerMessageStatus.NOT_IMPLEMENTED),
        h.call(new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.LOG_STATUS_NOTIFICATION, Optional.empty())));
  }

  private static String triggeredLog(Harness h) {
    LogStatusNotificationRequest sent = h.triggerExtended(ExtendedMessageTrigger.LOG_STATUS_NOTIFICATION, LogStatusNotificationRequest.class);
    return sent.status().ocppValue() + sent.requestId().map(id -> "#" + id).orElse("");
  }
}
