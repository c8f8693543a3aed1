package dev.kilowatt.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures the packaged simulated charger on loopback against a minimal central system, and
 * prints the figures. Build first, then run from the repository root:
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package
 * java -cp examples/target/test-classes:examples/target/kilowatt-simulator.jar dev.kilowatt.examples.Benchmark
 * </pre>
 *
 * <p>It measures the time from starting the JVM to the first BootNotification, the round trip of
 * central-system requests (GetConfiguration, ChangeConfiguration), RemoteStartTransaction to
 * StartTransaction and RemoteStopTransaction to StopTransaction, and runs a full session in a JVM limited to
 * a 32 MB heap.
 */
public final class Benchmark {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int BOOT_RUNS = 5;
  private static final int WARM_UP_REQUESTS = 500;
  private static final int REQUESTS = 1000;
  private static final int WARM_UP_SESSIONS = 5;
  private static final int SESSIONS = 30;

  private final Path jar;
  private final Path scratch;

  private Benchmark(Path jar, Path scratch) {
    this.jar = jar;
    this.scratch = scratch;
  }

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args.length > 0 ? args[0] : "examples/target/kilowatt-simulator.jar");
    if (!Files.isRegularFile(jar)) {
      System.err.println("no simulator jar at " + jar + "; build it first: mvn -q -pl examples -am -DskipTests package");
      System.exit(2);
    }
    Path scratch = Files.createTempDirectory("kilowatt-benchmark-");
    try {
      System.out.printf("Kilowatt benchmark: %s, Java %s, %d cores, loopback, simulated hardware%n", jar,
          Runtime.version(), Runtime.getRuntime().availableProcessors());
      Benchmark benchmark = new Benchmark(jar, scratch);
      benchmark.firstBootNotification();
      benchmark.requestLatencies();
      benchmark.smallHeap();
    } finally {
      SimulatedCharger.deleteRecursively(scratch);
    }
  }

  // ------------------------------------------------------------------ measurements

  private void firstBootNotification() {
    long[] millis = new long[BOOT_RUNS];
    for (int run = 0; run < BOOT_RUNS; run++) {
      try (LoopbackCentralSystem centralSystem = LoopbackCentralSystem.open()) {
        long started = System.nanoTime();
        try (SimulatorProcess charger = startCharger(centralSystem, List.of(), "boot-" + run)) {
          long arrived = centralSystem.awaitCall("BootNotification", started).nanos();
          millis[run] = TimeUnit.NANOSECONDS.toMillis(arrived - started);
        }
      }
    }
    Arrays.sort(millis);
    System.out.printf("JVM start -> first BootNotification (%d runs): min %d ms, median %d ms, max %d ms%n", BOOT_RUNS,
        millis[0], millis[BOOT_RUNS / 2], millis[BOOT_RUNS - 1]);
  }

  private void requestLatencies() {
    try (LoopbackCentralSystem centralSystem = LoopbackCentralSystem.open();
        SimulatorProcess charger = startCharger(centralSystem, List.of(), "latency")) {
      centralSystem.awaitCall("BootNotification", 0);
      centralSystem.awaitStatus(1, "Available", 0);

      ObjectNode getOne = DemoBackOffice.JSON.createObjectNode();
      getOne.putArray("key").add("HeartbeatInterval");
      for (int i = 0; i < WARM_UP_REQUESTS; i++) {
        centralSystem.roundTrip("GetConfiguration", getOne);
        centralSystem.roundTrip("ChangeConfiguration", change("MeterValueSampleInterval", 60 + i % 2));
      }
      long[] get = new long[REQUESTS];
      for (int i = 0; i < REQUESTS; i++) {
        get[i] = centralSystem.roundTrip("GetConfiguration", getOne).nanos();
      }
      report("GetConfiguration request -> response", get);
      long[] set = new long[REQUESTS];
      for (int i = 0; i < REQUESTS; i++) {
        set[i] = centralSystem.roundTrip("ChangeConfiguration", change("MeterValueSampleInterval", 60 + i % 2)).nanos();
      }
      report("ChangeConfiguration request -> response (persisted, fsync)", set);

      long[] starts = new long[SESSIONS];
      long[] stops = new long[SESSIONS];
      for (int session = -WARM_UP_SESSIONS; session < SESSIONS; session++) {
        long mark = System.nanoTime();
        charger.type("plug");
        charger.type("ev-charge");
        centralSystem.awaitStatus(1, "Preparing", mark);

        ObjectNode remoteStart = DemoBackOffice.JSON.createObjectNode().put("connectorId", 1).put("idTag", "BENCH-" + session);
        long sent = System.nanoTime();
        expectStatus(centralSystem.roundTrip("RemoteStartTransaction", remoteStart), "Accepted");
        long start = centralSystem.awaitCall("StartTransaction", sent).nanos() - sent;
        centralSystem.awaitStatus(1, "Charging", sent);
        int transactionId = centralSystem.lastTransactionId();

        ObjectNode remoteStop = DemoBackOffice.JSON.createObjectNode().put("transactionId", transactionId);
        long stop = remoteStopToStopTransaction(centralSystem, remoteStop);
        if (session >= 0) {
          starts[session] = start;
          stops[session] = stop;
        }

        mark = System.nanoTime();
        charger.type("unplug");
        centralSystem.awaitStatus(1, "Available", mark);
      }
      report("RemoteStartTransaction -> StartTransaction (Authorize round trip included)", starts);
      report("RemoteStopTransaction -> StopTransaction", stops);
    }
  }

  /** Sends RemoteStop until the charge point knows the transaction id (it may still be on its way), then times it. */
  private static long remoteStopToStopTransaction(LoopbackCentralSystem centralSystem, ObjectNode remoteStop) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      long sent = System.nanoTime();
      JsonNode answer = centralSystem.roundTrip("RemoteStopTransaction", remoteStop).payload();
      if (answer.path("status").asText().equals("Accepted")) {
        return centralSystem.awaitCall("StopTransaction", sent).nanos() - sent;
      }
    }
    throw new IllegalStateException("RemoteStopTransaction never accepted");
  }

  private void smallHeap() {
    List<String> smallHeap = List.of("-Xmx32m");
    long started = System.nanoTime();
    try (LoopbackCentralSystem centralSystem = LoopbackCentralSystem.open();
        SimulatorProcess charger = startCharger(centralSystem, smallHeap, "small-heap")) {
      centralSystem.awaitCall("BootNotification", 0);
      centralSystem.awaitStatus(1, "Available", 0);
      expectStatus(centralSystem.roundTrip("ChangeConfiguration", change("MeterValueSampleInterval", 1)), "Accepted");
      long mark = System.nanoTime();
      charger.type("card BENCH-SMALL");
      charger.type("plug");
      charger.type("ev-charge");
      centralSystem.awaitCall("StartTransaction", mark);
      for (int i = 0; i < 5; i++) {
        mark = centralSystem.awaitCall("MeterValues", mark).nanos() + 1;
      }
      charger.type("unplug");
      JsonNode stop = centralSystem.awaitCall("StopTransaction", mark).payload();
      charger.type("quit");
      int status = charger.exitStatus(TIMEOUT);
      System.out.printf("Full session with -Xmx32m (boot, card, plug, charge, 5 MeterValues, unplug, stop): exit %d, "
          + "stop reason %s, meterStop %d Wh, %d ms%n", status, stop.path("reason").asText(), stop.path("meterStop").asLong(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    started = System.nanoTime();
    try (SimulatorProcess demo = SimulatorProcess.startJar(jar, smallHeap)) {
      int status = demo.exitStatus(TIMEOUT);
      System.out.printf("Demo (java -Xmx32m -jar %s): exit %d in %d ms%n", jar.getFileName(), status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
  }

  // ------------------------------------------------------------------ helpers

  private SimulatorProcess startCharger(LoopbackCentralSystem centralSystem, List<String> jvmOptions, String name) {
    return SimulatorProcess.startJar(jar, jvmOptions, "--csms", centralSystem.url(), "--id", "KW-BENCH",
        "--data-dir", scratch.resolve(name).toString());
  }

  private static ObjectNode change(String key, int value) {
    return DemoBackOffice.JSON.createObjectNode().put("key", key).put("value", Integer.toString(value));
  }

  private static void expectStatus(LoopbackCentralSystem.Timed answer, String status) {
    if (!answer.payload().path("status").asText().equals(status)) {
      throw new IllegalStateException("expected " + status + ", got " + answer.payload());
    }
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%s (%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length, millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
  }

  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /**
   * The benchmark's central system: the demo back office answers the charge point, and it sends calls of its
   * own, timing each answer and each call of the charge point when it arrives (on the socket's thread).
   */
  private static final class LoopbackCentralSystem implements AutoCloseable {

    /** A frame's payload and when it arrived (System.nanoTime), or how long its round trip took. */
    record Timed(long nanos, JsonNode payload) {}

    private record Arrival(String action, long nanos, JsonNode payload) {}

    private final DemoBackOffice backOffice = new DemoBackOffice(answered -> { });
    private final Map<String, CompletableFuture<Timed>> pending = new HashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong();
    private int lastTransactionId;
    private DemoCentralSystem server;

    static LoopbackCentralSystem open() {
      LoopbackCentralSystem centralSystem = new LoopbackCentralSystem();
      centralSystem.server = DemoCentralSystem.open(centralSystem::onFrame);
      return centralSystem;
    }

    String url() {
      return server.url().toString();
    }

    /** Sends a call and waits for its answer; the time is the round trip. */
    Timed roundTrip(String action, ObjectNode payload) {
      String id = "b" + nextId.incrementAndGet();
      CompletableFuture<Timed> answer = new CompletableFuture<>();
      synchronized (this) {
        pending.put(id, answer);
      }
      ArrayNode frame = DemoBackOffice.JSON.createArrayNode().add(DemoBackOffice.CALL).add(id).add(action);
      frame.add(payload);
      long sent = System.nanoTime();
      server.broadcast(frame.toString());
      try {
        Timed received = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new Timed(received.nanos() - sent, received.payload());
      } catch (Exception e) {
        throw new IllegalStateException("no answer to " + action + ": " + e, e);
      }
    }

    /** Waits for a call of {@code action} from the charge point that arrived after {@code after} (System.nanoTime). */
    synchronized Timed awaitCall(String action, long after) {
      return await(a -> a.action().equals(action) && a.nanos() > after, action);
    }

    synchronized Timed awaitStatus(int connectorId, String status, long after) {
      return await(a -> a.action().equals("StatusNotification") && a.nanos() > after
          && a.payload().path("connectorId").asInt() == connectorId && a.payload().path("status").asText().equals(status),
          "StatusNotification " + status);
    }

    synchronized int lastTransactionId() {
      return lastTransactionId;
    }

    private Timed await(java.util.function.Predicate<Arrival> test, String what) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (true) {
        Optional<Arrival> found = arrivals.stream().filter(test).findFirst();
        if (found.isPresent()) {
          return new Timed(found.get().nanos(), found.get().payload());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("no " + what + " within " + TIMEOUT.toSeconds() + " s");
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }

    private Optional<String> onFrame(String text) {
      long arrived = System.nanoTime();
      JsonNode frame;
      try {
        frame = DemoBackOffice.JSON.readTree(text);
      } catch (JsonProcessingException e) {
        return backOffice.answer(text);
      }
      int type = frame.path(0).asInt();
      String id = frame.path(1).asText();
      if (type == DemoBackOffice.CALL_RESULT || type == DemoBackOffice.CALL_ERROR) {
        CompletableFuture<Timed> answer;
        synchronized (this) {
          answer = pending.remove(id);
        }
        if (answer != null) {
          answer.complete(new Timed(arrived, type == DemoBackOffice.CALL_RESULT ? frame.path(2) : frame));
          return Optional.empty();
        }
      }
      Optional<String> reply = backOffice.answer(text);
      if (type == DemoBackOffice.CALL) {
        synchronized (this) {
          arrivals.add(new Arrival(frame.path(2).asText(), arrived, frame.path(3)));
          reply.flatMap(LoopbackCentralSystem::transactionId).ifPresent(txId -> lastTransactionId = txId);
          notifyAll();
        }
      }
      return reply;
    }

    private static Optional<Integer> transactionId(String reply) {
      try {
        JsonNode id = DemoBackOffice.JSON.readTree(reply).path(2).path("transactionId");
        return id.isInt() ? Optional.of(id.asInt()) : Optional.empty();
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
