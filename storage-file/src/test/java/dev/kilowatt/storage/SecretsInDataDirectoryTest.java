package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.configuration.ConfigKey;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.ConfigurationStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AuthorizationKey on a board without a secure element: in the secrets directory, never in configuration.json. */
class SecretsInDataDirectoryTest {

  private static final String KEY = "00112233445566778899aabbccddeeff";
  private static final ConfigKey AUTHORIZATION_KEY =
      new ConfigKey("AuthorizationKey", ConfigKey.Access.WRITE_ONLY, new ConfigKey.Text(40), "", false);

  @TempDir
  Path dataDir;

  @Test
  void aKeySetOverOcppIsASecretFileAndNotInTheSettings() throws IOException {
    Configuration config = configuration();
    config.change("AuthorizationKey", KEY, status -> assertEquals(ConfigurationStatus.ACCEPTED, status));

    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getParent().endsWith(FileSecretStore.DIRECTORY)).toList()) {
        assertFalse(Files.readString(file).contains(KEY), file + " holds the key");
      }
    }
    try (Stream<Path> secrets = Files.list(dataDir.resolve(FileSecretStore.DIRECTORY))) {
      assertEquals(1, secrets.count());
    }
    assertEquals(KEY, configuration().text("AuthorizationKey"), "read back after a restart");
    assertEquals(Optional.of(KEY), FileSecretStore.inDataDirectory(dataDir).read("configuration/AuthorizationKey")
        .map(s -> new String(s.bytes(), StandardCharsets.UTF_8)));
    assertTrue(FileStorage.open(dataDir).keys("").stream().noneMatch(k -> k.startsWith("secrets")),
        "the storage's values never include the secrets directory");
  }

  @Test
  void aClearKeyInAnOldConfigurationFileIsMovedIntoTheSecretsDirectory() throws IOException {
    FileStorage.open(dataDir).save("configuration", new Configuration.Values(Map.of("AuthorizationKey", KEY, "CpoName", "Kilowatt")));
    Configuration config = configuration();

    assertEquals(KEY, config.text("AuthorizationKey"));
    String settings = Files.readString(dataDir.resolve("configuration.json"));
    assertFalse(settings.contains(KEY), settings);
    assertTrue(settings.contains("Kilowatt"), "the other settings stay");
  }

  private Configuration configuration() {
    Configuration config = new Configuration(FileStorage.open(dataDir), FileSecretStore.inDataDirectory(dataDir), Map.of());
    config.define(AUTHORIZATION_KEY);
    return config;
  }
}
