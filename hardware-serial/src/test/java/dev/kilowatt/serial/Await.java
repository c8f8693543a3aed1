package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for something that happens on another thread: polls a condition until a deadline. */
final class Await {

  static final Duration DEFAULT = Duration.ofSeconds(5);
  private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

  private Await() {}

  static void until(BooleanSupplier condition, String what) {
    until(condition, DEFAULT, what);
  }

  static void until(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("gave up after " + timeout + " waiting for " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
