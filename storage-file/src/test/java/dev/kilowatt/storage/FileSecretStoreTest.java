package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kilowatt.core.port.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {

  private static final Secret KEY = Secret.of("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII));

  @TempDir
  Path root;

  @Test
  void aSecretSurvivesReopeningUntilReplacedOrErased() {
    Path dir = root.resolve("secrets");
    FileSecretStore.open(dir).write("AuthorizationKey", KEY);
    assertEquals(Optional.of(KEY), FileSecretStore.open(dir).read("AuthorizationKey"));

    Secret next = Secret.of(new byte[] {1, 2, 3});
    FileSecretStore.open(dir).write("AuthorizationKey", next);
    assertArrayEquals(new byte[] {1, 2, 3}, FileSecretStore.open(dir).read("AuthorizationKey").orElseThrow().bytes());

    FileSecretStore store = FileSecretStore.open(dir);
    store.erase("AuthorizationKey");
    store.erase("AuthorizationKey");
    assertEquals(Optional.empty(), FileSecretStore.open(dir).read("AuthorizationKey"));
  }

  @Test
  void secretsAreOwnerOnlyAndNoTemporaryIsLeft() throws IOException {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path dir = root.resolve("secrets");
    FileSecretStore.open(dir).write("keys/charge-point", KEY);

    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    try (Stream<Path> files = Files.list(dir)) {
      Path file = files.toList().getFirst();
      assertEquals("keys+charge-point.secret", file.getFileName().toString());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }

  @Test
  void anEmptyOrMissingFileIsNoSecretAndBadNamesAreRefused() throws IOException {
    Path dir = root.resolve("secrets");
    FileSecretStore store = FileSecretStore.open(dir);
    Files.write(dir.resolve("empty.secret"), new byte[0]);

    assertEquals(Optional.empty(), store.read("empty"));
    assertEquals(Optional.empty(), store.read("missing"));
    assertThrows(IllegalArgumentException.class, () -> store.write("../escape", KEY));
  }
}
