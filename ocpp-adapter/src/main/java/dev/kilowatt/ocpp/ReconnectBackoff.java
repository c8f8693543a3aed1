package dev.kilowatt.ocpp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the link waits before each connection attempt after a loss or a failed attempt: {@code initial}
 * after the first, doubling with each further failure up to {@code max}, and each wait spread at random
 * by up to ±{@code jitter} of itself, so that a whole site of charge points that lost the central system
 * together does not come back in the same instant.
 *
 * @param initial the first wait; positive
 * @param max the longest wait; at least {@code initial}
 * @param jitter the spread as a fraction of the wait, from 0 (exact) to below 1
 */
public record ReconnectBackoff(Duration initial, Duration max, double jitter) {

  /**
   * Checks the waits and the spread.
   *
   * @throws IllegalArgumentException unless 0 &lt; initial &lt;= max and 0 &lt;= jitter &lt; 1
   */
  public ReconnectBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
    }
  }

  /**
   * 1 s doubling to 60 s, ±25 %.
   *
   * @return that back-off
   */
  public static ReconnectBackoff standard() {
    return new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25);
  }

  /**
   * The wait after {@code failures} consecutive failures (at least 1), with {@code random} uniform in
   * [0, 1) choosing where in the jitter band it falls.
   */
  Duration delay(int failures, double random) {
    Duration wait = initial;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    double spread = 1 + jitter * (2 * random - 1);
    return Duration.ofNanos(Math.round(wait.toNanos() * spread));
  }
}
