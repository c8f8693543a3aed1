package dev.kilowatt.examples.fleet;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every station of a fleet runs on: virtual threads that take turns running the stations'
 * loops, on the JDK's carrier threads (one per core), and one timer thread that only hands due timers to
 * their loops; a timer thread per core, in fact, each serving its share of the stations, so that
 * thousands of stations arming timers at once do not all queue for one timer's lock. A station costs a
 * queue and a flag here, not a thread. Virtual threads fit because a
 * station's storage syncs every save to disk: a station waiting for its disk leaves the cores to the
 * others, where a fixed pool of two workers would wait with it.
 */
final class LoopPool implements AutoCloseable {

  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final Clock clock;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor[] timers;
  private final AtomicInteger nextTimer = new AtomicInteger();

  /** Loops timed on {@code clock}. */
  LoopPool(Clock clock) {
    this.clock = clock;
    this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fleet-loop-", 0).factory());
    this.timers = new ScheduledThreadPoolExecutor[Math.max(2, Runtime.getRuntime().availableProcessors())];
    for (int t = 0; t < timers.length; t++) {
      String name = "fleet-timer-" + t;
      timers[t] = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  /** A new station loop on these threads, with the next timer thread in turn. */
  StationLoop newLoop() {
    return new StationLoop(this, timers[Math.floorMod(nextTimer.getAndIncrement(), timers.length)]);
  }

  Clock clock() {
    return clock;
  }

  ExecutorService workers() {
    return workers;
  }

  /** The first timer thread, for the fleet's own timing. */
  ScheduledThreadPoolExecutor timer() {
    return timers[0];
  }

  /** Lets the loops finish what they were handed (a station's last words to its central system), then stops. */
  @Override
  public void close() {
    for (ScheduledThreadPoolExecutor timer : timers) {
      timer.shutdownNow();
    }
    workers.shutdown();
    try {
      workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }
}
