package dev.kilowatt.examples.fleet;

import java.util.Locale;

/**
 * The fleet's figures at one moment, as the stations saw them, and their rates since the summary before.
 *
 * @param elapsedNanos time since the fleet started
 * @param connected stations connected now
 * @param booted BootNotifications accepted so far (a station that reboots counts again)
 * @param running sessions running now: StartTransaction answered, StopTransaction not yet
 * @param started StartTransactions answered so far
 * @param done StopTransactions answered so far
 * @param remoteStarts RemoteStartTransactions received so far
 * @param frames OCPP-J frames sent and received so far
 * @param errors CALLERRORs received and sent so far
 * @param faults hardware faults injected so far
 * @param drops losses of the link played so far
 * @param offline stations offline now because a loss is being played
 * @param latencyBuckets answers so far, by latency bucket (see {@link FleetStats})
 * @param previous the summary before, for rates and latencies over the interval; null for the first
 */
record Summary(long elapsedNanos, long connected, long booted, long running, long started, long done,
    long remoteStarts, long frames, long errors, long faults, long drops, long offline, long[] latencyBuckets,
    Summary previous) {

  private static final double NANOS_PER_SECOND = 1e9;

  /** Frames per second since the summary before. */
  double framesPerSecond() {
    long since = previous == null ? 0 : previous.elapsedNanos;
    long before = previous == null ? 0 : previous.frames;
    double seconds = (elapsedNanos - since) / NANOS_PER_SECOND;
    return seconds <= 0 ? 0 : (frames - before) / seconds;
  }

  /** Answer latency, in ms rounded up to a power of two, at quantile {@code share} over the interval. */
  long latencyMillis(double share) {
    long[] interval = latencyBuckets.clone();
    if (previous != null) {
      for (int b = 0; b < interval.length; b++) {
        interval[b] -= previous.latencyBuckets[b];
      }
    }
    return FleetStats.quantileMillis(interval, share);
  }

  /** The summary without its history, so a long run does not keep every summary alive. */
  Summary detached() {
    return new Summary(elapsedNanos, connected, booted, running, started, done, remoteStarts, frames, errors, faults,
        drops, offline, latencyBuckets, null);
  }

  /** One line for people. */
  String line() {
    return String.format(Locale.ROOT,
        "t=%ds connected=%d booted=%d sessions running=%d done=%d (remote starts %d) msgs/s=%.0f "
            + "latency ms p50<=%d p95<=%d p99<=%d errors=%d faults=%d drops=%d offline=%d",
        elapsedNanos / 1_000_000_000L, connected, booted, running, done, remoteStarts, framesPerSecond(),
        latencyMillis(0.5), latencyMillis(0.95), latencyMillis(0.99), errors, faults, drops, offline);
  }
}
