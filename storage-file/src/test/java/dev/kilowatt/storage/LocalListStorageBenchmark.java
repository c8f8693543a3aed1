package dev.kilowatt.storage;

import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.IdTagInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the file storage costs for a Local Authorization List of 50,000 entries: the domain saves the whole
 * list as one value on every accepted SendLocalList and reads it once at boot. The record has the shape of
 * the domain's own (version and entries).
 *
 * <p>Run after {@code mvn -o -pl core,storage-file test-compile} with
 * {@code java -cp storage-file/target/classes:storage-file/target/test-classes:core/target/classes:<jackson jars>
 * dev.kilowatt.storage.LocalListStorageBenchmark [directory]}, the Jackson jars (databind, core, annotations,
 * datatype-jsr310, datatype-jdk8) in the parent pom's version. Without a directory it measures in a
 * temporary one and removes it; give one on the board's flash to measure the real medium.
 */
final class LocalListStorageBenchmark {

  record Saved(int version, List<AuthorizationData> entries) {}

  private static final int ENTRIES = 50_000;
  private static final int ROUNDS = 7;

  private LocalListStorageBenchmark() {}

  public static void main(String[] args) throws IOException {
    boolean temporary = args.length == 0;
    Path directory = temporary ? Files.createTempDirectory("kilowatt-bench") : Path.of(args[0]);
    FileStorage storage = FileStorage.open(directory);
    Saved list = new Saved(1, cards(new SplittableRandom(16)));
    double[] save = new double[ROUNDS];
    double[] load = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      storage.save("local-auth-list", list);
      save[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      Saved back = storage.load("local-auth-list", Saved.class).orElseThrow();
      load[round] = (System.nanoTime() - start) / 1e6;
      if (!back.equals(list)) {
        throw new AssertionError("the list did not come back unchanged");
      }
    }
    long bytes = Files.size(directory.resolve("local-auth-list.json"));
    System.out.printf("Local Authorization List in FileStorage, %,d entries, %,d bytes of JSON, in %s%n", ENTRIES, bytes, directory);
    report("save (JSON, write, fsync, rename)", save);
    report("load (read, parse)", load);
    storage.delete("local-auth-list");
    if (temporary) {
      Files.delete(directory);
    }
  }

  private static List<AuthorizationData> cards(SplittableRandom random) {
    List<AuthorizationData> cards = new ArrayList<>(ENTRIES);
    HexFormat hex = HexFormat.of().withUpperCase();
    for (int i = 0; i < ENTRIES; i++) {
      byte[] uid = new byte[7];
      random.nextBytes(uid);
      boolean fleet = random.nextInt(10) == 0;
      IdTagInfo info = new IdTagInfo(random.nextInt(20) == 0 ? AuthorizationStatus.BLOCKED : AuthorizationStatus.ACCEPTED,
          fleet ? Optional.of(Instant.parse("2030-01-01T00:00:00Z")) : Optional.empty(),
          fleet ? Optional.of("FLEET" + random.nextInt(100)) : Optional.empty());
      cards.add(new AuthorizationData(hex.formatHex(uid), Optional.of(info)));
    }
    return cards;
  }

  private static void report(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("  %-36s first %8.1f ms, median %8.1f ms, best %8.1f ms%n", what, millis[0], sorted[sorted.length / 2], sorted[0]);
  }
}
