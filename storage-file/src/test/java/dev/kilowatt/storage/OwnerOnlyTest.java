package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kilowatt.core.port.Journal.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the charger stores is readable by another account on the board. */
class OwnerOnlyTest {

  record Setting(String name, String value) {}

  @TempDir
  Path root;

  @BeforeEach
  void onPosixOnly() {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void fileStorageCreatesItsDirectoryAndValuesOwnerOnly() throws IOException {
    Path dataDir = root.resolve("data");
    FileStorage.open(dataDir).save("configuration", new Setting("AuthorizationKey", "set"));

    assertEquals("rwx------", permissions(dataDir));
    assertEquals("rw-------", permissions(dataDir.resolve("configuration.json")));
  }

  @Test
  void fileStorageRestrictsWhatAnOlderVersionLeftReadable() throws IOException {
    Path dataDir = Files.createDirectory(root.resolve("data"));
    Path configuration = Files.writeString(dataDir.resolve("configuration.json"), "{}");
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(configuration, PosixFilePermissions.fromString("rw-r--r--"));

    FileStorage.open(dataDir);

    assertEquals("rwx------", permissions(dataDir));
    assertEquals("rw-------", permissions(configuration));
  }

  @Test
  void journalSegmentsAreOwnerOnly() throws IOException {
    Path journalDir = root.resolve("journal");
    LoopTasks loop = new LoopTasks();
    List<Outcome> outcomes = new ArrayList<>();
    FileJournal journal = FileJournal.open(journalDir, loop);
    journal.append("tx/1/start", new Setting("idTag", "TAG"), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 1);
    journal.close();

    assertEquals("rwx------", permissions(journalDir));
    try (Stream<Path> files = Files.list(journalDir)) {
      assertEquals(List.of("rw-------"), files.map(OwnerOnlyTest::permissions).toList());
    }
  }

  private static String permissions(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
