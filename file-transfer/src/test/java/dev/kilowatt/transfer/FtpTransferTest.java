package dev.kilowatt.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads and uploads over FTP against Apache FtpServer on the loopback interface. */
class FtpTransferTest {

  /** Binary content with line ends in it: an ASCII-mode transfer would alter it. */
  private static final byte[] IMAGE = imageWithLineEnds();

  @TempDir
  Path dir;
  private TestFtpServer ftp;

  @BeforeEach
  void startServer() throws Exception {
    ftp = new TestFtpServer(dir.resolve("server"));
    Files.createDirectories(ftp.root.resolve("fw"));
    Files.write(ftp.root.resolve("fw/image.bin"), IMAGE);
    Files.createDirectories(ftp.root.resolve("uploads"));
  }

  @AfterEach
  void stopServer() {
    ftp.close();
  }

  private static byte[] imageWithLineEnds() {
    byte[] data = HttpTransferTest.bytes(400_000, 5);
    for (int i = 0; i < data.length; i += 1_000) {
      data[i] = '\r';
      data[i + 1] = '\n';
    }
    return data;
  }

  private NetworkFileTransfer transfer() {
    return NetworkFileTransfer.builder(dir.resolve("transfers")).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
  }

  private List<String> filesLeft() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("transfers"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void downloadsInBinaryModeWithTheAnnouncedSize() throws Exception {
    Outcome outcome = Outcome.download(transfer(), ftp.uri("kw:secret", "/fw/image.bin"), 1_000_000);
    assertArrayEquals(IMAGE, Files.readAllBytes(outcome.file()));
    assertTrue(outcome.progress.size() <= 10, "at most a report per tenth: " + outcome.progress);
    assertEquals((long) IMAGE.length, outcome.progress.get(outcome.progress.size() - 1));
    assertTrue(outcome.totals.stream().allMatch(t -> t.equals(OptionalLong.of(IMAGE.length))), "SIZE gives the total");
  }

  @Test
  void withoutAUserPartTheLoginIsAnonymous() throws Exception {
    Outcome outcome = Outcome.download(transfer(), ftp.uri("", "/fw/image.bin"), 1_000_000);
    assertArrayEquals(IMAGE, Files.readAllBytes(outcome.file()));
  }

  @Test
  void aMissingFileAWrongPasswordAndAnOversizedImageFail() throws Exception {
    Outcome missing = Outcome.download(transfer(), ftp.uri("kw:secret", "/fw/does_not_exist_image.bin"), 1_000_000);
    assertTrue(missing.failure().startsWith("FTP 550"), missing.failure());

    Outcome wrongPassword = Outcome.download(transfer(), ftp.uri("kw:guess", "/fw/image.bin"), 1_000_000);
    assertTrue(wrongPassword.failure().startsWith("FTP login refused: 530"), wrongPassword.failure());

    Outcome tooBig = Outcome.download(transfer(), ftp.uri("kw:secret", "/fw/image.bin"), 1_000);
    assertEquals("the file has " + IMAGE.length + " bytes, more than the limit of 1000", tooBig.failure());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void uploadsStoreTheFileInTheLocationDirectory() throws Exception {
    Path archive = Files.write(dir.resolve("diagnostics-20250601T120000Z.zip"), IMAGE);
    Outcome outcome = Outcome.upload(transfer(), archive, ftp.uri("kw:secret", "/uploads"));
    assertEquals(archive, outcome.file());
    assertArrayEquals(IMAGE, Files.readAllBytes(ftp.root.resolve("uploads/diagnostics-20250601T120000Z.zip")));
  }

  @Test
  void anUploadWithoutWritePermissionOrDirectoryFails() throws Exception {
    Path archive = Files.write(dir.resolve("diagnostics.zip"), new byte[100]);
    Outcome readOnly = Outcome.upload(transfer(), archive, ftp.uri("", "/uploads"));
    assertTrue(readOnly.failure().startsWith("FTP 550"), readOnly.failure());
    Outcome noDirectory = Outcome.upload(transfer(), archive, ftp.uri("kw:secret", "/nowhere"));
    assertTrue(noDirectory.failure().startsWith("FTP 55"), noDirectory.failure());
    assertFalse(Files.exists(ftp.root.resolve("uploads/diagnostics.zip")));
  }
}
