package dev.kilowatt.examples.fleet;

import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station's event loop on a {@link LoopPool}: its tasks run one at a time, in the order they were
 * handed in, each seeing everything the ones before it did, as on the core's own EventLoop; but on
 * whichever worker is free, so that ten thousand stations need two or three threads. A loop that has
 * queued work takes a worker for at most {@link #BATCH} tasks, then queues itself again behind the
 * other stations, so a busy station cannot starve the rest. A task that throws is logged and the loop
 * goes on.
 */
final class StationLoop implements Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(StationLoop.class);
  static final int BATCH = 64;

  private final LoopPool pool;
  private final ScheduledThreadPoolExecutor timer;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** Whether a drain is queued on or running on a worker; at most one is, which keeps the tasks serial. */
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean closed;

  StationLoop(LoopPool pool, ScheduledThreadPoolExecutor timer) {
    this.pool = pool;
    this.timer = timer;
  }

  @Override
  public Instant now() {
    return pool.clock().instant();
  }

  @Override
  public void execute(Runnable task) {
    if (closed) {
      return;
    }
    tasks.add(task);
    wake();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    if (closed) {
      return () -> { };
    }
    StationTimer armed = new StationTimer(task);
    try {
      timer.schedule(armed::due, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // the fleet is shutting down: the timer would never fire anyway
    }
    return armed;
  }

  /** Drops what is queued and ignores whatever is handed in from now on. */
  void close() {
    closed = true;
    tasks.clear();
  }

  private void wake() {
    if (draining.compareAndSet(false, true)) {
      try {
        pool.workers().execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false);
      }
    }
  }

  private void drain() {
    for (int i = 0; i < BATCH && !closed; i++) {
      Runnable task = tasks.poll();
      if (task == null) {
        break;
      }
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("station task failed; the loop goes on", e);
      }
    }
    draining.set(false);
    // a task handed in after the last poll found the flag still set and left the waking to us
    if (!tasks.isEmpty() && !closed) {
      wake();
    }
  }

  /**
   * A timer that is checked on the loop itself, so cancelling it stops it even once it is due and queued.
   * Cancelling only sets the flag: taking the timer out of its queue would lock the queue that thousands
   * of stations arm their timers on, and the core cancels a timer for almost every answer it gets. The
   * cancelled timer is dropped when its time comes.
   */
  private final class StationTimer implements Timer, Runnable {
    private final Runnable task;
    private volatile boolean cancelled;

    StationTimer(Runnable task) {
      this.task = task;
    }

    /** On the timer thread: the time has come; the task joins the loop's queue unless cancelled. */
    void due() {
      if (!cancelled) {
        execute(this);
      }
    }

    @Override
    public void run() {
      if (!cancelled) {
        task.run();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
