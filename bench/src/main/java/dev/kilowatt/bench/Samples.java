package dev.kilowatt.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a series of durations (nanoseconds) or of per-round figures. */
final class Samples {

  private Samples() {
  }

  /**
   * The nearest-rank percentile: the smallest sample that at least {@code percent} percent of the samples
   * do not exceed, so p100 is the maximum and no value is invented between two samples.
   */
  static long percentile(long[] samples, double percent) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static long max(long[] samples) {
    return percentile(samples, 100);
  }

  /** The median of the rounds' figures; with an even count, the lower middle one (a figure that was measured). */
  static double median(List<Double> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no rounds");
    }
    double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(sorted.length - 1) / 2];
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }
}
