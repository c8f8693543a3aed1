package dev.kilowatt.ocpp201;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the station waits before its next connection attempt after a loss or a failed attempt, as the
 * OCPPCommCtrlr variables say: RetryBackOffWaitMinimum seconds the first time, twice the wait before for each
 * attempt after it up to RetryBackOffRepeatTimes doublings, then that wait again; plus a random part of up to
 * RetryBackOffRandomRange seconds, so that stations that lost the same CSMS do not all come back at once.
 * The defaults (1 s, six doublings, no random part) keep the waits of before the variables existed: 1, 2, 4
 * ... 64 seconds.
 */
final class ReconnectBackOff {

  /** Doubling stops here whatever RetryBackOffRepeatTimes says: 2^20 times the minimum is days. */
  private static final int MOST_DOUBLINGS = 20;

  private ReconnectBackOff() {
  }

  /** {@return the wait before the attempt after {@code failed} failed ones (0 after a connection was lost)} */
  static Duration before(StoredVariables variables, int failed) {
    long minimum = variables.commInteger("RetryBackOffWaitMinimum").orElseThrow();
    int doublings = Math.min(Math.min(failed, variables.commInteger("RetryBackOffRepeatTimes").orElseThrow()),
        MOST_DOUBLINGS);
    long randomMillis = variables.commInteger("RetryBackOffRandomRange").orElseThrow() * 1_000L;
    long random = randomMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(randomMillis + 1);
    return Duration.ofSeconds(minimum << doublings).plusMillis(random);
  }
}
