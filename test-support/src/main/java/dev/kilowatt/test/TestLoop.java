package dev.kilowatt.test;

import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The charge point's event loop as a test drives it: {@link VirtualTime}, which moves only when the test
 * says so, and a wait for what adapters report from their own threads (a download, a flash write, a
 * collected archive). Tasks run on the test's thread, in {@link #runPending()}, {@link #advance} and
 * {@link #awaitUntil}.
 */
public final class TestLoop implements Scheduler {

  /** A guard against an adapter that never reports; a passing test never waits this long. */
  private static final Duration GIVE_UP = Duration.ofSeconds(30);
  /** How long a round of {@link #awaitUntil} lets the adapters' threads work. */
  private static final Duration BREATHER = Duration.ofMillis(2);

  private final VirtualTime time;

  /**
   * A loop whose virtual time starts at {@code start}.
   *
   * @param start the moment the test begins at
   */
  public TestLoop(Instant start) {
    this.time = new VirtualTime(Objects.requireNonNull(start, "start"));
  }

  @Override
  public Instant now() {
    return time.now();
  }

  @Override
  public void execute(Runnable task) {
    time.execute(task);
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    return time.schedule(delay, task);
  }

  /**
   * Runs every task due now, and the tasks they post for now; returns how many ran.
   *
   * @return how many tasks ran
   */
  public int runPending() {
    return time.runPending();
  }

  /**
   * Moves the time on by {@code duration}, running every timer that falls due on the way; returns how many tasks ran.
   *
   * @param duration how far to move
   * @return how many tasks ran
   */
  public int advance(Duration duration) {
    return time.advance(duration);
  }

  /**
   * Moves the time on by {@code step} a round, running what falls due and what the adapters posted, until
   * {@code condition} holds. Time moves in virtual steps, so retries and time-outs of the domain happen as
   * they would; real time only passes for the adapters' threads to work.
   *
   * @param step how far time moves each round
   * @param condition what the test waits for
   * @param what names the condition in the failure, e.g. "the firmware download"
   * @throws AssertionError if {@code condition} does not hold within 30 s of real time
   */
  public void awaitUntil(String what, Duration step, BooleanSupplier condition) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    time.runPending();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited in vain for " + what + " (" + GIVE_UP.toSeconds() + " s of real time)");
      }
      LockSupport.parkNanos(BREATHER.toNanos());
      time.advance(step);
    }
  }
}
