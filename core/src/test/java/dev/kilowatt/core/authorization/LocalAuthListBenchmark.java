package dev.kilowatt.core.authorization;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.message.UpdateType;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How the Local Authorization List copes with 50,000 entries: a full update, a differential update on the
 * full list, building the list again after a reboot, and lookups. Storage here is in memory, so the
 * figures are the domain's own cost; {@code LocalListStorageBenchmark} in storage-file measures the file.
 *
 * <p>Run after {@code mvn -o -pl core test-compile}:
 * {@code java -cp core/target/classes:core/target/test-classes dev.kilowatt.core.authorization.LocalAuthListBenchmark}
 */
final class LocalAuthListBenchmark {

  static final int ENTRIES = 50_000;
  private static final int ROUNDS = 7;
  private static final int LOOKUPS = 1_000_000;

  private LocalAuthListBenchmark() {}

  public static void main(String[] args) {
    List<AuthorizationData> entries = cards(ENTRIES, new SplittableRandom(16));
    String[] probes = probes(entries, new SplittableRandom(6));
    Map<String, String> settings = Map.of(LocalAuthList.MAX_LENGTH, Integer.toString(ENTRIES),
        LocalAuthList.SEND_MAX_LENGTH, Integer.toString(ENTRIES));
    List<AuthorizationData> changes = new ArrayList<>();
    IdTagInfo blocked = new IdTagInfo(AuthorizationStatus.BLOCKED, Optional.empty(), Optional.empty());
    entries.subList(0, 50).forEach(e -> changes.add(new AuthorizationData(e.idTag(), Optional.of(blocked))));
    entries.subList(50, 100).forEach(e -> changes.add(new AuthorizationData(e.idTag(), Optional.empty())));

    double[] full = new double[ROUNDS];
    double[] differential = new double[ROUNDS];
    double[] reload = new double[ROUNDS];
    double[] lookup = new double[ROUNDS];
    int found = 0;
    for (int round = 0; round < ROUNDS; round++) {
      InMemoryStorage storage = new InMemoryStorage();
      LocalAuthList list = new LocalAuthList(new Configuration(storage, settings), storage, new Counters());
      full[round] = millis(() -> AnsweredAtOnce.update(list, new SendLocalListRequest(1, entries, UpdateType.FULL)), UpdateStatus.ACCEPTED);
      differential[round] = millis(() -> AnsweredAtOnce.update(list, new SendLocalListRequest(2, changes, UpdateType.DIFFERENTIAL)), UpdateStatus.ACCEPTED);
      long start = System.nanoTime();
      LocalAuthList reloaded = new LocalAuthList(new Configuration(storage, settings), storage, new Counters());
      reload[round] = (System.nanoTime() - start) / 1e6;
      if (reloaded.size() != ENTRIES - 50) {
        throw new AssertionError("reloaded " + reloaded.size());
      }
      start = System.nanoTime();
      found = 0;
      for (int i = 0; i < LOOKUPS; i++) {
        if (reloaded.find(probes[i % probes.length]).isPresent()) {
          found++;
        }
      }
      lookup[round] = (System.nanoTime() - start) / (double) LOOKUPS;
    }
    System.out.printf("Local Authorization List, %,d entries, %d rounds (first round includes JIT warm-up)%n", ENTRIES, ROUNDS);
    report("full update (SendLocalList Full)", full, "ms");
    report("differential: 50 changed, 50 removed", differential, "ms");
    report("building the list after a reboot", reload, "ms");
    report("lookup (half hits, half misses)", lookup, "ns");
    System.out.printf("  lookups found %,d of %,d%n", found, LOOKUPS);
    System.out.printf("  heap held by the list: about %.1f MB%n", heldMegabytes(settings));
  }

  /** Cards as a fleet has them: 7-byte UIDs in hex, some blocked, some with an expiry date and a parent. */
  static List<AuthorizationData> cards(int count, SplittableRandom random) {
    List<AuthorizationData> cards = new ArrayList<>(count);
    HexFormat hex = HexFormat.of().withUpperCase();
    for (int i = 0; i < count; i++) {
      byte[] uid = new byte[7];
      random.nextBytes(uid);
      AuthorizationStatus status = random.nextInt(20) == 0 ? AuthorizationStatus.BLOCKED : AuthorizationStatus.ACCEPTED;
      boolean fleet = random.nextInt(10) == 0;
      IdTagInfo info = new IdTagInfo(status, fleet ? Optional.of(Instant.parse("2030-01-01T00:00:00Z")) : Optional.empty(),
          fleet ? Optional.of("FLEET" + random.nextInt(100)) : Optional.empty());
      cards.add(new AuthorizationData(hex.formatHex(uid), Optional.of(info)));
    }
    return cards;
  }

  private static String[] probes(List<AuthorizationData> entries, SplittableRandom random) {
    String[] probes = new String[65_536];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = i % 2 == 0 ? entries.get(random.nextInt(entries.size())).idTag() : "MISS" + random.nextInt(1_000_000);
    }
    return probes;
  }

  private static double millis(Supplier<UpdateStatus> update, UpdateStatus expected) {
    long start = System.nanoTime();
    UpdateStatus status = update.get();
    double elapsed = (System.nanoTime() - start) / 1e6;
    if (status != expected) {
      throw new AssertionError(status);
    }
    return elapsed;
  }

  private static void report(String what, double[] values, String unit) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf("  %-40s first %8.2f %s, median %8.2f %s, best %8.2f %s%n", what, values[0], unit, sorted[sorted.length / 2], unit,
        sorted[0], unit);
  }

  /** The list's own heap: its map, keys and entries (the storage here keeps nothing). */
  private static double heldMegabytes(Map<String, String> settings) {
    Runtime runtime = Runtime.getRuntime();
    Storage forgetful = new Storage() {
      @Override
      public <T extends Record> Optional<T> load(String key, Class<T> type) {
        return Optional.empty();
      }

      @Override
      public void save(String key, Record value) {}

      @Override
      public void delete(String key) {}

      @Override
      public List<String> keys(String prefix) {
        return List.of();
      }
    };
    LocalAuthList list = new LocalAuthList(new Configuration(forgetful, settings), forgetful, new Counters());
    long before = used(runtime);
    AnsweredAtOnce.update(list, new SendLocalListRequest(1, cards(ENTRIES, new SplittableRandom(16)), UpdateType.FULL));
    long after = used(runtime);
    if (list.size() != ENTRIES) {
      throw new AssertionError();
    }
    return (after - before) / 1e6;
  }

  private static long used(Runtime runtime) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
