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
 * system clock. A task that throws is logged and the loop goes on.
 */
public final class EventLoop implements Scheduler, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

  private final Clock clock;
  private final ScheduledThreadPoolExecutor executor;

  public EventLoop() {
    this(Clock.systemUTC());
  }

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

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.log(Level.ERROR, "event-loop task failed; the loop goes on", e);
      }
    };
  }
}
