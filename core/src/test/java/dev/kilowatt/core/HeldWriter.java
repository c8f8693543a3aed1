package dev.kilowatt.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A storage writer whose tasks run when the test says: a write stays in progress until then. */
public final class HeldWriter implements Executor {

  private final Deque<Runnable> tasks = new ArrayDeque<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** {@return how many tasks wait to run} */
  public int held() {
    return tasks.size();
  }

  /** Runs the oldest task. */
  public void finish() {
    tasks.removeFirst().run();
  }

  /** Runs every task, also those the tasks hand over in turn. */
  public void finishAll() {
    while (!tasks.isEmpty()) {
      finish();
    }
  }

  /** Runs every task and what the charge point's loop does with each outcome, until nothing is left. */
  public void finishAll(Harness h) {
    h.run();
    while (!tasks.isEmpty()) {
      finish();
      h.run();
    }
  }

  /** As {@link #finishAll(Harness)}, each task on a thread of its own, so the loop's thread holds no lock meanwhile. */
  public void finishAllElsewhere(Harness h) {
    h.run();
    while (!tasks.isEmpty()) {
      Thread writer = Thread.ofPlatform().name("writer").start(tasks.removeFirst());
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      h.run();
    }
  }
}
