package dev.kilowatt.core.time;

import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when told to: tests and simulations run days of charging in
 * milliseconds, with exact, repeatable timing. Tasks run on the thread that calls {@link #runPending()}
 * or {@link #advance}; {@link #execute} may be called from any thread.
 */
public final class VirtualTime implements Scheduler {

  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  /**
   * Time that stands at {@code start} until a test moves it.
   *
   * @param start the moment the test begins at
   */
  public VirtualTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public void execute(Runnable task) {
    enqueue(Duration.ZERO, task);
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    return enqueue(delay.isNegative() ? Duration.ZERO : delay, task);
  }

  /**
   * Runs every task that is due now, including tasks they queue for now, and returns how many ran.
   *
   * @return how many tasks ran
   */
  public int runPending() {
    return runUntil(now());
  }

  /**
   * Moves time forward by {@code duration}, running each task at its due time, in order.
   *
   * @param duration how far to move
   * @return how many tasks ran
   */
  public int advance(Duration duration) {
    return runUntil(now().plus(duration));
  }

  /**
   * Moves time forward to {@code instant} (never backwards), running each task at its due time.
   *
   * @param instant the moment to move to
   * @return how many tasks ran
   */
  public int runUntil(Instant instant) {
    int ran = 0;
    while (true) {
      Task next;
      synchronized (this) {
        Task head = queue.peek();
        if (head == null || head.due.isAfter(instant)) {
          if (instant.isAfter(now)) {
            now = instant;
          }
          return ran;
        }
        next = queue.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      if (!next.cancelled) {
        next.action.run();
        ran++;
      }
    }
  }

  /** {@return how many tasks wait, including cancelled ones not yet discarded} */
  public synchronized int queued() {
    return queue.size();
  }

  private synchronized Task enqueue(Duration delay, Runnable action) {
    Task task = new Task(now.plus(delay), sequence++, action);
    queue.add(task);
    return task;
  }

  private static final class Task implements Comparable<Task>, Timer {
    final Instant due;
    final long order;
    final Runnable action;
    volatile boolean cancelled;

    Task(Instant due, long order, Runnable action) {
      this.due = due;
      this.order = order;
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Task other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
