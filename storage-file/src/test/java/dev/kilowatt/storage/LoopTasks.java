package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.fail;

import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The event loop as a test drives it: tasks other threads post wait until the test runs them, on its own
 * thread, so a journal's outcomes arrive exactly where the test looks for them. Time and timers are
 * virtual.
 */
final class LoopTasks implements Scheduler {

  /** Only a guard against a hung writer: a passing test never waits for it. */
  private static final long GIVE_UP_SECONDS = 30;

  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T10:00:00Z"));

  @Override
  public Instant now() {
    return time.now();
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    return time.schedule(delay, task);
  }

  /** Runs posted tasks, waiting for more, until {@code done} holds. */
  void runUntil(BooleanSupplier done) {
    try {
      time.runPending();
      while (!done.getAsBoolean()) {
        Runnable task = tasks.poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        if (task == null) {
          fail("nothing was posted to the loop for " + GIVE_UP_SECONDS + " s");
        }
        task.run();
        time.runPending();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }
}
