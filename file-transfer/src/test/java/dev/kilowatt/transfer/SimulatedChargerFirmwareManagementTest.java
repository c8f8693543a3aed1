package dev.kilowatt.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.ConnectorState;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.Firmware;
import dev.kilowatt.core.message.FirmwareStatus;
import dev.kilowatt.core.message.FirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetDiagnosticsResponse;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.GetLogResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.LogParameters;
import dev.kilowatt.core.message.LogStatusNotificationRequest;
import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.HeldFile;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedFirmwareInstaller;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import dev.kilowatt.test.TestLoop;
import dev.kilowatt.transfer.TestServers.Web;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated charger with real transfers against servers on the loopback interface, through the OCA
 * test cases of the Firmware Management and Remote Trigger profiles that apply to it (TC_044_1/2/3,
 * TC_045_1/2, TC_054, TC_055) and the security white paper's signed firmware and security log, including
 * power cuts during a download and during an installation. The charge point runs on virtual time; the
 * transfers run on real threads, so the test runs the loop until what it waits for has happened, for ten
 * seconds at most.
 */
class SimulatedChargerFirmwareManagementTest {

  private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
  private static final byte[] FIRMWARE = SimulatedFirmwareInstaller.image("2.0.0", "the new firmware".getBytes(StandardCharsets.UTF_8));

  @TempDir
  Path dir;
  private final TestLoop time = new TestLoop(START);
  private final InMemoryStorage storage = new InMemoryStorage();
  private final List<Platform.RebootKind> reboots = new ArrayList<>();
  private final List<AutoCloseable> servers = new ArrayList<>();
  private SimulatedFirmwareInstaller installer;
  private ScriptedCentralSystem cs;
  private ChargePoint cp;
  private SimulatedConnector connector;

