package dev.kilowatt.core.time;

import dev.kilowatt.core.port.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: one daemon thread that runs every domain task in order, on the
 * system clock. A task that throws a RuntimeException is logged at ERROR, and the loop goes on; an
 * {@code Error} (out of memory, a broken class path) leaves the domain in no known state, so it is logged
 * and ends the loop: the board's watchdog or supervisor restarts the charger, as after a power cut.
 */
public final class EventLoop implements Scheduler, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

  private final Clock clock;
  private final ScheduledThreadPoolExecutor executor;

  /** A loop on the system's UTC clock, as a board uses it. */
  public EventLoop() {
    this(Clock.systemUTC());
  }

  /**
   * A loop on {@code clock}, e.g. a clock the board corrects from a GPS or NTP source.
   *
   * @param clock what {@link #now()} reads
   */
  public EventLoop(Clock clock) {
    this.clock = clock;
    this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread loopThread = new Thread(runnable, "kilowatt-event-loop");
      loopThread.setDaemon(true);
      return loopThread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void execute(Runnable task) {
    if (!executor.isShutdown()) {
      executor.execute(guarded(task));
    }
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    if (executor.isShutdown()) {
      return () -> {};
    }
    var future = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /** {@return whether the loop has ended, closed or by an Error} */
  public boolean ended() {
    return executor.isShutdown();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "event-loop task failed; the loop goes on", e);
      } catch (Error e) {
        LOG.log(Level.ERROR, "event-loop task failed with an Error; the loop ends", e);
        executor.shutdownNow();
        throw e;
      }
    };
  }
}
