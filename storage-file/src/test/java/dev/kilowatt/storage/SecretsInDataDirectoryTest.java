package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.FakeHardware;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AuthorizationKey on a board without a secure element: in the secrets directory, never in configuration.json.
 * The charge point runs as an embedder builds it, on the data directory's storage and secret store.
 */
class SecretsInDataDirectoryTest {

  private static final String KEY = "00112233445566778899aabbccddeeff";
  private static final String SECRET = "configuration/AuthorizationKey";

  @TempDir
  Path dataDir;

  @Test
  void aKeySetOverOcppIsASecretFileAndNotInTheSettings() throws IOException {
    Charger charger = start();
    String call = charger.centralSystem.call(new ChangeConfigurationRequest("AuthorizationKey", KEY));
    charger.time.runPending();
    assertEquals(ConfigurationStatus.ACCEPTED, charger.centralSystem.replyTo(call, ChangeConfigurationResponse.class).status());
    charger.stop();

    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getParent().endsWith(FileSecretStore.DIRECTORY)).toList()) {
        assertFalse(Files.readString(file).contains(KEY), file + " holds the key");
      }
    }
    try (Stream<Path> secrets = Files.list(dataDir.resolve(FileSecretStore.DIRECTORY))) {
      assertEquals(1, secrets.count());
    }
    assertEquals(Optional.of(KEY), start().centralSystem.settings().authorizationKey(),
        "after a restart the charge point connects with the key it was given");
    assertEquals(Optional.of(KEY), FileSecretStore.inDataDirectory(dataDir).read(SECRET)
        .map(s -> new String(s.bytes(), StandardCharsets.UTF_8)));
    assertTrue(FileStorage.open(dataDir).keys("").stream().noneMatch(k -> k.startsWith("secrets")),
        "the storage's values never include the secrets directory");
  }

  @Test
  void aClearKeyInAnOldConfigurationFileIsMovedIntoTheSecretsDirectory() throws IOException {
    // what a version before the secret store wrote: the changed values, the key among them in clear
    Files.writeString(dataDir.resolve("configuration.json"),
        "{\"changed\":{\"AuthorizationKey\":\"" + KEY + "\",\"CpoName\":\"Kilowatt\"}}");

    Charger charger = start();

    assertEquals(Optional.of(KEY), charger.centralSystem.settings().authorizationKey());
    String settings = Files.readString(dataDir.resolve("configuration.json"));
    assertFalse(settings.contains(KEY), settings);
    assertTrue(settings.contains("Kilowatt"), "the other settings stay");
  }

  @Test
  void theKeyIsWrittenByTheStorageWriterNotOnTheLoopAndAnsweredOnceItIsInItsFile() {
    Deque<Runnable> writer = new ArrayDeque<>();
    Charger charger = start(writer::add);
    finish(writer, charger);

    String call = charger.centralSystem.call(new ChangeConfigurationRequest("AuthorizationKey", KEY));
    charger.time.runPending();
    assertEquals(Optional.empty(), charger.centralSystem.replyTo(call), "not answered before the key is in its file");
    assertEquals(Optional.empty(), FileSecretStore.inDataDirectory(dataDir).read(SECRET), "not written on the loop");
    finish(writer, charger);
    assertEquals(ConfigurationStatus.ACCEPTED, charger.centralSystem.replyTo(call, ChangeConfigurationResponse.class).status());
    assertEquals(Optional.of(KEY), FileSecretStore.inDataDirectory(dataDir).read(SECRET).map(s -> new String(s.bytes(), StandardCharsets.UTF_8)));
  }

  /** Runs the writes the charge point handed its writer, and what they lead to on the loop, until none is left. */
  private static void finish(Deque<Runnable> writer, Charger charger) {
    charger.time.runPending();
    while (!writer.isEmpty()) {
      writer.removeFirst().run();
      charger.time.runPending();
    }
  }

  private Charger start() {
    return start(Runnable::run);
  }

  private Charger start(Executor writer) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T10:00:00Z"));
    ScriptedCentralSystem centralSystem = new ScriptedCentralSystem(time::now);
    ChargePoint chargePoint = ChargePoint.builder(time, FileStorage.open(dataDir), centralSystem, reboot -> {})
        .secretStore(FileSecretStore.inDataDirectory(dataDir))
        .storageWriter(writer)
        .connector(ConnectorHardware.singlePhaseFixedCable(new FakeHardware.FakeRelay(), new FakeHardware.FakePilot(),
            new FakeHardware.FakeMeter(), 16))
        .build();
    chargePoint.start();
    time.runPending();
    centralSystem.goOnline();
    time.runPending();
    return new Charger(time, centralSystem, chargePoint);
  }

  private record Charger(VirtualTime time, ScriptedCentralSystem centralSystem, ChargePoint chargePoint) {
    void stop() {
      chargePoint.stop();
      time.runPending();
    }
  }
}