  @AfterEach
  void stop() throws Exception {
    cp.stop();
    connector.close();
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private <T extends AutoCloseable> T server(T server) {
    servers.add(server);
    return server;
  }

  /** Boots the charger (again, after a power cut) with the firmware it has installed, and gets it accepted. */
  private void boot(FirmwareInstaller port) {
    if (cp != null) {
      cp.stop();
      connector.close();
      time.runPending();
    }
    cs = new ScriptedCentralSystem(time::now);
    connector = new SimulatedConnector(time, SimulatedConnector.Settings.defaults());
    cp = ChargePoint.builder(time, storage, cs, reboots::add)
        .storageWriter(Runnable::run)
        .identity(ChargePointIdentity.of("Kilowatt", "Simulated").withFirmwareVersion(installer().installedVersion().orElse("1.0.0")))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .fileTransfer(NetworkFileTransfer.builder(dir.resolve("transfers")).timeouts(Duration.ofSeconds(5), Duration.ofMillis(500)).build())
        .firmwareInstaller(port)
        .diagnosticsCollector(new LogDirectoryDiagnostics(dir.resolve("logs"), dir.resolve("archives")))
        .build();
    cp.start();
    time.runPending();
    cs.goOnline();
    time.runPending();
  }

  private void boot() {
    boot(installer());
  }

  private SimulatedFirmwareInstaller installer() {
    if (installer == null) {
      installer = new SimulatedFirmwareInstaller(dir.resolve("board"));
    }
    return installer;
  }

  /** Runs the charge point's loop, 100 ms of its time a round, until {@code condition} holds; the transfers happen meanwhile on their threads. */
  private void awaitUntil(String what, BooleanSupplier condition) {
    time.awaitUntil(what, Duration.ofMillis(100), condition);
  }

  private List<FirmwareStatus> firmwareStatuses() {
    return cs.sent(FirmwareStatusNotificationRequest.class).stream().map(FirmwareStatusNotificationRequest::status).toList();
  }

  private List<DiagnosticsStatus> diagnosticsStatuses() {
    return cs.sent(DiagnosticsStatusNotificationRequest.class).stream().map(DiagnosticsStatusNotificationRequest::status).toList();
  }

  private void awaitFirmware(FirmwareStatus... statuses) {
    awaitUntil("firmware statuses " + List.of(statuses), () -> firmwareStatuses().equals(List.of(statuses)));
  }

  private ConnectorState state() {
    var snapshot = cp.connectors();
    time.runPending();
    return snapshot.join().get(0).state();
  }

  private static UpdateFirmwareRequest update(URI location, int retries) {
    return new UpdateFirmwareRequest(location.toString(), Optional.of(retries), START, Optional.of(10));
  }

  private List<SignedFirmwareStatus> signedStatuses() {
    return cs.sent(SignedFirmwareStatusNotificationRequest.class).stream().map(SignedFirmwareStatusNotificationRequest::status).toList();
  }

  /** A signed update of FIRMWARE at {@code location}, signed with core's test-only firmware signing key. */
  private static SignedUpdateFirmwareRequest signedUpdate(URI location) throws Exception {
    String key = fixture("firmware-signing-rsa.key").replaceAll("-----[A-Z ]+-----|\\s", "");
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key))));
    signer.update(FIRMWARE);
    return new SignedUpdateFirmwareRequest(Optional.of(0), Optional.empty(), 21, new Firmware(location.toString(), START, Optional.empty(),
        Optional.of(fixture("firmware-signing-rsa.pem")), Optional.of(Base64.getEncoder().encodeToString(signer.sign()))));
  }

  private static String fixture(String name) throws Exception {
    try (InputStream in = SimulatedChargerFirmwareManagementTest.class.getResourceAsStream("/firmware-signing/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void tc044_1_downloadInstallAndBootTheNewFirmware() throws Exception {
    Web web = server(Web.http()).serve("/fw/kilowatt-2.0.0.bin", FIRMWARE, true);
    boot();
    cs.call(update(web.uri("/fw/kilowatt-2.0.0.bin"), 1));
    awaitUntil("the reboot", () -> !reboots.isEmpty());
    assertEquals(List.of(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOADED, FirmwareStatus.INSTALLING), firmwareStatuses());
    assertEquals(List.of(Platform.RebootKind.FIRMWARE), reboots);

    boot();
    assertEquals(Optional.of("2.0.0"), cs.sent(BootNotificationRequest.class).get(0).firmwareVersion());
    assertEquals(List.of(FirmwareStatus.INSTALLED), firmwareStatuses());
    assertTrue(cs.wire().indexOf(cs.sent(StatusNotificationRequest.class).get(1)) < cs.wire().indexOf(cs.sent(FirmwareStatusNotificationRequest.class).get(0)),
        "the connectors are reported before Installed");
    assertEquals(ConnectorState.AVAILABLE, state());
  }

  @Test
  void tc044_2_aMissingImageIsADownloadFailureAndTheChargerStaysInService() throws Exception {
    Web web = server(Web.http()).status("/fw/does_not_exist_kilowatt-2.0.0.bin", 404);
    boot();
    cs.call(update(web.uri("/fw/does_not_exist_kilowatt-2.0.0.bin"), 0));
    awaitFirmware(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOAD_FAILED);
    assertEquals(ConnectorState.AVAILABLE, state());
    assertEquals(List.of(), reboots);
  }

  @Test
  void tc044_3_aCorruptImageOverFtpFailsToInstallAndTheOldFirmwareStays() throws Exception {
    TestFtpServer ftp = server(new TestFtpServer(dir.resolve("ftp")));
    byte[] corrupt = FIRMWARE.clone();
    corrupt[corrupt.length - 1] ^= 1;
    Files.createDirectories(ftp.root.resolve("fw"));
    Files.write(ftp.root.resolve("fw/kilowatt-2.0.0.bin"), corrupt);
    boot();
    cs.call(update(ftp.uri("kw:secret", "/fw/kilowatt-2.0.0.bin"), 0));
    awaitFirmware(FirmwareStatus.DOWNLOADING, FirmwareStatus.DOWNLOADED, FirmwareStatus.INSTALLING, FirmwareStatus.INSTALLATION_FAILED);
    assertEquals(List.of(), reboots);
    assertEquals(Optional.empty(), installer.installedVersion());
    assertEquals(ConnectorState.AVAILABLE, state());
  }

  @Test
  void aPowerCutDuringTheDownloadIsResumedAfterTheBoot() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    Web web = server(Web.http());
    web.route("/fw/kilowatt-2.0.0.bin", exchange -> {
      exchange.sendResponseHeaders(200, FIRMWARE.length);
      var out = exchange.getResponseBody();
      if (requests.incrementAndGet() == 1) {
        out.write(FIRMWARE, 0, FIRMWARE.length / 2);
        out.flush();
        awaitRelease(web);
      } else {
        out.write(FIRMWARE);
        out.close();
      }
    });
    boot();
    cs.call(update(web.uri("/fw/kilowatt-2.0.0.bin"), 1));
    awaitUntil("the download to start", () -> requests.get() == 1);

    boot();
    time.advance(Duration.ofSeconds(10));
    awaitUntil("the reboot", () -> !reboots.isEmpty());
    assertEquals(List.of(FirmwareStatus.DOWNLOADED, FirmwareStatus.INSTALLING), firmwareStatuses(), "Downloading was told before the cut");

    boot();
    assertEquals(List.of(FirmwareStatus.INSTALLED), firmwareStatuses());
    assertEquals(Optional.of("2.0.0"), cs.sent(BootNotificationRequest.class).get(0).firmwareVersion());
  }

  @Test
  void aPowerCutDuringTheInstallationIsJudgedByTheFirmwareThatBoots() throws Exception {
    Web web = server(Web.http()).serve("/fw/kilowatt-2.0.0.bin", FIRMWARE, true);
    List<FirmwareInstaller.Listener> silenced = new ArrayList<>();
    FirmwareInstaller cutBeforeTheEnd = new FirmwareInstaller() {
      @Override
      public long maxImageBytes() {
        return installer().maxImageBytes();
      }

      @Override
      public void install(HeldFile image, Listener listener) {
        // the board writes the image, and the power goes before it can say so
        installer().install(image, new Listener() {
          @Override
          public void onInstalled(boolean rebootRequired) {
            silenced.add(listener);
          }

          @Override
          public void onFailed(String reason) {
            silenced.add(listener);
          }
        });
      }
    };
    boot(cutBeforeTheEnd);
    cs.call(update(web.uri("/fw/kilowatt-2.0.0.bin"), 0));
    awaitUntil("the installation", () -> !silenced.isEmpty());

    boot();
    assertEquals(List.of(FirmwareStatus.INSTALLED), firmwareStatuses(), "the new firmware booted");
    assertEquals(List.of(), reboots, "the power cut was the reboot");
  }

  @Test
  void signedFirmwareIsVerifiedBeforeItIsInstalledAndBooted() throws Exception {
    Web web = server(Web.http()).serve("/fw/kilowatt-2.0.0.bin", FIRMWARE, true);
    boot();
    cs.call(new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, fixture("manufacturer-root.pem")));
    cs.call(signedUpdate(web.uri("/fw/kilowatt-2.0.0.bin")));
    awaitUntil("the reboot", () -> !reboots.isEmpty());
    assertEquals(List.of(SignedFirmwareStatus.DOWNLOADING, SignedFirmwareStatus.DOWNLOADED, SignedFirmwareStatus.SIGNATURE_VERIFIED,
        SignedFirmwareStatus.INSTALLING, SignedFirmwareStatus.INSTALL_REBOOTING), signedStatuses());

    boot();
    assertEquals(Optional.of("2.0.0"), cs.sent(BootNotificationRequest.class).get(0).firmwareVersion());
    assertEquals(List.of(SignedFirmwareStatus.INSTALLED), signedStatuses());
  }

  @Test
  void aSignedImageTamperedWithOnTheServerIsNeverInstalled() throws Exception {
    byte[] tampered = FIRMWARE.clone();
    tampered[tampered.length - 1] ^= 1;
    Web web = server(Web.http()).serve("/fw/kilowatt-2.0.0.bin", tampered, true);
    boot();
    cs.call(new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, fixture("manufacturer-root.pem")));
    cs.call(signedUpdate(web.uri("/fw/kilowatt-2.0.0.bin")));
    awaitUntil("InvalidSignature", () -> signedStatuses().equals(
        List.of(SignedFirmwareStatus.DOWNLOADING, SignedFirmwareStatus.DOWNLOADED, SignedFirmwareStatus.INVALID_SIGNATURE)));
    assertTrue(cs.sent(SecurityEventNotificationRequest.class).stream().anyMatch(e -> e.type().equals("InvalidFirmwareSignature")));
    assertEquals(Optional.empty(), installer().installedVersion());
    assertEquals(List.of(), reboots);
    assertEquals(ConnectorState.AVAILABLE, state());
  }

  @Test
  void theSecurityLogGoesToAnFtpDirectory() throws Exception {
    TestFtpServer ftp = server(new TestFtpServer(dir.resolve("ftp")));
    Files.createDirectories(ftp.root.resolve("logs"));
    boot();
    String getLog = cs.call(new GetLogRequest(LogType.SECURITY_LOG, 3, Optional.of(0), Optional.empty(),
        new LogParameters(ftp.uri("kw:secret", "/logs").toString(), Optional.empty(), Optional.empty())));
    time.runPending();
    String fileName = cs.replyTo(getLog, GetLogResponse.class).filename().orElseThrow();
    awaitUntil("the upload", () -> cs.sent(LogStatusNotificationRequest.class).equals(List.of(
        new LogStatusNotificationRequest(UploadLogStatus.UPLOADING, Optional.of(3)),
        new LogStatusNotificationRequest(UploadLogStatus.UPLOADED, Optional.of(3)))));
    assertTrue(Files.readString(ftp.root.resolve("logs").resolve(fileName)).contains(" StartupOfTheDevice critical"));
  }

  @Test
  void tc045_1_diagnosticsGoToAnFtpDirectoryWithTheConfigurationMasked() throws Exception {
    TestFtpServer ftp = server(new TestFtpServer(dir.resolve("ftp")));
    Files.createDirectories(ftp.root.resolve("diagnostics"));
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("logs/kilowatt.log"), "12:00:00 INFO charger started\n");
    boot();
    cs.call(new ChangeConfigurationRequest("AuthorizationKey", "31323334353637383930"));
    String getDiagnostics = cs.call(new GetDiagnosticsRequest(ftp.uri("kw:secret", "/diagnostics").toString(), Optional.of(0), Optional.empty(),
        Optional.empty(), Optional.empty()));
    time.runPending();
    String fileName = cs.replyTo(getDiagnostics, GetDiagnosticsResponse.class).fileName().orElseThrow();
    awaitUntil("the upload", () -> diagnosticsStatuses().equals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED)));

    Map<String, String> archive = unzip(ftp.root.resolve("diagnostics").resolve(fileName));
    assertTrue(archive.get("configuration.txt").contains("AuthorizationKey=***\n"), archive.get("configuration.txt"));
    assertTrue(archive.get("ocpp-traffic.txt").contains("BootNotification"));
    assertTrue(!archive.get("ocpp-traffic.txt").contains("31323334353637383930") && !archive.get("ocpp-traffic.txt").contains("secret"),
        "no secrets in the traffic");
    assertEquals("12:00:00 INFO charger started\n", archive.get("logs/kilowatt.log"));
    assertTrue(Files.notExists(dir.resolve("archives").resolve(fileName)), "the local archive is gone after the upload");
  }

  @Test
  void tc045_2_aRefusedUploadIsRetriedThenReportedAsFailed() throws Exception {
    Web web = server(Web.http()).acceptUploads("/diagnostics", 500);
    boot();
    cs.call(new GetDiagnosticsRequest(web.uri("/diagnostics").toString(), Optional.of(1), Optional.of(30), Optional.empty(),
        Optional.empty()));
    awaitUntil("the first attempt", () -> web.received.size() == 1);
    time.runPending();
    web.received.clear();
    awaitUntil("the retry", () -> {
      time.advance(Duration.ofSeconds(30));
      return web.received.size() == 1;
    });
    awaitUntil("UploadFailed", () -> diagnosticsStatuses().equals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOAD_FAILED)));
  }

  @Test
  void tc054_tc055_everyTriggeredMessageFollowsItsAnswer() throws Exception {
    boot();
    for (MessageTrigger trigger : MessageTrigger.values()) {
      int before = cs.wire().size();
      cs.call(new TriggerMessageRequest(trigger, Optional.of(1)));
      time.runPending();
      List<Object> exchanged = cs.wire().subList(before, cs.wire().size());
      assertEquals(new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED), exchanged.get(0), trigger.ocppValue());
      assertEquals(trigger.ocppValue(), ((ChargePointRequest<?>) exchanged.get(1)).action().ocppName());
    }
    assertEquals(List.of(FirmwareStatus.IDLE), firmwareStatuses());
    assertEquals(List.of(DiagnosticsStatus.IDLE), diagnosticsStatuses());
    assertEquals(1, cs.sent(MeterValuesRequest.class).size());
    assertEquals(1, cs.sent(HeartbeatRequest.class).size());

    int before = cs.wire().size();
    cs.call(new TriggerMessageRequest(MessageTrigger.METER_VALUES, Optional.of(2)));
    time.runPending();
    assertEquals(List.of(new TriggerMessageResponse(TriggerMessageStatus.REJECTED)), cs.wire().subList(before, cs.wire().size()));
  }

  private static void awaitRelease(Web web) {
    try {
      web.release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> unzip(Path archive) throws Exception {
    Map<String, String> entries = new TreeMap<>();
    try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
