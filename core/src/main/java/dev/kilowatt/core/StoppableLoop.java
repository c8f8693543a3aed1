package dev.kilowatt.core;

import dev.kilowatt.core.port.Scheduler;
import java.util.concurrent.Executor;

/** The event loop as the blocks post to it: work that a stopped charge point no longer does is dropped. */
final class StoppableLoop implements Executor {

  private final Scheduler scheduler;
  private boolean stopped;

  StoppableLoop(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void execute(Runnable task) {
    scheduler.execute(() -> {
      if (!stopped) {
        task.run();
      }
    });
  }

  /** Runs on the loop, so nothing posted after it runs. */
  void stop() {
    stopped = true;
  }
}
