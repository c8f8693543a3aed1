package dev.kilowatt.examples.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StationLoopTest {

  private static final int STATIONS = 50;
  private static final int TASKS = 2_000;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final LoopPool pool = new LoopPool(Clock.fixed(T0, ZoneOffset.UTC));

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void eachStationRunsItsTasksOneAtATimeInTheOrderTheyCame() throws InterruptedException {
    List<StationLoop> loops = new ArrayList<>();
    List<List<Integer>> seen = new ArrayList<>();
    List<AtomicInteger> inside = new ArrayList<>();
    AtomicBoolean overlapped = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(STATIONS);
    for (int s = 0; s < STATIONS; s++) {
      loops.add(pool.newLoop());
      // plain lists, written only by their station's tasks: the loop's ordering makes that safe
      seen.add(new ArrayList<>());
      inside.add(new AtomicInteger());
    }
    // two threads hand in tasks for every station, interleaved, as a link thread and a timer would
    Thread[] producers = new Thread[2];
    for (int p = 0; p < producers.length; p++) {
      int producer = p;
      producers[p] = Thread.ofPlatform().start(() -> {
        for (int t = producer; t < TASKS; t += 2) {
          for (int s = 0; s < STATIONS; s++) {
            int station = s;
            int task = t;
            loops.get(s).execute(() -> {
              if (inside.get(station).incrementAndGet() != 1) {
                overlapped.set(true);
              }
              seen.get(station).add(task);
              if (seen.get(station).size() == TASKS) {
                finished.countDown();
              }
              inside.get(station).decrementAndGet();
            });
          }
        }
      });
    }
    for (Thread producer : producers) {
      producer.join();
    }
    assertTrue(finished.await(30, TimeUnit.SECONDS), "every task ran");

    assertFalse(overlapped.get(), "no two tasks of one station ever ran at once");
    for (List<Integer> tasks : seen) {
      List<Integer> evens = tasks.stream().filter(t -> t % 2 == 0).toList();
      List<Integer> odds = tasks.stream().filter(t -> t % 2 == 1).toList();
      assertEquals(evens.stream().sorted().toList(), evens, "one producer's tasks in the order it handed them in");
      assertEquals(odds.stream().sorted().toList(), odds);
    }
  }

  @Test
  void timersRunOnTheLoopAndACancelledOneNever() throws InterruptedException {
    StationLoop loop = pool.newLoop();
    List<String> ran = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    loop.schedule(Duration.ofMillis(20), () -> ran.add("cancelled")).cancel();
    loop.schedule(Duration.ofMillis(10), () -> ran.add("first"));
    loop.schedule(Duration.ofMillis(40), () -> {
      ran.add("last");
      done.countDown();
    });
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(List.of("first", "last"), ran);
    assertEquals(T0, loop.now());
  }

  @Test
  void aFailingTaskDoesNotStopTheLoopAndAClosedLoopRunsNothing() throws InterruptedException {
    StationLoop loop = pool.newLoop();
    CountDownLatch after = new CountDownLatch(1);
    loop.execute(() -> {
      throw new IllegalStateException("a bug in one task");
    });
    loop.execute(after::countDown);
    assertTrue(after.await(10, TimeUnit.SECONDS));

    AtomicBoolean ranAfterClose = new AtomicBoolean();
    loop.close();
    loop.execute(() -> ranAfterClose.set(true));
    loop.schedule(Duration.ZERO, () -> ranAfterClose.set(true));
    CountDownLatch other = new CountDownLatch(1);
    StationLoop neighbour = pool.newLoop();
    neighbour.schedule(Duration.ofMillis(20), other::countDown);
    assertTrue(other.await(10, TimeUnit.SECONDS));
    assertFalse(ranAfterClose.get());
  }
}
