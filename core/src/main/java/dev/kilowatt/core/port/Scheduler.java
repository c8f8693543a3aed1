package dev.kilowatt.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * The charge point's sense of time and its single event loop.
 *
 * <p>Everything the domain does runs as a task on this scheduler, one at a time, so no domain state is
 * ever touched by two threads. Adapters hand events in through {@link #execute}; the domain arms timers
 * through {@link #schedule}. A real board uses {@link dev.kilowatt.core.time.EventLoop}; tests use
 * {@link dev.kilowatt.core.time.VirtualTime} and move time by hand.
 */
public interface Scheduler {

  /**
   * The board's wall-clock time. The domain keeps its own offset once the central system sets the time.
   *
   * @return the current time
   */
  Instant now();

  /**
   * Runs {@code task} on the event loop, after the tasks already queued. Safe to call from any thread.
   *
   * @param task the work to run
   */
  void execute(Runnable task);

  /**
   * Runs {@code task} on the event loop once {@code delay} has passed.
   *
   * @param delay how long to wait, measured on this scheduler's clock
   * @param task the work to run
   * @return a handle to cancel the task with
   */
  Timer schedule(Duration delay, Runnable task);

  /** A pending {@link #schedule} task. */
  interface Timer {
    /** Prevents the task from running if it has not started yet. Cancelling twice is harmless. */
    void cancel();
  }
}
