package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ledger.StorageJournal;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.time.VirtualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileStorageTest {

  record Setting(String name, int value) {}

  record Note(String text) {}

  @TempDir
  Path dataDir;

  @Test
  void savedValueSurvivesReopeningUntilReplacedOrDeleted() {
    FileStorage storage = FileStorage.open(dataDir);
    assertEquals(Optional.empty(), storage.load("config", Setting.class));

    storage.save("config", new Setting("HeartbeatInterval", 300));
    assertEquals(Optional.of(new Setting("HeartbeatInterval", 300)), FileStorage.open(dataDir).load("config", Setting.class));

    storage.save("config", new Setting("HeartbeatInterval", 60));
    assertEquals(Optional.of(new Setting("HeartbeatInterval", 60)), FileStorage.open(dataDir).load("config", Setting.class));

    storage.delete("config");
    storage.delete("config");
    assertEquals(Optional.empty(), FileStorage.open(dataDir).load("config", Setting.class));
  }

  @Test
  void opensADirectoryThatDoesNotExistYet() {
    FileStorage storage = FileStorage.open(dataDir.resolve("var/lib/kilowatt"));

    storage.save("config", new Note("first boot"));

    assertEquals(Optional.of(new Note("first boot")), storage.load("config", Note.class));
  }

  @Test
  void eachKeyIsOneJsonFileInTheDataDirectory() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);

    storage.save("outbox/00000000000000000042", new Note("queued"));
    storage.save("config", new Setting("MeterValueSampleInterval", 60));

    assertEquals(List.of(dataDir.resolve("config.json"), dataDir.resolve("outbox+00000000000000000042.json")), filesIn(dataDir));
    assertEquals("{\"name\":\"MeterValueSampleInterval\",\"value\":60}", Files.readString(dataDir.resolve("config.json")));
  }

  @Test
  void keysWithPrefixComeInAscendingOrder() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    storage.save("outbox/00000000000000000010", new Note("b"));
    storage.save("tx/1", new Note("t"));
    storage.save("outbox/00000000000000000002", new Note("a"));
    storage.save("outbox", new Note("o"));
    storage.save("outbox-old", new Note("x"));
    Files.writeString(dataDir.resolve("outbox+00000000000000000003.json.corrupt"), "{");
    Files.writeString(dataDir.resolve("outbox+00000000000000000004.json.tmp"), "{");
    Files.writeString(dataDir.resolve("README.txt"), "not a value");
    Files.createDirectory(dataDir.resolve("outbox+5.json"));

    assertEquals(List.of("outbox/00000000000000000002", "outbox/00000000000000000010"), storage.keys("outbox/"));
    assertEquals(List.of("outbox", "outbox-old", "outbox/00000000000000000002", "outbox/00000000000000000010", "tx/1"),
        storage.keys(""));
    assertEquals(List.of("tx/1"), storage.keys("tx/"));
    assertEquals(List.of(), storage.keys("reservation/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "../config", "outbox/../../etc/passwd", "/etc/passwd", "tx\\1", "tx 1", "tx+1", "tx:1",
      "caf\u00e9", "tx/1\n"})
  void unsafeKeysAreRefused(String key) {
    FileStorage storage = FileStorage.open(dataDir);

    assertThrows(IllegalArgumentException.class, () -> storage.save(key, new Note("x")));
    assertThrows(IllegalArgumentException.class, () -> storage.load(key, Note.class));
    assertThrows(IllegalArgumentException.class, () -> storage.delete(key));
    assertEquals(List.of(), filesIn(dataDir));
  }

  @Test
  void overlongKeysAreRefused() {
    FileStorage storage = FileStorage.open(dataDir);

    storage.save("k".repeat(200), new Note("fits"));
    assertThrows(IllegalArgumentException.class, () -> storage.save("k".repeat(201), new Note("too long")));
  }

  @Test
  void aValueThatCannotBeWrittenAsJsonIsRefusedAndLeavesNothingBehind() {
    record Opaque(Object handle) {}
    FileStorage storage = FileStorage.open(dataDir);

    assertThrows(IllegalArgumentException.class, () -> storage.save("config", new Opaque(new Object())));

    assertEquals(List.of(), filesIn(dataDir));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\":\"HeartbeatInterval\",\"val",
      "",
      "null",
      "[]",
      "{\"name\":\"HeartbeatInterval\"}",
      "{\"name\":\"HeartbeatInterval\",\"value\":\"many\"}",
      "{\"name\":\"HeartbeatInterval\",\"value\":300,\"unit\":\"s\"}",
      "{\"name\":\"HeartbeatInterval\",\"value\":300}{\"name\":",
      "{\"text\":\"a note, not a setting\"}"})
  void unreadableValueIsAbsentCountedAndMovedAside(String content) throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    Files.writeString(dataDir.resolve("config.json"), content);

    assertEquals(Optional.empty(), storage.load("config", Setting.class));

    assertEquals(1, storage.unreadableValues());
    assertEquals(List.of(dataDir.resolve("config.json.corrupt")), filesIn(dataDir));
    assertEquals(content, Files.readString(dataDir.resolve("config.json.corrupt")));
    assertEquals(Optional.empty(), storage.load("config", Setting.class));
    assertEquals(1, storage.unreadableValues());
    assertEquals(List.of(), storage.keys(""));
  }

  @Test
  void garbageBytesAreAnUnreadableValue() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(dataDir.resolve("config.json"), garbage);

    assertEquals(Optional.empty(), storage.load("config", Setting.class));
    assertEquals(1, storage.unreadableValues());
  }

  @Test
  void aNewSaveAfterAnUnreadableValueStartsFresh() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    Files.writeString(dataDir.resolve("config.json"), "{\"name\":", StandardCharsets.UTF_8);
    storage.load("config", Setting.class);
    Files.writeString(dataDir.resolve("config.json"), "{\"other\":", StandardCharsets.UTF_8);
    storage.load("config", Setting.class);

    storage.save("config", new Setting("HeartbeatInterval", 300));

    assertEquals(Optional.of(new Setting("HeartbeatInterval", 300)), storage.load("config", Setting.class));
    assertEquals(2, storage.unreadableValues());
    assertEquals("{\"other\":", Files.readString(dataDir.resolve("config.json.corrupt")));
  }

  @Test
  void concurrentSavesFromSeveralThreadsAllLand() throws Exception {
    FileStorage storage = FileStorage.open(dataDir);
    List<Future<?>> writers = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      for (int thread = 0; thread < 4; thread++) {
        int writer = thread;
        writers.add(threads.submit(() -> {
          for (int i = 0; i < 25; i++) {
            storage.save("w" + writer + "/" + i, new Setting("w" + writer, i));
            storage.save("shared", new Setting("w" + writer, i));
          }
        }));
      }
      for (Future<?> done : writers) {
        done.get();
      }
    }

    assertEquals(100, storage.keys("w").size());
    assertEquals(Optional.of(new Setting("w3", 24)), storage.load("w3/24", Setting.class));
    assertTrue(storage.load("shared", Setting.class).isPresent());
    assertFalse(filesIn(dataDir).stream().anyMatch(file -> file.toString().endsWith(".tmp")));
  }

  static List<Path> filesIn(Path dir) {
    try (var files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aLedgerRecordTheStoreCannotReadIsMovedAsideReportedOnceAndTheRecordsAfterItCount() throws IOException {
    VirtualTime loop = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    StorageJournal journal = new StorageJournal(FileStorage.open(dataDir), Runnable::run, loop);
    journal.append("a", new Setting("a", 1), outcome -> {});
    journal.append("b", new Setting("b", 2), outcome -> {});
    journal.append("c", new Setting("c", 3), outcome -> {});
    Path second = dataDir.resolve("journal+00000000000000000002.json");
    Files.writeString(second, "{\"sequence\":2,\"key\":\"b\",\"payload\":{not json");

    StorageJournal reopened = new StorageJournal(FileStorage.open(dataDir), Runnable::run, loop);
    assertEquals(List.of("a", "c"), reopened.replay().stream().map(Journal.Entry::key).toList());
    assertEquals(List.of("journal/00000000000000000002"), reopened.unreadable().stream().map(Journal.Unreadable::where).toList());
    assertTrue(Files.exists(dataDir.resolve("journal+00000000000000000002.json.corrupt")), "kept aside by the store");

    StorageJournal third = new StorageJournal(FileStorage.open(dataDir), Runnable::run, loop);
    assertEquals(List.of("a", "c"), third.replay().stream().map(Journal.Entry::key).toList());
    assertEquals(List.of(), third.unreadable(), "reported by the start that found it");
  }
}
