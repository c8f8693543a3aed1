package dev.kilowatt.core.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.FakeFiles.FakeCollector;
import dev.kilowatt.core.FakeFiles.FakeInstaller;
import dev.kilowatt.core.FakeFiles.FakeTransfer;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.FirmwareStatus;
import dev.kilowatt.core.message.FirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UpdateFirmware as the OCA test cases TC_044_1/2/3 walk through it, plus what a power cut does at each step. */
class FirmwareUpdateTest {

  private static final String LOCATION = "https://updates.example.com/fw/image-2.0.0.bin";

  @TempDir
  Path dir;
  private FakeTransfer transfer;
  private FakeInstaller installer;

  private Harness harness(boolean downloadDuringTransaction) {
    transfer = new FakeTransfer(dir);
    installer = new FakeInstaller();
    FakeCollector collector = new FakeCollector(dir);
    return new Harness().customize(b -> b.fileTransfer(transfer).firmwareInstaller(installer).diagnosticsCollector(collector)
        .firmwareDownloadDuringTransaction(downloadDuringTransaction));
  }

  private static UpdateFirmwareRequest update(Instant retrieveDate, int retries, int retryInterval) {
    return new UpdateFirmwareRequest(LOCATION, Optional.of(retries), retrieveDate, Optional.of(retryInterval));
  }

  /** The firmware and connector statuses the central system heard, in order. */
  private static List<String> story(Harness h) {
    return h.cs.calls().stream().map(request -> switch (request) {
      case FirmwareStatusNotificationRequest f -> f.status().ocppValue();
      case StatusNotificationRequest s -> s.connectorId() + ":" + s.status().ocppValue();
      case SecurityEventNotificationRequest e -> e.type();
      default -> request.action().ocppName();
    }).toList();
  }

  private static List<FirmwareStatus> firmwareStatuses(Harness h) {
    return h.cs.sent(FirmwareStatusNotificationRequest.class).stream().map(FirmwareStatusNotificationRequest::status).toList();
  }

  @Test
  void downloadInstallRebootAndReportInstalledAfterTheBoot() {
    Harness h = harness(false).online();
    int before = h.cs.calls().size();

    assertEquals(new UpdateFirmwareResponse(), h.call(update(Harness.START, 1, 30)));

    assertEquals(URI.create(LOCATION), transfer.lastDownload().source());
    assertEquals(installer.maxImageBytes(), transfer.lastDownload().maxBytes());
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status(), "no charging while the image comes in (AQ-4)");
    Path image = transfer.completeDownload("image");
    h.run();
    assertEquals(image, installer.last().image());
    assertTrue(h.platform.reboots.isEmpty(), "no reboot before the installer is done");
    installer.succeed(true);
    h.run();

