package dev.kilowatt.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One charge point measured once, from its process start to its end: boot, the first calls after boot,
 * idle memory, request latencies, remote-started sessions (a charger with a connector only), the flood.
 */
final class Round {

  /** The calls timed right after boot, while the charger is still busy with its own start. */
  static final int FIRST_CALLS = 20;
  /** Long enough for start-up work (class loading, compilation, the first StatusNotifications) to be over. */
  private static final long SETTLE_MILLIS = 2000;
  private static final String ALL_KEYS = "{}";

  private final LoopbackCentralSystem centralSystem;
  private final BenchOptions options;
  private final Map<Figure, Double> figures = new EnumMap<>(Figure.class);

  private Round(LoopbackCentralSystem centralSystem, BenchOptions options) {
    this.centralSystem = centralSystem;
    this.options = options;
  }

  /** Measures the charger that {@code start} launches, and ends it. */
  static Map<Figure, Double> measure(LoopbackCentralSystem centralSystem, BenchOptions options,
      Supplier<ChargerProcess> start) throws InterruptedException {
    centralSystem.reset();
    Round round = new Round(centralSystem, options);
    ChargerProcess charger = start.get();
    try (charger) {
      round.run(charger);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(charger.kind.title + ": " + e.getMessage(), e);
    }
    return round.figures;
  }

  private void run(ChargerProcess charger) throws InterruptedException {
    long booted = centralSystem.awaitCall("BootNotification", charger.started).nanos();
    put(Figure.BOOT, booted - charger.started);
    put(Figure.FIRST_CALLS_MAX, Samples.max(series(FIRST_CALLS, "GetConfiguration", i -> ALL_KEYS)));

    Thread.sleep(SETTLE_MILLIS);
    ProcStatus idle = charger.status();
    figures.put(Figure.RSS_IDLE, idle.residentMib());
    figures.put(Figure.THREADS_IDLE, (double) idle.threads());

    long[] get = series(options.calls(), "GetConfiguration", i -> ALL_KEYS);
    put(Figure.GET_CONFIGURATION_P50, Samples.percentile(get, 50));
    put(Figure.GET_CONFIGURATION_P99, Samples.percentile(get, 99));
    long[] change = series(options.calls(), "ChangeConfiguration",
        i -> "{\"key\":\"MeterValueSampleInterval\",\"value\":\"" + (60 + i % 2) + "\"}");
    put(Figure.CHANGE_CONFIGURATION_P50, Samples.percentile(change, 50));
    put(Figure.CHANGE_CONFIGURATION_P99, Samples.percentile(change, 99));
    figures.put(Figure.RSS_AFTER_CALLS, charger.status().residentMib());

    if (charger.kind == ChargerProcess.Kind.KILOWATT) {
      sessions(charger);
    }

    Flood.Result flood = Flood.run(centralSystem, () -> charger.status().residentKib(), options.flood(), Flood.SILENCE);
    figures.put(Figure.CALLS_PER_SECOND, flood.callsPerSecond());
    figures.put(Figure.DROPPED, (double) flood.dropped());
    figures.put(Figure.RSS_PEAK_FLOOD, flood.peakResidentKib() / 1024.0);
    figures.put(Figure.RECONNECTS, (double) centralSystem.connections() - 1);
    figures.put(Figure.LOST, (double) centralSystem.lost());
  }

  /** The round trips of {@code count} calls of {@code action} in a row, call {@code i} with {@code payload(i)}; lost calls left out. */
  private long[] series(int count, String action, IntFunction<String> payload) {
    long[] nanos = new long[count];
    int answered = 0;
    for (int i = 0; i < count; i++) {
      OptionalLong roundTrip = centralSystem.roundTrip(action, payload.apply(i));
      if (roundTrip.isPresent()) {
        nanos[answered++] = roundTrip.getAsLong();
      }
    }
    if (answered == 0) {
      throw new IllegalStateException("no call of " + count + " was answered");
    }
    return Arrays.copyOf(nanos, answered);
  }

  /** Plug, RemoteStart, RemoteStop, unplug, as many times as asked; times the two remote commands. */
  private void sessions(ChargerProcess charger) {
    long[] starts = new long[options.sessions()];
    long[] stops = new long[options.sessions()];
    for (int session = 0; session < starts.length; session++) {
      long mark = System.nanoTime();
      charger.type("plug");
      charger.type("ev-charge");
      centralSystem.awaitStatus("Preparing", mark);

      long sent = System.nanoTime();
      expectAccepted(centralSystem.await(
          centralSystem.call("RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"BENCH-" + session + "\"}"),
          "RemoteStartTransaction"));
      LoopbackCentralSystem.Arrival start = centralSystem.awaitCall("StartTransaction", sent);
      starts[session] = start.nanos() - sent;
      centralSystem.awaitStatus("Charging", sent);
      stops[session] = remoteStop(start.transactionId());

      mark = System.nanoTime();
      charger.type("unplug");
      centralSystem.awaitStatus("Available", mark);
    }
    put(Figure.REMOTE_START_P50, Samples.percentile(starts, 50));
    put(Figure.REMOTE_START_MAX, Samples.max(starts));
    put(Figure.REMOTE_STOP_P50, Samples.percentile(stops, 50));
  }

  /** RemoteStop to StopTransaction; the Charging status came after the StartTransaction answer, so the id is known. */
  private long remoteStop(int transactionId) {
    long sent = System.nanoTime();
    expectAccepted(centralSystem.await(
        centralSystem.call("RemoteStopTransaction", "{\"transactionId\":" + transactionId + "}"), "RemoteStopTransaction"));
    return centralSystem.awaitCall("StopTransaction", sent).nanos() - sent;
  }

  private static void expectAccepted(LoopbackCentralSystem.Answer answer) {
    if (answer.error() || !answer.frame().contains("\"Accepted\"")) {
      throw new IllegalStateException("expected Accepted, got " + answer.frame());
    }
  }

  private void put(Figure figure, long nanos) {
    figures.put(figure, Samples.millis(nanos));
  }
}
