package dev.kilowatt.storage;

import dev.kilowatt.core.ledger.MemoryJournal;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Journal.Outcome;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.core.time.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the journal costs on this machine's disk: appends per second and time-to-durable (p50, p99) with
 * group commit and with one flush per record, in a burst and at a steady pace; the same with a store that
 * takes 200 ms per flush; and how long the event loop stalls meanwhile: the longest {@code append} call, and
 * how late at worst a 1 ms timer on the loop ran (in a burst it waits behind the burst's own appends and
 * outcomes, which is work, not waiting for the disk). Last, the 200 ms store on virtual time, where the
 * timer is a pilot event every millisecond.
 *
 * <p>Run after {@code mvn -o -q -pl core,storage-file test-compile} with
 * {@code java -cp storage-file/target/classes:storage-file/target/test-classes:core/target/classes:core/target/test-classes:<jackson jars>
 * dev.kilowatt.storage.JournalBenchmark [directory]}. Give a directory on the board's flash to measure the
 * real medium; without one it measures in a temporary directory and removes it.
 */
final class JournalBenchmark {

  record Sample(String transaction, long energyWh, Instant time) {}

  private static final int BURST = 2000;
  private static final int PACED = 500;
  private static final Duration PACE = Duration.ofMillis(2);
  private static final Duration SLOW_FLUSH = Duration.ofMillis(200);

  private JournalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = args.length == 0 ? Files.createTempDirectory("kilowatt-journal-bench") : Path.of(args[0]);
    // Unprinted, so the first printed run does not pay for the JIT.
    measure(null, root.resolve("warm-up"), 1024, BURST, Duration.ZERO, Duration.ZERO);
    System.out.printf("%-34s %8s %10s %9s %9s %11s %11s%n", "run", "records", "appends/s", "p50 ms", "p99 ms",
        "append max", "timer late");
    int run = 0;
    for (int perCommit : new int[] {1024, 1}) {
      String mode = perCommit == 1 ? "one flush per record" : "group commit";
      measure(mode + ", burst", root.resolve("run-" + run++), perCommit, BURST, Duration.ZERO, Duration.ZERO);
      measure(mode + ", every 2 ms", root.resolve("run-" + run++), perCommit, PACED, PACE, Duration.ZERO);
    }
    measure("200 ms store, group, every 20 ms", root.resolve("run-" + run++), 1024, 50, Duration.ofMillis(20), SLOW_FLUSH);
    measure("200 ms store, per record, 20 ms", root.resolve("run-" + run++), 1, 50, Duration.ofMillis(20), SLOW_FLUSH);
    virtualSlowStore();
    if (args.length == 0) {
      deleteTree(root);
    }
  }

  private static void measure(String name, Path dir, int perCommit, int records, Duration pace, Duration flushDelay)
      throws Exception {
    ScriptedMedium medium = new ScriptedMedium();
    medium.beforeFlush(() -> pause(flushDelay));
    long[] appendedAt = new long[records];
    long[] latencies = new long[records];
    AtomicLong longestAppend = new AtomicLong();
    AtomicLong latestTimer = new AtomicLong();
    CountDownLatch durable = new CountDownLatch(records);
    AtomicLong failures = new AtomicLong();
    try (EventLoop loop = new EventLoop()) {
      FileJournal journal = FileJournal.open(dir, loop, new FileJournal.Settings(4 << 20, perCommit), medium);
      watchTimerLateness(loop, latestTimer, durable);
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        int n = i;
        Runnable append = () -> {
          long before = System.nanoTime();
          appendedAt[n] = before;
          journal.append("tx/1/sample/" + n, new Sample("1", n, Instant.EPOCH.plusSeconds(n)), outcome -> {
            if (!(outcome instanceof Outcome.Durable)) {
              failures.incrementAndGet();
            }
            latencies[n] = System.nanoTime() - appendedAt[n];
            durable.countDown();
          });
          longestAppend.accumulateAndGet(System.nanoTime() - before, Math::max);
        };
        if (pace.isZero()) {
          loop.execute(append);
        } else {
          loop.schedule(pace.multipliedBy(i), append);
        }
      }
      if (!durable.await(10, TimeUnit.MINUTES) || failures.get() > 0) {
        throw new IllegalStateException(name + ": " + durable.getCount() + " records without an outcome, "
            + failures.get() + " not durable");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      CompletableFuture<Void> closed = new CompletableFuture<>();
      loop.execute(() -> closed.complete(null));
      closed.get();
      journal.close();
      Arrays.sort(latencies);
      if (name != null) {
        System.out.printf("%-34s %8d %10.0f %9.2f %9.2f %8.3f ms %8.3f ms%n", name, records, records / seconds,
            millis(latencies[records / 2]), millis(latencies[records * 99 / 100]), millis(longestAppend.get()),
            millis(latestTimer.get()));
      }
    }
  }

  /** A timer every millisecond on the loop, as pilot and meter events would be; records how late it ran. */
  private static void watchTimerLateness(EventLoop loop, AtomicLong latest, CountDownLatch until) {
    long due = System.nanoTime() + 1_000_000;
    loop.schedule(Duration.ofMillis(1), new Runnable() {
      long expected = due;

      @Override
      public void run() {
        latest.accumulateAndGet(System.nanoTime() - expected, Math::max);
        if (until.getCount() > 0) {
          expected = System.nanoTime() + 1_000_000;
          loop.schedule(Duration.ofMillis(1), this);
        }
      }
    });
  }

  /** The 200 ms store on virtual time: a pilot event every millisecond, a sample every 100 ms, for a minute. */
  private static void virtualSlowStore() {
    VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T10:00:00Z"));
    Journal journal = new MemoryJournal.Flash().slow(SLOW_FLUSH).open(time);
    List<Duration> toDurable = new ArrayList<>();
    Duration[] latestPilot = {Duration.ZERO};
    for (int ms = 0; ms < 60_000; ms++) {
      Instant due = time.now().plusMillis(ms);
      time.schedule(Duration.ofMillis(ms), () -> {
        Duration late = Duration.between(due, time.now());
        latestPilot[0] = late.compareTo(latestPilot[0]) > 0 ? late : latestPilot[0];
      });
      if (ms % 100 == 0) {
        int n = ms;
        time.schedule(Duration.ofMillis(ms), () -> {
          Instant appended = time.now();
          journal.append("tx/1/sample/" + n, new Sample("1", n, appended),
              outcome -> toDurable.add(Duration.between(appended, time.now())));
        });
      }
    }
    time.advance(Duration.ofMinutes(2));
    toDurable.sort(Comparator.naturalOrder());
    System.out.printf("%-34s %8d %10s %9d %9d %11s %8d ms  (virtual time)%n", "200 ms store, group, every 100 ms",
        toDurable.size(), "-", toDurable.get(toDurable.size() / 2).toMillis(),
        toDurable.get(toDurable.size() * 99 / 100).toMillis(), "-", latestPilot[0].toMillis());
  }

  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
