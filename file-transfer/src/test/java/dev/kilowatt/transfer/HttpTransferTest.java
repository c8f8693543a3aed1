package dev.kilowatt.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.transfer.TestServers.Certificate;
import dev.kilowatt.transfer.TestServers.Received;
import dev.kilowatt.transfer.TestServers.Web;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads and uploads over HTTP and HTTPS against the JDK's server on the loopback interface. */
class HttpTransferTest {

  private static final byte[] IMAGE = bytes(1_000_000, 1);
  private static Certificate certificate;

  @TempDir
  static Path keys;
  @TempDir
  Path dir;
  private Web web;

  @BeforeAll
  static void makeCertificate() throws Exception {
    certificate = Certificate.create(keys);
  }

  @AfterEach
  void stopServer() {
    if (web != null) {
      web.close();
    }
  }

  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  private NetworkFileTransfer transfer() {
    return NetworkFileTransfer.builder(dir.resolve("transfers")).sslContext(certificate.client())
        .timeouts(Duration.ofSeconds(5), Duration.ofMillis(500)).build();
  }

  private List<String> filesLeft() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("transfers"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theClientAndItsTlsContextAreMadeAtTheFirstTransferNotBefore() throws Exception {
    web = Web.http().serve("/fw/a.bin", IMAGE, true).serve("/fw/b.bin", IMAGE, true);
    AtomicInteger contexts = new AtomicInteger();
    HttpTransport http = new HttpTransport(() -> {
      contexts.incrementAndGet();
      return certificate.client();
    }, Duration.ofSeconds(5), Duration.ofMillis(500));
    assertEquals(0, contexts.get(), "nothing of TLS or the HTTP client at start-up");

    http.download(web.uri("/fw/a.bin"), dir, 2_000_000, new Outcome());
    Path second = http.download(web.uri("/fw/b.bin"), dir, 2_000_000, new Outcome());

    assertEquals(1, contexts.get(), "one client for every transfer after the first");
    assertArrayEquals(IMAGE, Files.readAllBytes(second));
  }

  @Test
  void downloadsTheImageCompleteReportingEachTenth() throws Exception {
    web = Web.http().serve("/fw/image-2.0.bin", IMAGE, true);
    Outcome outcome = Outcome.download(transfer(), web.uri("/fw/image-2.0.bin"), 2_000_000);

    Path file = outcome.file();
    assertEquals(dir.resolve("transfers").resolve("image-2.0.bin"), file);
    assertArrayEquals(IMAGE, Files.readAllBytes(file));
    assertEquals(List.of("image-2.0.bin"), filesLeft(), "no temporary file stays behind");
    assertEquals(10, outcome.progress.size(), "a report per tenth: " + outcome.progress);
    assertEquals((long) IMAGE.length, outcome.progress.get(9));
    assertTrue(outcome.totals.stream().allMatch(t -> t.equals(OptionalLong.of(IMAGE.length))));
  }

  @Test
  void aChunkedDownloadOfUnknownSizeReportsEachMebibyte() throws Exception {
    byte[] image = bytes(2_500_000, 2);
    web = Web.http().serve("/image.bin", image, false);
    Outcome outcome = Outcome.download(transfer(), web.uri("/image.bin"), 3_000_000);
    assertArrayEquals(image, Files.readAllBytes(outcome.file()));
    assertEquals(List.of(1L << 20, 2L << 20), outcome.progress);
    assertTrue(outcome.totals.stream().allMatch(OptionalLong::isEmpty));
  }

  @Test
  void notFoundAndServerErrorsFailWithTheStatus() throws Exception {
    web = Web.http().status("/gone.bin", 404).status("/broken.bin", 500);
    Outcome missing = Outcome.download(transfer(), web.uri("/gone.bin"), 1_000);
    assertEquals("HTTP 404", missing.failure());
    Outcome broken = Outcome.download(transfer(), web.uri("/broken.bin"), 1_000);
    assertEquals("HTTP 500", broken.failure());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void aConnectionDroppedHalfwayLeavesNoFile() throws Exception {
    web = Web.http().dropHalfway("/image.bin", IMAGE);
    Outcome outcome = Outcome.download(transfer(), web.uri("/image.bin"), 2_000_000);
    String reason = outcome.failure();
    assertTrue(reason.matches("connection lost after \\d+ bytes: .+"), reason);
    assertTrue(Long.parseLong(reason.split(" ")[3]) <= IMAGE.length / 2, reason);
    assertEquals(List.of(), filesLeft(), "a half-written file never counts");
  }

  @Test
  void aServerThatStopsSendingIsBrokenOffAfterTheStallTimeout() throws Exception {
    web = Web.http().stallHalfway("/image.bin", IMAGE);
    Outcome outcome = Outcome.download(transfer(), web.uri("/image.bin"), 2_000_000);
    String reason = outcome.failure();
    assertTrue(reason.startsWith("no data for too long"), reason);
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void imagesOverTheLimitAreRefusedAnnouncedOrNot() throws Exception {
    web = Web.http().serve("/announced.bin", IMAGE, true).serve("/chunked.bin", IMAGE, false);
    Outcome announced = Outcome.download(transfer(), web.uri("/announced.bin"), 999_999);
    assertEquals("the file has 1000000 bytes, more than the limit of 999999", announced.failure());
    Outcome chunked = Outcome.download(transfer(), web.uri("/chunked.bin"), 999_999);
    assertEquals("the file is larger than the limit of 999999 bytes", chunked.failure());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void aCorruptImageIsDeliveredAsItIsForTheInstallerToJudge() throws Exception {
    byte[] corrupt = "<html><body>maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
    web = Web.http().serve("/image.bin", corrupt, true);
    Outcome outcome = Outcome.download(transfer(), web.uri("/image.bin"), 1_000);
    assertArrayEquals(corrupt, Files.readAllBytes(outcome.file()));
  }

  @Test
  void httpsWorksWithATrustedCertificateOnly() throws Exception {
    web = Web.https(certificate.server()).serve("/image.bin", IMAGE, true);
    Outcome trusted = Outcome.download(transfer(), web.uri("/image.bin"), 2_000_000);
    assertArrayEquals(IMAGE, Files.readAllBytes(trusted.file()));

    Outcome untrusted = Outcome.download(NetworkFileTransfer.builder(dir.resolve("other")).build(), web.uri("/image.bin"), 2_000_000);
    assertTrue(untrusted.failure().startsWith("SSLHandshakeException"), "the default trust store does not know a self-signed certificate");
  }

  @Test
  void uploadsPutTheFileUnderTheLocationWithBasicAuthentication() throws Exception {
    web = Web.https(certificate.server()).acceptUploads("/diagnostics", 201);
    Path archive = Files.write(dir.resolve("diagnostics-20250601T120000Z.zip"), bytes(300_000, 3));
    URI location = URI.create(web.uri("/diagnostics").toString().replace("https://", "https://cp1:p%40ss@"));
    Outcome outcome = Outcome.upload(transfer(), archive, location);
    assertEquals(archive, outcome.file());

    Received put = web.received.get("/diagnostics/diagnostics-20250601T120000Z.zip");
    assertEquals("PUT", put.method());
    assertArrayEquals(Files.readAllBytes(archive), put.body());
    assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString("cp1:p@ss".getBytes(StandardCharsets.UTF_8))), put.authorization());

    Outcome slash = Outcome.upload(transfer(), archive, web.uri("/diagnostics/site-7/"));
    slash.file();
    assertTrue(web.received.containsKey("/diagnostics/site-7/diagnostics-20250601T120000Z.zip"));
  }

  @Test
  void aRefusedUploadFailsWithTheStatus() throws Exception {
    web = Web.http().acceptUploads("/diagnostics", 500);
    Path archive = Files.write(dir.resolve("diagnostics.zip"), bytes(1_000, 4));
    Outcome outcome = Outcome.upload(transfer(), archive, web.uri("/diagnostics"));
    assertEquals("HTTP 500", outcome.failure());
  }

  @Test
  void unreachableServersAndUnknownProtocolsFail() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Outcome refused = Outcome.download(transfer(), URI.create("http://127.0.0.1:" + closedPort + "/image.bin"), 1_000);
    assertTrue(refused.failure().startsWith("ConnectException"), refused.failure());

    Outcome unknown = Outcome.download(transfer(), URI.create("sftp://127.0.0.1/image.bin"), 1_000);
    assertEquals("unsupported protocol: sftp", unknown.failure());
  }

  @Test
  void temporaryFilesOfAnInterruptedDownloadAreRemovedAtStart() throws Exception {
    Path directory = Files.createDirectories(dir.resolve("transfers"));
    Files.write(directory.resolve(".download-123.part"), new byte[10]);
    Files.write(directory.resolve("image.bin"), new byte[10]);
    transfer();
    assertEquals(List.of("image.bin"), filesLeft());
  }
}