    assertEquals(List.of("1:Unavailable", "Downloading", "Downloaded", "Installing"), story(h).subList(before, h.cs.calls().size()));
    assertEquals(List.of(Platform.RebootKind.FIRMWARE), h.platform.reboots);

    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of("BootNotification", "FirmwareUpdated", "0:Available", "1:Available", "Installed", "StartupOfTheDevice"), story(h),
        "FirmwareUpdated, raised while booting, waits in the queue of critical messages; StartupOfTheDevice queues behind the reports");
    assertFalse(Files.exists(image), "the image is deleted once installed");
    assertTrue(h.storage.keys(FirmwareUpdate.STORAGE_KEY).isEmpty(), "nothing left to resume");

    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(), firmwareStatuses(h), "Installed is reported once");
  }

  @Test
  void theRebootWaitsUntilTheCentralSystemHeardInstallingButNotForever() {
    Harness h = harness(false).online();
    h.cs.holdAnswers();
    h.call(update(Harness.START, 0, 0));
    transfer.completeDownload("image");
    h.run();
    installer.succeed(true);
    h.run();
    while (!(h.cs.pending().getFirst().request() instanceof FirmwareStatusNotificationRequest f && f.status() == FirmwareStatus.INSTALLING)) {
      h.cs.answerFriendly();
      h.run();
    }
    h.advance(Duration.ofSeconds(5));
    assertTrue(h.platform.reboots.isEmpty(), "Installing is on its way");
    h.cs.answerFriendly();
    h.advance(Duration.ofMillis(100));
    assertEquals(List.of(Platform.RebootKind.FIRMWARE), h.platform.reboots);

    Harness silent = harness(false).online();
    silent.cs.holdAnswers();
    silent.call(update(Harness.START, 0, 0));
    transfer.completeDownload("image");
    silent.run();
    installer.succeed(true);
    silent.advance(FirmwareUpdate.REBOOT_DRAIN_LIMIT.minusMillis(100));
    assertTrue(silent.platform.reboots.isEmpty());
    silent.advance(Duration.ofMillis(100));
    assertEquals(List.of(Platform.RebootKind.FIRMWARE), silent.platform.reboots, "an unanswered notification does not hold the reboot");
  }

  @Test
  void retrieveDateInTheFutureIsAwaitedOnTheStationClock() {
    Harness h = harness(false).online();
    h.call(update(Harness.START.plus(Duration.ofHours(1)), 0, 0));
    h.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertTrue(transfer.downloads.isEmpty());
    assertEquals(ChargePointStatus.AVAILABLE, h.status(), "the charge point keeps charging until the retrieve date");
    assertEquals(FirmwareStatus.IDLE, triggered(h));

    h.advance(Duration.ofSeconds(1));
    assertEquals(1, transfer.downloads.size());
    assertEquals(FirmwareStatus.DOWNLOADING, firmwareStatuses(h).get(firmwareStatuses(h).size() - 1));
  }

  @Test
  void downloadFailsAfterEveryRetryAndTheChargePointBecomesAvailableAgain() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 2, 30));
    transfer.failDownload("HTTP 500");
    h.run();
    assertEquals(ChargePointStatus.AVAILABLE, h.status(), "free to charge between attempts");
    assertEquals(FirmwareStatus.DOWNLOADING, triggered(h), "still trying");

    h.advance(Duration.ofSeconds(29));
    assertEquals(1, transfer.downloads.size());
    h.advance(Duration.ofSeconds(1));
    assertEquals(2, transfer.downloads.size());
    transfer.failDownload("connection reset");
    h.run();
    h.advance(Duration.ofSeconds(30));
    assertEquals(3, transfer.downloads.size());
    transfer.failDownload("HTTP 404");
    h.run();

    assertEquals(List.of(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOAD_FAILED), firmwareStatuses(h),
        "Downloading once (the second came from the trigger), DownloadFailed after the last attempt");
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    h.advance(Duration.ofHours(1));
    assertEquals(3, transfer.downloads.size(), "1 + retries attempts");
    assertTrue(installer.installations.isEmpty());
  }

  @Test
  void withNoRetriesOneFailedDownloadIsFinal() {
    Harness h = harness(false).online();
    int before = h.cs.calls().size();
    h.call(new UpdateFirmwareRequest("https://updates.example.com/fw/does_not_exist_image.bin", Optional.of(0), Harness.START,
        Optional.empty()));
    transfer.failDownload("HTTP 404");
    h.run();
    assertEquals(List.of("1:Unavailable", "Downloading", "1:Available", "DownloadFailed"), story(h).subList(before, h.cs.calls().size()));
    h.advance(Duration.ofHours(1));
    assertEquals(1, transfer.downloads.size());
  }

  @Test
  void aLocationThatIsNoUriFailsAtOnce() {
    Harness h = harness(false).online();
    h.call(new UpdateFirmwareRequest("http://bad host/ image", Optional.of(3), Harness.START, Optional.of(1)));
    h.advance(Duration.ofMinutes(1));
    assertTrue(transfer.downloads.isEmpty());
    assertEquals(List.of(FirmwareStatus.DOWNLOAD_FAILED), firmwareStatuses(h));
  }

  @Test
  void installationFailureKeepsTheOldFirmwareAndFreesTheConnectors() {
    Harness h = harness(false).online();
    int before = h.cs.calls().size();
    h.call(update(Harness.START, 0, 0));
    Path image = transfer.completeDownload("corrupt");
    h.run();
    installer.fail("checksum mismatch");
    h.run();
    assertEquals(List.of("1:Unavailable", "Downloading", "Downloaded", "Installing", "1:Available", "InstallationFailed"),
        story(h).subList(before, h.cs.calls().size()));
    assertTrue(h.platform.reboots.isEmpty());
    assertFalse(Files.exists(image));
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
  }

  @Test
  void anInstallerThatNeedsNoRebootReportsInstalledAtOnce() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 0, 0));
    transfer.completeDownload("image");
    h.run();
    installer.succeed(false);
    h.run();
    assertEquals(List.of(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOADED, FirmwareStatus.INSTALLING, FirmwareStatus.INSTALLED),
        firmwareStatuses(h));
    assertTrue(h.platform.reboots.isEmpty());
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
  }

  @Test
  void byDefaultTheDownloadWaitsForTheTransactionToEnd() {
    Harness h = harness(false).online();
    h.startCharging();
    h.call(update(Harness.START, 0, 0));
    h.advance(Duration.ofMinutes(10));
    assertTrue(transfer.downloads.isEmpty(), "no download during a transaction (AQ-4 = No)");
    assertEquals(ChargePointStatus.CHARGING, h.status(), "the running transaction is not disturbed");

    h.stopCharging();
    assertEquals(1, transfer.downloads.size());
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
    h.card("OTHER");
    h.ev(PilotState.B);
    assertEquals(1, h.cs.sent(dev.kilowatt.core.message.StartTransactionRequest.class).size(), "no new transaction meanwhile");
  }

  @Test
  void whenAllowedTheDownloadRunsDuringTheTransactionButTheInstallationWaits() {
    Harness h = harness(true).online();
    h.startCharging();
    h.call(update(Harness.START, 0, 0));
    assertEquals(1, transfer.downloads.size());
    assertEquals(ChargePointStatus.CHARGING, h.status());
    transfer.completeDownload("image");
    h.run();
    h.advance(Duration.ofMinutes(10));
    assertTrue(installer.installations.isEmpty(), "never install during a transaction");
    assertEquals(ChargePointStatus.CHARGING, h.status());

    int before = h.cs.calls().size();
    h.stopCharging();
    assertEquals(1, installer.installations.size());
    List<String> after = story(h).subList(before, h.cs.calls().size());
    assertTrue(after.indexOf("1:Unavailable") < after.indexOf("Installing"), "connectors unavailable before Installing: " + after);
  }

  @Test
  void aPowerCutDuringTheDownloadCountsAsAFailedAttempt() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 1, 20));
    assertEquals(1, transfer.downloads.size());

    h.restart();
    h.cs.goOnline();
    h.run();
    h.advance(Duration.ofSeconds(20));
    assertEquals(2, transfer.downloads.size(), "downloads again after the boot");
    assertEquals(List.of(), firmwareStatuses(h), "Downloading was reported before the power cut");
    transfer.completeDownload("image");
    h.run();
    installer.succeed(false);
    h.run();
    assertEquals(List.of(FirmwareStatus.DOWNLOADED, FirmwareStatus.INSTALLING, FirmwareStatus.INSTALLED), firmwareStatuses(h));
  }

  @Test
  void aPowerCutDuringTheLastDownloadAttemptIsReportedAsDownloadFailed() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 0, 0));
    h.restart();
    assertEquals(ChargePointStatus.AVAILABLE, h.status(), "the connectors are free again");
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(FirmwareStatus.DOWNLOAD_FAILED), firmwareStatuses(h));
    assertEquals(1, transfer.downloads.size());
  }

  @Test
  void aPowerCutAfterTheDownloadInstallsTheSavedImageOnTheNextBoot() {
    Harness h = harness(true).online();
    h.startCharging();
    h.call(update(Harness.START, 0, 0));
    Path image = transfer.completeDownload("image");
    h.run();

    h.restart();
    assertEquals(1, installer.installations.size(), "the transaction ended with the power; the image is still good");
    assertEquals(image, installer.last().image());
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
    installer.succeed(true);
    h.run();
    assertEquals(List.of(Platform.RebootKind.FIRMWARE), h.platform.reboots, "offline, the reboot need not wait for anyone");

    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(FirmwareStatus.INSTALLING, FirmwareStatus.INSTALLED), firmwareStatuses(h));
  }

  @Test
  void aPowerCutAfterTheDownloadWithTheImageGoneIsAnInstallationFailure() throws Exception {
    Harness h = harness(true).online();
    h.startCharging();
    h.call(update(Harness.START, 0, 0));
    Files.delete(transfer.completeDownload("image"));
    h.run();
    h.restart();
    h.cs.goOnline();
    h.run();
    assertTrue(installer.installations.isEmpty());
    assertEquals(List.of(FirmwareStatus.INSTALLATION_FAILED), firmwareStatuses(h));
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
  }

  @Test
  void aPowerCutDuringTheInstallationWithTheOldFirmwareStillRunningIsAnInstallationFailure() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 0, 0));
    Path image = transfer.completeDownload("image");
    h.run();
    assertEquals(1, installer.installations.size());

    h.restart();
    assertEquals(1, installer.installations.size(), "an interrupted installation is not run again");
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(FirmwareStatus.INSTALLATION_FAILED), firmwareStatuses(h));
    assertFalse(Files.exists(image));
  }

  @Test
  void aPowerCutDuringTheInstallationThatBootsTheNewFirmwareIsInstalled() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 0, 0));
    transfer.completeDownload("image");
    h.run();

    h.customize(b -> b.fileTransfer(transfer).firmwareInstaller(installer).diagnosticsCollector(new FakeCollector(dir))
        .identity(ChargePointIdentity.of("Kilowatt", "TestBox").withFirmwareVersion("2.0.0")));
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(FirmwareStatus.INSTALLED), firmwareStatuses(h));
  }

  @Test
  void statusesOfAnOfflineStretchAreDeliveredInOrderOnceAcceptedAgain() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 0, 0));
    h.cs.goOffline();
    h.run();
    transfer.completeDownload("image");
    h.run();
    installer.fail("bad image");
    h.run();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOADED, FirmwareStatus.INSTALLING,
        FirmwareStatus.INSTALLATION_FAILED), firmwareStatuses(h));
  }

  @Test
  void aStatusTheCentralSystemRefusesIsNotSentAgain() {
    Harness h = harness(false).online();
    h.cs.holdAnswers();
    h.call(update(Harness.START, 0, 0));
    while (!(h.cs.pending().getFirst().request() instanceof FirmwareStatusNotificationRequest)) {
      h.cs.answerFriendly();
      h.run();
    }
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.run();
    transfer.failDownload("HTTP 404");
    h.run();
    h.replyFriendly();
    assertEquals(List.of(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOAD_FAILED), firmwareStatuses(h));
  }

  @Test
  void aResetIsRejectedWhileTheBoardIsBeingWritten() {
    Harness h = harness(false).online();
    h.call(update(Harness.START, 0, 0));
    transfer.completeDownload("image");
    h.run();
    assertEquals(new ResetResponse(ResetStatus.REJECTED), h.call(new ResetRequest(ResetType.HARD)));
    assertTrue(h.platform.reboots.isEmpty());
    installer.fail("bad image");
    h.run();
    assertEquals(new ResetResponse(ResetStatus.ACCEPTED), h.call(new ResetRequest(ResetType.SOFT)));
  }

  @Test
  void aNewerUpdateReplacesAScheduledOneButNotOneInProgress() {
    Harness h = harness(false).online();
    h.call(update(Harness.START.plus(Duration.ofDays(1)), 0, 0));
    h.call(new UpdateFirmwareRequest("ftp://fw:secret@updates.example.com/v3.bin", Optional.of(0), Harness.START, Optional.empty()));
    h.run();
    assertEquals(1, transfer.downloads.size());
    assertEquals(URI.create("ftp://fw:secret@updates.example.com/v3.bin"), transfer.lastDownload().source());

    h.call(update(Harness.START, 0, 0));
    h.advance(Duration.ofDays(2));
    assertEquals(1, transfer.downloads.size(), "the running download goes on");
    assertEquals(1L, h.cp.counters().get("firmware.updateIgnored"));
  }

  @Test
  void triggeredFirmwareStatusFollowsTheProcedure() {
    Harness h = harness(true).online();
    assertEquals(FirmwareStatus.IDLE, triggered(h));
    h.startCharging();
    h.call(update(Harness.START, 0, 0));
    assertEquals(FirmwareStatus.DOWNLOADING, triggered(h));
    transfer.completeDownload("image");
    h.run();
    assertEquals(FirmwareStatus.DOWNLOADED, triggered(h), "waiting for the transaction to end");
    h.stopCharging();
    assertEquals(FirmwareStatus.INSTALLING, triggered(h));
    installer.fail("bad");
    h.run();
    assertEquals(FirmwareStatus.IDLE, triggered(h));
  }

  @Test
  void theProfilesAndTransferProtocolsAreAdvertisedOnlyWhenConfigured() {
    Harness full = harness(false).online();
    assertEquals("Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", configValue(full, "SupportedFeatureProfiles"));
    assertEquals("FTP,HTTP,HTTPS", configValue(full, "SupportedFileTransferProtocols"));

    Harness bare = new Harness().online();
    assertEquals("Core,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", configValue(bare, "SupportedFeatureProfiles"));
    GetConfigurationResponse unknown = bare.callOk(new GetConfigurationRequest(List.of("SupportedFileTransferProtocols")));
    assertEquals(List.of("SupportedFileTransferProtocols"), unknown.unknownKey());
    CallError error = assertInstanceOf(CallError.class, bare.call(update(Harness.START, 0, 0)));
    assertEquals(CallError.Code.NOT_IMPLEMENTED, error.code());
    assertEquals(new TriggerMessageResponse(TriggerMessageStatus.NOT_IMPLEMENTED),
        bare.call(new TriggerMessageRequest(MessageTrigger.FIRMWARE_STATUS_NOTIFICATION, Optional.empty())));
  }

  private static String configValue(Harness h, String key) {
    GetConfigurationResponse answer = h.callOk(new GetConfigurationRequest(List.of(key)));
    return answer.configurationKey().stream().map(KeyValue::value).findFirst().orElseThrow().orElseThrow();
  }

  private static FirmwareStatus triggered(Harness h) {
    assertEquals(new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED),
        h.call(new TriggerMessageRequest(MessageTrigger.FIRMWARE_STATUS_NOTIFICATION, Optional.empty())));
    List<FirmwareStatus> statuses = firmwareStatuses(h);
    return statuses.get(statuses.size() - 1);
  }
}
