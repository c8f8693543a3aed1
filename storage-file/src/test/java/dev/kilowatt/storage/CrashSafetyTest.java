package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.storage.SavingLoop.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafetyTest {

  record Transaction(int id, String idTag, int meterStartWh) {}

  @TempDir
  Path dataDir;

  @Test
  void crashMidWriteLeavesTheOldValueAndTheNextOpenClearsTheLeftover() throws IOException {
    FileStorage.open(dataDir).save("tx/1", new Transaction(1, "TAG", 1_000));
    // What a crash between writing the temporary file and renaming it leaves behind: a torn new value.
    Files.writeString(dataDir.resolve("tx+1.json.tmp"), "{\"id\":1,\"idTag\":\"TAG\",\"meterSt");
    Files.writeString(dataDir.resolve("tx+2.json.tmp"), "{\"id\":2,\"idTag\":\"TAG\",\"meterStartWh\":5}");

    FileStorage reopened = FileStorage.open(dataDir);

    assertEquals(Optional.of(new Transaction(1, "TAG", 1_000)), reopened.load("tx/1", Transaction.class));
    assertEquals(Optional.empty(), reopened.load("tx/2", Transaction.class));
    assertEquals(List.of("tx/1"), reopened.keys(""));
    assertEquals(List.of(dataDir.resolve("tx+1.json")), FileStorageTest.filesIn(dataDir));
    assertEquals(0, reopened.unreadableValues());
  }

  @Test
  void aFailedSaveKeepsTheOldValue() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    storage.save("tx/1", new Transaction(1, "TAG", 1_000));
    // A directory where the temporary file should go makes the write fail, as a full or failing medium would.
    Files.createDirectories(dataDir.resolve("tx+1.json.tmp").resolve("blocker"));

    assertThrows(UncheckedIOException.class, () -> storage.save("tx/1", new Transaction(1, "TAG", 2_000)));

    assertEquals(Optional.of(new Transaction(1, "TAG", 1_000)), storage.load("tx/1", Transaction.class));
    assertEquals(Optional.of(new Transaction(1, "TAG", 1_000)), FileStorage.open(dataDir).load("tx/1", Transaction.class));
  }

  @Test
  void valueSurvivesTheProcessBeingKilledWhileSaving() throws Exception {
    int roundsBeforeKill = 200;
    Process saver = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        SavingLoop.class.getName(), dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    int roundSeen;
    try {
      roundSeen = CompletableFuture.supplyAsync(() -> lastRoundOnceAtLeast(saver, roundsBeforeKill)).get(20, TimeUnit.SECONDS);
    } finally {
      saver.destroyForcibly();
      assertTrue(saver.waitFor(20, TimeUnit.SECONDS), "the saver did not die");
    }
    assertTrue(roundSeen >= roundsBeforeKill, "the saver stopped after round " + roundSeen);

    FileStorage afterCrash = FileStorage.open(dataDir);
    Session survivor = afterCrash.load(SavingLoop.KEY, Session.class).orElseThrow();

    assertTrue(survivor.round() >= roundSeen, "round " + roundSeen + " was saved, yet only " + survivor.round() + " survived");
    assertEquals(SavingLoop.sessionAt(survivor.round()), survivor);
    assertEquals(0, afterCrash.unreadableValues());
    assertFalse(FileStorageTest.filesIn(dataDir).stream().anyMatch(file -> file.toString().endsWith(".tmp")));
  }

  /** Reads the saver's progress until it reports {@code target} rounds, or its output ends. */
  private static int lastRoundOnceAtLeast(Process saver, int target) {
    var progress = new BufferedReader(new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8));
    int round = 0;
    try {
      for (String line = progress.readLine(); line != null && round < target; line = progress.readLine()) {
        round = Integer.parseInt(line.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return round;
  }
}
