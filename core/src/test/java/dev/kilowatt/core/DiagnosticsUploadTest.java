package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FakeFiles.FakeCollector;
import dev.kilowatt.core.FakeFiles.FakeTransfer;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetDiagnosticsResponse;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
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

/** GetDiagnostics as the OCA test cases TC_045_1/2 walk through it, with retries and power cuts. */
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
    int before = h.cs.wire.size();
    GetDiagnosticsResponse answer = h.callOk(request(1, 10));
    assertEquals(Optional.of(FILE_NAME), answer.fileName());
    assertEquals(List.of(answer, new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.UPLOADING)),
        h.cs.wire.subList(before, h.cs.wire.size()));

    assertEquals(FILE_NAME, collector.last().request().fileName());
    Path archive = collector.finish();
    h.run();
    assertEquals(archive, transfer.lastUpload().file());
    assertEquals(URI.create(LOCATION), transfer.lastUpload().location());
    transfer.completeUpload();
    h.run();

    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), statuses(h));
    assertFalse(Files.exists(archive), "the archive is deleted once uploaded");
    assertTrue(h.storage.keys(DiagnosticsUpload.STORAGE_KEY).isEmpty());
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
    h.restart();
    h.cs.goOnline();
    h.advance(Duration.ofSeconds(30));
    assertEquals(2, transfer.uploads.size());
    assertEquals(archive, transfer.lastUpload().file());
    transfer.completeUpload();
    h.run();
    assertEquals(List.of(DiagnosticsStatus.UPLOADED), statuses(h), "Uploading was heard before the power cut");
  }

  @Test
  void aPowerCutDuringTheLastUploadOrTheCollectionIsReportedAsFailed() {
    Harness h = harness().online();
    h.call(request(0, 0));
    collector.finish();
    h.run();
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(DiagnosticsStatus.UPLOAD_FAILED), statuses(h));

    Harness collecting = harness().online();
    collecting.cs.goOffline();
    collecting.call(request(3, 10));
    collecting.restart();
    collecting.cs.goOnline();
    collecting.run();
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
}
