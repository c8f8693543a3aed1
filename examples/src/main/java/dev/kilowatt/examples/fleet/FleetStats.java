package dev.kilowatt.examples.fleet;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stations of a fleet report, summed over all of them without a lock: every station's link and
 * charge point add to these from whichever thread they run on.
 */
final class FleetStats {

  /** Latency buckets: bucket b holds answers that took under 2^b ms; the last holds the rest. */
  private static final int BUCKETS = 20;

  final LongAdder connected = new LongAdder();
  final LongAdder booted = new LongAdder();
  final LongAdder sessionsRunning = new LongAdder();
  final LongAdder sessionsDone = new LongAdder();
  final LongAdder sessionsStarted = new LongAdder();
  final LongAdder remoteStarts = new LongAdder();
  final LongAdder frames = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder faults = new LongAdder();
  final LongAdder drops = new LongAdder();
  /** Stations whose mobile link is lost on purpose right now. */
  final LongAdder offline = new LongAdder();
  private final AtomicLongArray latencies = new AtomicLongArray(BUCKETS);

  /** One of our calls was answered (CALLRESULT or CALLERROR) after {@code nanos}. */
  void answered(long nanos) {
    long millis = Math.max(0, nanos / 1_000_000);
    int bucket = Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(millis));
    latencies.incrementAndGet(bucket);
  }

  /** The figures now; latency percentiles cover the answers since {@code previous}. */
  Summary snapshot(long elapsedNanos, Summary previous) {
    long[] buckets = new long[BUCKETS];
    for (int b = 0; b < BUCKETS; b++) {
      buckets[b] = latencies.get(b);
    }
    return new Summary(elapsedNanos, connected.sum(), booted.sum(), sessionsRunning.sum(), sessionsStarted.sum(),
        sessionsDone.sum(), remoteStarts.sum(), frames.sum(), errors.sum(), faults.sum(), drops.sum(), offline.sum(), buckets,
        previous);
  }

  /** The upper bound in ms of the latency bucket where the {@code share} quantile of {@code counts} falls. */
  static long quantileMillis(long[] counts, double share) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(share * total);
    long seen = 0;
    for (int b = 0; b < counts.length; b++) {
      seen += counts[b];
      if (seen >= rank) {
        return 1L << b;
      }
    }
    return 1L << (counts.length - 1);
  }
}
