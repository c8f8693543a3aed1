package dev.kilowatt.core.messaging;

import java.time.Duration;
import java.util.Optional;

/**
 * How often, and how far apart, a file transfer is tried: as UpdateFirmware, GetDiagnostics and their
 * security-extension twins ask, or as the charge point chooses when they leave it open.
 *
 * @param maxAttempts the first attempt and the retries
 * @param intervalSeconds seconds between two attempts, at least 0
 */
public record Retries(int maxAttempts, long intervalSeconds) {

  /** Used when the request leaves {@code retries} to the charge point. */
  private static final int DEFAULT_RETRIES = 3;
  /** Used when the request leaves {@code retryInterval} to the charge point. */
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  /**
   * The attempts and interval a request asks for, the defaults where it leaves them open.
   *
   * @param retries the request's {@code retries}: attempts after the first; empty for the default 3
   * @param retryInterval the request's {@code retryInterval} in seconds; empty for the default 60
   * @return the attempts and interval to use; negative values count as 0
   */
  public static Retries asked(Optional<Integer> retries, Optional<Integer> retryInterval) {
    // retries counts the attempts after the first: with 0 (as TC_044_2 sends) there is one attempt
    return new Retries(Math.max(0, retries.orElse(DEFAULT_RETRIES)) + 1,
        Math.max(0, retryInterval.map(Integer::longValue).orElse(DEFAULT_INTERVAL.toSeconds())));
  }
}
