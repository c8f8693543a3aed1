package dev.kilowatt.examples.fleet;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every station of a fleet runs on: a few workers that take turns running the stations'
 * loops, and one timer thread that only hands due timers to their loops. A station costs a queue and a
 * flag here, not a thread.
 */
final class LoopPool implements AutoCloseable {

  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final Clock clock;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor timer;

  /** {@code workers} threads for the loops, timed on {@code clock}. */
  LoopPool(int workers, Clock clock) {
    if (workers < 1) {
      throw new IllegalArgumentException("a fleet needs at least one worker thread: " + workers);
    }
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(workers, daemons("fleet-loop-"));
    this.timer = new ScheduledThreadPoolExecutor(1, daemons("fleet-timer-"));
    // thousands of stations re-arm and cancel timers all the time; cancelled ones must not pile up
    timer.setRemoveOnCancelPolicy(true);
  }

  /** A new station loop on these threads. */
  StationLoop newLoop() {
    return new StationLoop(this);
  }

  Clock clock() {
    return clock;
  }

  ExecutorService workers() {
    return workers;
  }

  ScheduledThreadPoolExecutor timer() {
    return timer;
  }

  /** Lets the loops finish what they were handed (a station's last words to its central system), then stops. */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
