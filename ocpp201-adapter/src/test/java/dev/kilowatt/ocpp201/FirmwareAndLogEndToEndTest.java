package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.security.CertificateStore;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedFirmwareInstaller;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.transfer.LogDirectoryDiagnostics;
import dev.kilowatt.transfer.NetworkFileTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged core with real file transfers, over OCPP 2.0.1, against ocpp-rpc's server in strict mode and a web
 * server on the loopback interface: a signed firmware update that is downloaded, checked, installed and reported
 * with its requestId until Installed after the reboot (L01), one whose signing certificate no Manufacturer root
 * issued (L01.FR.22), the security and diagnostics logs uploaded with their LogStatusNotifications, and an upload
 * cancelled by the next GetLog (N01).
 */
class FirmwareAndLogEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] FIRMWARE = SimulatedFirmwareInstaller.image("2.0.0", "the new firmware".getBytes(StandardCharsets.UTF_8));

  @TempDir
  Path dir;
  private CentralSystemProcess csms;
  private EventLoop loop;
  private InMemoryStorage storage;
  private HttpServer web;
  /** One thread per exchange: a stalled upload must not hold up the next. */
  private final ExecutorService webThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private SimulatedFirmwareInstaller installer;
  private SimulatedConnector connector;
  private ChargePoint chargePoint;
  private CompletableFuture<Platform.RebootKind> reboot;
  /** An upload to {@code /stall/} has arrived, and waits for {@code release}. */
  private final CountDownLatch stalled = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void boot() throws Exception {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext("/fw/kilowatt-2.0.0.bin", exchange -> {
      try (exchange; OutputStream out = exchange.getResponseBody()) {
        exchange.sendResponseHeaders(200, FIRMWARE.length);
        out.write(FIRMWARE);
      }
    });
    web.createContext("/logs/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        uploads.put(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), in.readAllBytes());
        exchange.sendResponseHeaders(201, -1);
      }
    });
    web.createContext("/stall/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
        stalled.countDown();
        release.await(30, TimeUnit.SECONDS);
        exchange.sendResponseHeaders(503, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    web.setExecutor(webThreads);
    web.start();
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    storage = new InMemoryStorage();
    // the board leaves the factory with its maker's root; over 2.0.1 the CSMS cannot install one yet (block M)
    storage.save(CertificateStore.STORAGE_KEY, new CertificateStore.Roots(List.of(new CertificateStore.Root(
        CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, fixture("manufacturer-root.pem"), "AAEC", false))));
    installer = new SimulatedFirmwareInstaller(dir.resolve("board"));
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("logs/charger.log"), "2026-12-04T02:00:00Z boot\n");
    start();
  }

  /** Starts the charger on the storage and board it has, as after a reboot. */
  private void start() {
    reboot = new CompletableFuture<>();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage),
            reboot::complete)
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7").withFirmwareVersion(installer.installedVersion().orElse("1.0.0")))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .fileTransfer(NetworkFileTransfer.builder(dir.resolve("transfers")).build())
        .firmwareInstaller(installer)
        .diagnosticsCollector(new LogDirectoryDiagnostics(dir.resolve("logs"), dir.resolve("archives")))
        .build();
    chargePoint.start();
  }

  @AfterEach
  void shutDown() throws Exception {
    chargePoint.stop().get(60, TimeUnit.SECONDS);
    connector.close();
    csms.close();
    loop.close();
    release.countDown();
    web.stop(0);
    webThreads.shutdownNow();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = FirmwareAndLogEndToEndTest.class.getResourceAsStream("/firmware-signing/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** An UpdateFirmware of FIRMWARE, signed with core's test-only key, its certificate {@code certificate}. */
  private String update(int requestId, String certificate) throws Exception {
    String key = fixture("firmware-signing-rsa.key").replaceAll("-----[A-Z ]+-----|\\s", "");
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key))));
    signer.update(FIRMWARE);
    ObjectNode update = JSON.createObjectNode().put("requestId", requestId).put("retries", 0);
    update.putObject("firmware").put("location", "http://127.0.0.1:" + web.getAddress().getPort() + "/fw/kilowatt-2.0.0.bin")
        .put("retrieveDateTime", Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString())
        .put("signingCertificate", fixture(certificate))
        .put("signature", Base64.getEncoder().encodeToString(signer.sign()));
    return update.toString();
  }

  private String getLog(String logType, int requestId) {
    return getLog(logType, requestId, "/logs");
  }

  private String getLog(String logType, int requestId, String path) {
    ObjectNode get = JSON.createObjectNode().put("logType", logType).put("requestId", requestId).put("retries", 0);
    get.putObject("log").put("remoteLocation", "http://127.0.0.1:" + web.getAddress().getPort() + path);
    return get.toString();
  }

  private JsonNode result(String tag) throws Exception {
    String line = csms.awaitPrefix("result " + tag + " ");
    return JSON.readTree(line.substring(("result " + tag + " ").length()));
  }

  /**
   * Returns once the central system has heard the line {@code wanted}, before now or from now on: the core's messages
   * of different blocks come in no fixed order.
   */
  private void heard(Predicate<String> wanted) {
    if (csms.reported().stream().noneMatch(wanted)) {
      csms.await(wanted);
    }
  }

  /** The statuses the central system hears of the update, up to and including {@code last}. */
  private List<String> firmwareStatuses(int requestId, String last) {
    List<String> statuses = new ArrayList<>();
    while (statuses.isEmpty() || !statuses.getLast().equals(last)) {
      JsonNode report = csms.received("FirmwareStatusNotification");
      assertEquals(requestId, report.get("requestId").asInt(), report::toString);
      statuses.add(report.get("status").asText());
    }
    return statuses;
  }

  @Test
  void aSignedUpdateIsDownloadedCheckedAndInstalledAndReportedWithItsRequestIdUntilInstalledAfterTheReboot() throws Exception {
    assertEquals("PowerUp", csms.received("BootNotification").get("reason").asText());
    csms.send("call u1 UpdateFirmware " + update(21, "firmware-signing-rsa.pem"));
    assertEquals("{\"status\":\"Accepted\"}", result("u1").toString());

    assertEquals(List.of("Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"),
        firmwareStatuses(21, "InstallRebooting"));
    // L01.FR.07: no new session meets the installation
    heard(line -> line.startsWith("received StatusNotification ") && line.contains("\"Unavailable\""));
    assertEquals(Platform.RebootKind.FIRMWARE, reboot.get(60, TimeUnit.SECONDS));
    chargePoint.stop().get(60, TimeUnit.SECONDS);
    connector.close();
    start();

    JsonNode boot = csms.received("BootNotification");
    assertEquals("2.0.0", boot.at("/chargingStation/firmwareVersion").asText());
    assertEquals("FirmwareUpdate", boot.get("reason").asText(), "B01.FR.09");
    List<String> afterReboot = firmwareStatuses(21, "Installed");
    // a status whose answer the reboot cut off is sent again: a duplicate, never a gap
    assertTrue(afterReboot.subList(0, afterReboot.size() - 1).stream().allMatch("InstallRebooting"::equals),
        afterReboot::toString);
    heard(line -> line.startsWith("received SecurityEventNotification ") && line.contains("\"FirmwareUpdated\"")); // L01.FR.31

    csms.send("call t1 TriggerMessage {\"requestedMessage\":\"FirmwareStatusNotification\"}");
    assertEquals("Accepted", result("t1").get("status").asText());
    assertEquals("{\"status\":\"Idle\"}", csms.received("FirmwareStatusNotification").toString(), "L01.FR.25");
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void anUpdateSignedWithACertificateNoManufacturerRootIssuedIsInvalidCertificateAndASecurityEvent() throws Exception {
    csms.received("BootNotification");
    csms.send("call u1 UpdateFirmware " + update(22, "firmware-signing-foreign.pem"));
    assertEquals("InvalidCertificate", result("u1").get("status").asText());
    csms.await(line -> line.startsWith("received SecurityEventNotification ")
        && line.contains("\"InvalidFirmwareSigningCertificate\""));
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("received FirmwareStatusNotification ")),
        "nothing is downloaded");
    assertFalse(reboot.isDone());
  }

  @Test
  void theSecurityAndDiagnosticsLogsAreUploadedWithTheirRequestIdAndATriggerFindsTheStationIdle() throws Exception {
    csms.await(line -> line.startsWith("received SecurityEventNotification ") && line.contains("\"StartupOfTheDevice\""));
    csms.send("call l1 GetLog " + getLog("SecurityLog", 8));
    JsonNode accepted = result("l1");
    assertEquals("Accepted", accepted.get("status").asText());
    String securityLog = accepted.get("filename").asText();
    assertEquals("{\"status\":\"Uploading\",\"requestId\":8}", csms.received("LogStatusNotification").toString());
    assertEquals("{\"status\":\"Uploaded\",\"requestId\":8}", csms.received("LogStatusNotification").toString());
    String uploaded = new String(uploads.get("PUT /logs/" + securityLog), StandardCharsets.UTF_8);
    assertTrue(uploaded.contains("StartupOfTheDevice"), uploaded);

    csms.send("call l2 GetLog " + getLog("DiagnosticsLog", 9));
    String diagnostics = result("l2").get("filename").asText();
    assertEquals("{\"status\":\"Uploading\",\"requestId\":9}", csms.received("LogStatusNotification").toString());
    assertEquals("{\"status\":\"Uploaded\",\"requestId\":9}", csms.received("LogStatusNotification").toString());
    assertTrue(uploads.containsKey("PUT /logs/" + diagnostics), uploads.keySet()::toString);

    csms.send("call t1 TriggerMessage {\"requestedMessage\":\"LogStatusNotification\"}");
    assertEquals("Accepted", result("t1").get("status").asText());
    assertEquals("{\"status\":\"Idle\"}", csms.received("LogStatusNotification").toString(), "N01.FR.13");
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void aGetLogDuringAnUploadCancelsItAndTheCentralSystemHearsSoBeforeTheNewUploadsStatuses() throws Exception {
    csms.await(line -> line.startsWith("received SecurityEventNotification ") && line.contains("\"StartupOfTheDevice\""));
    csms.send("call l1 GetLog " + getLog("SecurityLog", 8, "/stall"));
    assertEquals("Accepted", result("l1").get("status").asText());
    assertEquals("{\"status\":\"Uploading\",\"requestId\":8}", csms.received("LogStatusNotification").toString());
    assertTrue(stalled.await(60, TimeUnit.SECONDS), "the first upload reached the server");

    csms.send("call l2 GetLog " + getLog("SecurityLog", 9));
    assertEquals("AcceptedCanceled", result("l2").get("status").asText(), "N01.FR.12");
    assertEquals("{\"status\":\"AcceptedCanceled\",\"requestId\":8}", csms.received("LogStatusNotification").toString(),
        "N01.FR.20");
    assertEquals("{\"status\":\"Uploading\",\"requestId\":9}", csms.received("LogStatusNotification").toString());
    assertEquals("{\"status\":\"Uploaded\",\"requestId\":9}", csms.received("LogStatusNotification").toString());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
