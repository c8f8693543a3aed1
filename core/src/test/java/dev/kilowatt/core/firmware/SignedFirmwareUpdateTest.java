package dev.kilowatt.core.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.FakeFiles.FakeCollector;
import dev.kilowatt.core.FakeFiles.FakeInstaller;
import dev.kilowatt.core.FakeFiles.FakeTransfer;
import dev.kilowatt.core.FakeFiles;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.firmware.SigningFixtures.Scheme;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.Firmware;
import dev.kilowatt.core.message.FirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.InstallCertificateResponse;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareResponse;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareResponse;
import dev.kilowatt.core.message.UpdateFirmwareStatus;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.security.SecurityEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SignedUpdateFirmware as the security white paper's use case L01 describes it: the signing certificate
 * checked before the answer, the signature before the installation, the install date, cancelling, and what
 * a power cut does at each step.
 */
class SignedFirmwareUpdateTest {

  private static final String LOCATION = "https://updates.example.com/fw/image-2.0.0.bin";
  private static final String IMAGE = "signed firmware image 2.0.0";
  private static final int REQUEST = 7;

  @TempDir
  Path dir;
  private FakeTransfer transfer;
  private FakeInstaller installer;

  /** An accepted charge point with the Manufacturer {@code roots} installed the way the central system installs them. */
  private Harness online(boolean downloadDuringTransaction, List<String> roots) {
    transfer = new FakeTransfer(dir);
    installer = new FakeInstaller();
    FakeCollector collector = new FakeCollector(dir);
    Harness h = new Harness().customize(b -> b.fileTransfer(transfer).firmwareInstaller(installer).diagnosticsCollector(collector)
        .firmwareDownloadDuringTransaction(downloadDuringTransaction)).online();
    for (String root : roots) {
      assertEquals(new InstallCertificateResponse(CertificateStatus.ACCEPTED),
          h.call(new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, SigningFixtures.pem(root))));
    }
    return h;
  }

  private Harness online() {
    return online(false, List.of(SigningFixtures.ROOT));
  }

  private static SignedUpdateFirmwareRequest update(int requestId, Instant retrieveAt, Optional<Instant> installAt, String certificate,
      Optional<String> signature) {
    return new SignedUpdateFirmwareRequest(Optional.of(1), Optional.of(30), requestId,
        new Firmware(LOCATION, retrieveAt, installAt, Optional.of(SigningFixtures.pem(certificate)), signature));
  }

  private static SignedUpdateFirmwareRequest update(int requestId, Instant retrieveAt, Optional<Instant> installAt) {
    return update(requestId, retrieveAt, installAt, SigningFixtures.RSA, Optional.of(SigningFixtures.sign(IMAGE, Scheme.RSA_PKCS1)));
  }

  private static SignedUpdateFirmwareRequest now() {
    return update(REQUEST, Harness.START, Optional.empty());
  }

  private static SignedUpdateFirmwareResponse answer(UpdateFirmwareStatus status) {
    return new SignedUpdateFirmwareResponse(status);
  }

  /** The signed firmware statuses the central system heard, each with its requestId. */
  private static List<String> statuses(Harness h) {
    return h.cs.sent(SignedFirmwareStatusNotificationRequest.class).stream()
        .map(s -> s.status().ocppValue() + s.requestId().map(id -> "#" + id).orElse("")).toList();
  }

  /** The security events of firmware updates the central system heard. */
  private static List<String> securityEvents(Harness h) {
    List<String> firmware = List.of(SecurityEvent.FIRMWARE_UPDATED.ocppName(), SecurityEvent.INVALID_FIRMWARE_SIGNATURE.ocppName(),
        SecurityEvent.INVALID_FIRMWARE_SIGNING_CERTIFICATE.ocppName());
    return h.cs.sent(SecurityEventNotificationRequest.class).stream().map(SecurityEventNotificationRequest::type).filter(firmware::contains)
        .toList();
  }

  /** Completes the download with {@code IMAGE} and lets the signature check run. */
  private Path download(Harness h) {
    Path image = transfer.completeDownload(IMAGE);
    h.run();
    return image;
  }

  @Test
  @DisplayName("TC_080_CS Secure firmware update: every state with the requestId, Installed and FirmwareUpdated after the reboot")
  void theHappyFlowReportsEveryStateWithTheRequestIdAndInstalledAfterTheReboot() {
    Harness h = online();
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED), h.call(now()));
    Path image = download(h);
    assertEquals(image, installer.last().image(), "installed once the signature checked out");
    installer.succeed(true);
    h.advance(Duration.ofMillis(100));
    assertEquals(List.of("Downloading#7", "Downloaded#7", "SignatureVerified#7", "Installing#7", "InstallRebooting#7"), statuses(h));
    assertEquals(List.of(Platform.RebootKind.FIRMWARE), h.platform.reboots);
    assertEquals(List.of(), h.cs.sent(FirmwareStatusNotificationRequest.class), "the signed update speaks only its own notification");

    h.restartOnline();
    assertInstanceOf(BootNotificationRequest.class, h.cs.wire().get(0), "the new firmware boots");
    assertEquals(List.of("Available"), h.reportedStatuses(1));
    assertEquals(List.of("Installed#7"), statuses(h));
    assertEquals(List.of(SecurityEvent.FIRMWARE_UPDATED.ocppName()), securityEvents(h));
    assertFalse(Files.exists(image));
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void signaturesOfEachSchemeAreVerified(Scheme scheme) {
    Harness h = online();
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED),
        h.call(update(REQUEST, Harness.START, Optional.empty(), scheme.certificate, Optional.of(SigningFixtures.sign(IMAGE, scheme)))));
    download(h);
    assertEquals(1, installer.installations.size(), scheme + " verified");
  }

  @Test
  void anImageLargerThanOneSliceIsVerifiedAcrossTurnsOfTheEventLoop() {
    Harness h = online();
    String large = "0123456789abcdef".repeat(FirmwareSigning.SLICE_BYTES / 16 * 3 + 5);
    h.call(update(REQUEST, Harness.START, Optional.empty(), SigningFixtures.RSA, Optional.of(SigningFixtures.sign(large, Scheme.RSA_PKCS1))));
    transfer.completeDownload(large);
    h.run();
    assertEquals(1, installer.installations.size());
  }

  @Test
  @DisplayName("TC_081_CS Secure firmware update - invalid signature: InvalidSignature and InvalidFirmwareSignature, no installation")
  void aSignatureThatDoesNotMatchTheImageStopsTheUpdateBeforeTheInstallation() {
    Harness h = online();
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED), h.call(update(REQUEST, Harness.START, Optional.empty(), SigningFixtures.RSA,
        Optional.of(SigningFixtures.sign("another image", Scheme.RSA_PKCS1)))));
    Path image = download(h);
    assertTrue(installer.installations.isEmpty());
    assertEquals(List.of("Downloading#7", "Downloaded#7", "InvalidSignature#7"), statuses(h));
    assertEquals(List.of(SecurityEvent.INVALID_FIRMWARE_SIGNATURE.ocppName()), securityEvents(h));
    assertFalse(Files.exists(image), "a refused image is not kept");
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(1L, h.cp.counters().get("firmware.invalidSignature"));
  }

  @Test
  void aMissingOrGarbledSignatureIsAnInvalidSignature() {
    for (Optional<String> signature : List.of(Optional.<String>empty(), Optional.of("%%% not base64 %%%"), Optional.of("AAAA"))) {
      Harness h = online();
      h.call(update(REQUEST, Harness.START, Optional.empty(), SigningFixtures.RSA, signature));
      download(h);
      assertTrue(installer.installations.isEmpty());
      assertEquals("InvalidSignature#7", statuses(h).get(statuses(h).size() - 1), signature.toString());
    }
  }

  @Test
  void anImageThatCannotBeReadFailsVerification() throws Exception {
    Harness h = online();
    h.call(now());
    Files.delete(transfer.completeDownload(IMAGE));
    h.run();
    assertTrue(installer.installations.isEmpty());
    assertEquals(List.of("Downloading#7", "Downloaded#7", "InstallVerificationFailed#7"), statuses(h));
  }

  @Test
  void aSigningCertificateThatIsNotTrustedIsRefusedBeforeAnyDownload() {
    record Case(String why, List<String> roots, SignedUpdateFirmwareRequest request) {}
    Optional<String> signature = Optional.of(SigningFixtures.sign(IMAGE, Scheme.RSA_PKCS1));
    List<String> installed = List.of(SigningFixtures.ROOT);
    List<Case> cases = List.of(
        new Case("no Manufacturer root installed", List.of(), now()),
        new Case("issued by another root", installed, update(REQUEST, Harness.START, Optional.empty(), SigningFixtures.FOREIGN, signature)),
        new Case("expired", installed, update(REQUEST, Harness.START, Optional.empty(), SigningFixtures.EXPIRED, signature)),
        new Case("a root of its own", List.of(SigningFixtures.OTHER_ROOT), now()),
        new Case("garbage", installed, new SignedUpdateFirmwareRequest(Optional.empty(), Optional.empty(), REQUEST,
            new Firmware(LOCATION, Harness.START, Optional.empty(), Optional.of("-----BEGIN CERTIFICATE-----\nAAAA\n"), signature))),
        new Case("missing", installed, new SignedUpdateFirmwareRequest(Optional.empty(), Optional.empty(), REQUEST,
            new Firmware(LOCATION, Harness.START, Optional.empty(), Optional.empty(), signature))));
    for (Case c : cases) {
      Harness h = online(false, c.roots());
      int before = h.cs.wire().size();
      assertEquals(answer(UpdateFirmwareStatus.INVALID_CERTIFICATE), h.call(c.request()), c.why());
      List<Object> after = h.cs.wire().subList(before, h.cs.wire().size());
      assertEquals(answer(UpdateFirmwareStatus.INVALID_CERTIFICATE), after.get(0), "the answer goes first: " + c.why());
      assertEquals(SecurityEvent.INVALID_FIRMWARE_SIGNING_CERTIFICATE.ocppName(),
          assertInstanceOf(SecurityEventNotificationRequest.class, after.get(1)).type(), c.why());
      h.advance(Duration.ofHours(1));
      assertTrue(transfer.downloads.isEmpty(), c.why());
      assertEquals(List.of(), statuses(h), c.why());
    }
  }

  @Test
  void aRetrieveDateInTheFutureIsReportedAsDownloadScheduled() {
    Harness h = online();
    h.call(update(REQUEST, Harness.START.plus(Duration.ofHours(2)), Optional.empty()));
    assertEquals(List.of("DownloadScheduled#7"), statuses(h));
    h.advance(Duration.ofHours(1));
    assertTrue(transfer.downloads.isEmpty());
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    h.advance(Duration.ofHours(1));
    assertEquals(1, transfer.downloads.size());
    assertEquals(List.of("DownloadScheduled#7", "Downloading#7"), statuses(h));
  }

  @Test
  void anInstallDateInTheFutureIsAwaitedWithTheConnectorsFree() {
    Harness h = online();
    h.call(update(REQUEST, Harness.START, Optional.of(Harness.START.plus(Duration.ofHours(3)))));
    download(h);
    assertEquals(List.of("Downloading#7", "Downloaded#7", "SignatureVerified#7", "InstallScheduled#7"), statuses(h));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(), "free to charge until the install date");
    h.advance(Duration.ofHours(3).minusSeconds(1));
    assertTrue(installer.installations.isEmpty());
    h.advance(Duration.ofSeconds(1));
    assertEquals(1, installer.installations.size());
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
    assertEquals("Installing#7", statuses(h).get(statuses(h).size() - 1));
  }

  @Test
  void atTheInstallDateTheInstallationStillWaitsForTheTransactionToEnd() {
    Harness h = online(true, List.of(SigningFixtures.ROOT));
    h.startCharging();
    h.call(update(REQUEST, Harness.START, Optional.of(Harness.START.plus(Duration.ofHours(1)))));
    download(h);
    h.advance(Duration.ofHours(2));
    assertTrue(installer.installations.isEmpty(), "never during a transaction (L01.FR.18)");
    assertEquals(ChargePointStatus.CHARGING, h.status());
    h.card("OTHER");
    h.stopCharging();
    assertEquals(1, installer.installations.size());
  }

  @Test
  void aDownloadThatWaitsForTheTransactionIsReportedAsDownloadScheduledOnce() {
    Harness h = online();
    h.startCharging();
    h.call(now());
    h.advance(Duration.ofMinutes(10));
    assertTrue(transfer.downloads.isEmpty());
    assertEquals(List.of("DownloadScheduled#7"), statuses(h));
    h.stopCharging();
    assertEquals(1, transfer.downloads.size());
    assertEquals(List.of("DownloadScheduled#7", "Downloading#7"), statuses(h));
  }

  @Test
  void aNewUpdateCancelsAScheduledOneAndAnswersAcceptedCanceled() {
    Harness h = online();
    h.call(update(1, Harness.START.plus(Duration.ofHours(1)), Optional.empty()));
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED_CANCELED), h.call(update(2, Harness.START.plus(Duration.ofHours(2)), Optional.empty())));
    h.advance(Duration.ofMinutes(90));
    assertTrue(transfer.downloads.isEmpty(), "the first update is gone");
    h.advance(Duration.ofMinutes(30));
    assertEquals(1, transfer.downloads.size());
    assertEquals(List.of("DownloadScheduled#1", "DownloadScheduled#2", "Downloading#2"), statuses(h));
    assertEquals(1L, h.cp.counters().get("firmware.updateCancelled"));
  }

  @Test
  void aNewUpdateCancelsARunningDownloadWhoseLateImageIsDiscarded() {
    Harness h = online();
    h.call(update(1, Harness.START, Optional.empty()));
    FakeTransfer.Download first = transfer.lastDownload();
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED_CANCELED), h.call(update(2, Harness.START, Optional.empty())));
    assertEquals(2, transfer.downloads.size());

    Path late = dir.resolve("late.bin");
    FakeFiles.write(late, IMAGE);
    first.listener().onCompleted(new FakeFiles.DiskFile(late));
    h.run();
    assertFalse(Files.exists(late), "the cancelled download's image is deleted");
    assertTrue(installer.installations.isEmpty());

    download(h);
    assertEquals(1, installer.installations.size());
    assertEquals(List.of("Downloading#1", "Downloading#2", "Downloaded#2", "SignatureVerified#2", "Installing#2"), statuses(h));
  }

  @Test
  void aNewUpdateCancelsOneWaitingForItsInstallDateAndDeletesItsImage() {
    Harness h = online();
    h.call(update(1, Harness.START, Optional.of(Harness.START.plus(Duration.ofDays(1)))));
    Path image = download(h);
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED_CANCELED), h.call(update(2, Harness.START.plus(Duration.ofDays(2)), Optional.empty())));
    assertFalse(Files.exists(image));
    h.advance(Duration.ofDays(1));
    assertTrue(installer.installations.isEmpty());
  }

  @Test
  void anUpdateWhileTheBoardIsBeingWrittenIsRejected() {
    Harness h = online();
    h.call(update(1, Harness.START, Optional.empty()));
    download(h);
    assertEquals(answer(UpdateFirmwareStatus.REJECTED), h.call(update(2, Harness.START, Optional.empty())));
    assertEquals(1, transfer.downloads.size());
    assertEquals(new ResetResponse(ResetStatus.REJECTED), h.call(new ResetRequest(ResetType.SOFT)));
    installer.succeed(false);
    h.run();
    assertEquals("Installed#1", statuses(h).get(statuses(h).size() - 1));
    assertEquals(List.of(SecurityEvent.FIRMWARE_UPDATED.ocppName()), securityEvents(h));
  }

  @Test
  void aSignedUpdateCancelsAnUnsignedOneThatHasNotStarted() {
    Harness h = online();
    assertEquals(new UpdateFirmwareResponse(), h.call(new UpdateFirmwareRequest(LOCATION, Optional.of(0),
        Harness.START.plus(Duration.ofHours(1)), Optional.empty())));
    h.run();
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED_CANCELED), h.call(now()));
    h.advance(Duration.ofHours(2));
    assertEquals(1, transfer.downloads.size());
  }

  @Test
  void aSignedOnlyChargePointRefusesTheUnsignedUpdateWithNotSupported() {
    Harness h = online();
    h.customize(b -> b.fileTransfer(transfer).firmwareInstaller(installer).diagnosticsCollector(new FakeCollector(dir))
        .signedFirmwareOnly(true)).restartOnline();
    CallError error = assertInstanceOf(CallError.class,
        h.call(new UpdateFirmwareRequest(LOCATION, Optional.empty(), Harness.START, Optional.empty())));
    assertEquals(CallError.Code.NOT_SUPPORTED, error.code());
    h.advance(Duration.ofMinutes(1));
    assertTrue(transfer.downloads.isEmpty(), "no update started (L01.FR.20)");
    assertEquals(answer(UpdateFirmwareStatus.ACCEPTED), h.call(now()));
  }

  // ---------------------------------------------------------------- power cuts

  /** Cuts the power; after the boot, what {@code started} counts starts once, an hour after the cut, with the connectors free until then. */
  private static void startsAnHourLaterDespiteAPowerCut(Harness h, IntSupplier started) {
    h.restartOnline();
    h.advance(Duration.ofMinutes(59));
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(0, started.getAsInt());
    h.advance(Duration.ofMinutes(1));
    assertEquals(1, started.getAsInt());
  }

  @Test
  void aPowerCutBeforeTheRetrieveDateKeepsTheDateWithoutReportingItAgain() {
    Harness h = online();
    h.call(update(REQUEST, Harness.START.plus(Duration.ofHours(1)), Optional.empty()));
    startsAnHourLaterDespiteAPowerCut(h, transfer.downloads::size);
    assertEquals(List.of("Downloading#7"), statuses(h));
  }

  @Test
  void aPowerCutDuringTheDownloadCountsAsAFailedAttempt() {
    Harness h = online();
    h.call(now());
    h.restartOnline();
    h.advance(Duration.ofSeconds(30));
    assertEquals(2, transfer.downloads.size());
    download(h);
    assertEquals(List.of("Downloaded#7", "SignatureVerified#7", "Installing#7"), statuses(h));
  }

  @Test
  void aPowerCutBeforeTheSignatureCheckChecksItAfterTheBoot() {
    Harness h = online();
    h.call(now());
    transfer.completeDownload(IMAGE);
    h.cp.stop();
    h.run();
    h.restartOnline();
    assertEquals(1, installer.installations.size());
    assertEquals(List.of("Downloaded#7", "SignatureVerified#7", "Installing#7"), statuses(h));
  }

  @Test
  void aPowerCutWhileWaitingForTheInstallDateKeepsTheDateWithoutReportingItAgain() {
    Harness h = online();
    h.call(update(REQUEST, Harness.START, Optional.of(Harness.START.plus(Duration.ofHours(1)))));
    download(h);
    startsAnHourLaterDespiteAPowerCut(h, installer.installations::size);
    assertEquals(List.of("Installing#7"), statuses(h));
  }

  @Test
  void aPowerCutDuringTheInstallationIsJudgedByTheFirmwareThatBoots() {
    Harness h = online();
    h.call(now());
    download(h);
    h.restartOnline();
    assertEquals(List.of("InstallationFailed#7"), statuses(h), "the old firmware still runs");

    Harness h2 = online();
    h2.call(now());
    download(h2);
    h2.customize(b -> b.fileTransfer(transfer).firmwareInstaller(installer).diagnosticsCollector(new FakeCollector(dir))
        .identity(ChargePointIdentity.of("Kilowatt", "TestBox").withFirmwareVersion("2.0.0")));
    h2.restartOnline();
    assertEquals(List.of("Installed#7"), statuses(h2));
  }

  // ---------------------------------------------------------------- ExtendedTriggerMessage

  @Test
  void theTriggeredStatusIsTheLastOneSentOrIdle() {
    Harness h = online();
    assertEquals("Idle", triggered(h), "nothing going on: Idle without a requestId");
    h.call(update(REQUEST, Harness.START.plus(Duration.ofHours(1)), Optional.empty()));
    assertEquals("DownloadScheduled#7", triggered(h));
    h.advance(Duration.ofHours(1));
    assertEquals("Downloading#7", triggered(h));
    download(h);
    assertEquals("Installing#7", triggered(h));
    installer.succeed(false);
    h.run();
    assertEquals("Idle", triggered(h), "after Installed: Idle (L01.FR.28)");

    Harness failed = online();
    failed.call(update(REQUEST, Harness.START, Optional.empty(), SigningFixtures.RSA, Optional.empty()));
    download(failed);
    assertEquals("InvalidSignature#7", triggered(failed), "any other last status is repeated (L01.FR.29)");
    failed.restartOnline();
    assertEquals("InvalidSignature#7", triggered(failed), "even after a reboot");
  }

  @Test
  void anUnsignedUpdateIsNoSignedUpdateForTheExtendedTrigger() {
    Harness h = online();
    h.call(new UpdateFirmwareRequest(LOCATION, Optional.of(0), Harness.START, Optional.empty()));
    h.run();
    assertEquals("Idle", triggered(h));
  }

  private static String triggered(Harness h) {
    SignedFirmwareStatusNotificationRequest sent = h.triggerExtended(ExtendedMessageTrigger.FIRMWARE_STATUS_NOTIFICATION,
        SignedFirmwareStatusNotificationRequest.class);
    assertTrue(sent.status() != SignedFirmwareStatus.IDLE || sent.requestId().isEmpty(), "Idle carries no requestId");
    return sent.status().ocppValue() + sent.requestId().map(id -> "#" + id).orElse("");
  }

  @Test
  void statusNotificationsOfTheConnectorsFollowTheHold() {
    Harness h = online();
    h.call(now());
    download(h);
    List<String> connector1 = h.cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == 1)
        .map(s -> s.status().ocppValue()).toList();
    assertEquals("Unavailable", connector1.get(connector1.size() - 1));
    installer.fail("flash write error");
    h.run();
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals("InstallationFailed#7", statuses(h).get(statuses(h).size() - 1));
  }
}
