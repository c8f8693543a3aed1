package dev.kilowatt.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Calls sent as fast as the charge point answers, always {@link BenchOptions#IN_FLIGHT} of them in flight:
 * each answer sends the next call. A call left unanswered once the charge point has fallen silent for
 * {@link #SILENCE} is dropped. The charge point's resident memory is sampled meanwhile.
 */
final class Flood {

  /**
   * @param callsPerSecond answers (CALLRESULT or CALLERROR) over the time from the first call to the last answer
   * @param errors answers that were CALLERRORs
   * @param dropped calls never answered
   * @param peakResidentKib the highest VmRSS sampled
   */
  record Result(double callsPerSecond, long errors, long dropped, long peakResidentKib) {}

  private static final String CALL = "GetConfiguration";
  private static final String PAYLOAD = "{\"key\":[\"HeartbeatInterval\"]}";
  /** How long a charge point may stay silent with calls in flight before they count as dropped. */
  static final Duration SILENCE = Duration.ofSeconds(5);
  private static final long SAMPLE_MILLIS = 10;

  private final LoopbackCentralSystem centralSystem;
  private final int total;
  private final long silenceNanos;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong lastAnswer = new AtomicLong();
  private final CountDownLatch allAnswered;

  private Flood(LoopbackCentralSystem centralSystem, int total, Duration silence) {
    this.centralSystem = centralSystem;
    this.total = total;
    this.silenceNanos = silence.toNanos();
    this.allAnswered = new CountDownLatch(total);
  }

  /** Sends {@code total} calls, sampling {@code residentKib} meanwhile. */
  static Result run(LoopbackCentralSystem centralSystem, LongSupplier residentKib, int total, Duration silence)
      throws InterruptedException {
    return new Flood(centralSystem, total, silence).run(residentKib);
  }

  private Result run(LongSupplier residentKib) throws InterruptedException {
    long peak = residentKib.getAsLong();
    long first = System.nanoTime();
    lastAnswer.set(first);
    for (int i = 0; i < Math.min(BenchOptions.IN_FLIGHT, total); i++) {
      sendNext();
    }
    while (!allAnswered.await(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)
        && System.nanoTime() - lastAnswer.get() < silenceNanos) {
      peak = Math.max(peak, residentKib.getAsLong());
    }
    peak = Math.max(peak, residentKib.getAsLong());
    long answered = total - allAnswered.getCount();
    double seconds = (lastAnswer.get() - first) / 1e9;
    return new Result(seconds > 0 ? answered / seconds : 0, errors.get(), total - answered, peak);
  }

  private void sendNext() {
    if (sent.getAndIncrement() >= total) {
      return;
    }
    centralSystem.call(CALL, PAYLOAD).thenAccept(answer -> {
      lastAnswer.accumulateAndGet(answer.nanos(), Math::max);
      if (answer.error()) {
        errors.incrementAndGet();
      }
      allAnswered.countDown();
      sendNext();
    });
  }
}
