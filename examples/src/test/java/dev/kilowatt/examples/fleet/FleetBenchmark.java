package dev.kilowatt.examples.fleet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Not a test: a fleet of N stations (10,000 unless told) against a central system in another JVM on
 * loopback, with the figures printed. It stops by itself. Build first, then run from the repository root:
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package
 * java -Xmx4g -cp examples/target/test-classes:examples/target/kilowatt-simulator.jar \
 *     dev.kilowatt.examples.fleet.FleetBenchmark 10000 [STEADY_SECONDS]
 * </pre>
 *
 * <p>It starts the stations at 200 a second, waits until all are connected and booted (the target is 2
 * minutes; it gives up after 6),
 * lets them run as a public site does for a minute (or STEADY_SECONDS), prints a summary every 5 seconds, then measures the heap
 * after a GC and divides it by the stations.
 */
public final class FleetBenchmark {

  /** The target: every station connected and booted within this. */
  private static final Duration BOOT_TARGET = Duration.ofMinutes(2);
  /** How long the benchmark waits for the boot at all, so that a slow machine still gives figures. */
  private static final Duration BOOT_LIMIT = Duration.ofMinutes(6);
  private static final Duration SUMMARY = Duration.ofSeconds(5);
  private static final double RAMP = 200;
  private static final double MIB = 1024 * 1024;

  private FleetBenchmark() {}

  public static void main(String[] args) throws Exception {
    int stations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    // heartbeats start one interval (the central system's 300 s) after each boot: a longer run shows them
    Duration steady = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
    Path dataRoot = Files.createTempDirectory("kilowatt-fleet-benchmark-");
    Process centralSystem = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-cp", System.getProperty("java.class.path"), "dev.kilowatt.examples.FleetCentralSystem")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader fromCentralSystem = new BufferedReader(
            new InputStreamReader(centralSystem.getInputStream(), StandardCharsets.UTF_8));
        Writer toCentralSystem = new OutputStreamWriter(centralSystem.getOutputStream(), StandardCharsets.UTF_8)) {
      URI url = URI.create(fromCentralSystem.readLine());
      System.out.printf("Kilowatt fleet benchmark: %d stations, Java %s, %d cores, central system %s in another JVM%n",
          stations, Runtime.version(), Runtime.getRuntime().availableProcessors(), url);
      long baseline = heapAfterGc();
      FleetFile file = FleetFile.parse("ramp=" + RAMP + "\nmeterPoll=30s\n").withStations(stations);
      Fleet fleet = Fleet.start(file, url, dataRoot, Map.of());
      try {
        Summary booted = bootAll(fleet, stations);
        System.out.printf("all %d booted and connected (but those playing a lost link) after %.1f s (target %d s: %s)%n",
            stations, booted.elapsedNanos() / 1e9, BOOT_TARGET.toSeconds(),
            booted.elapsedNanos() <= BOOT_TARGET.toNanos() ? "met" : "missed");
        steady(fleet, booted, steady);
        long used = heapAfterGc() - baseline;
        System.out.printf("heap after GC: %.0f MiB for %d stations = %.1f KiB per station (baseline %.0f MiB)%n",
            used / MIB, stations, used / 1024.0 / stations, baseline / MIB);
        System.out.printf("threads in the fleet's JVM: %d%n", ManagementFactory.getThreadMXBean().getThreadCount());
        System.out.println("fleet saw: " + fleet.summary(null).line());
      } finally {
        fleet.close();
      }
      toCentralSystem.write("counts\n");
      toCentralSystem.flush();
      System.out.println(fromCentralSystem.readLine());
    } finally {
      centralSystem.destroy();
      try (Stream<Path> paths = Files.walk(dataRoot)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Summary bootAll(Fleet fleet, int stations) throws InterruptedException {
    long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
    Summary previous = null;
    while (true) {
      Summary now = fleet.summary(previous);
      if (now.connected() + now.offline() == stations && now.booted() >= stations) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not all booted within " + BOOT_LIMIT.toSeconds() + " s: " + now.line());
      }
      if (previous == null || now.elapsedNanos() - previous.elapsedNanos() >= SUMMARY.toNanos()) {
        System.out.println(now.line());
        previous = now.detached();
      }
      Thread.sleep(100);
    }
  }

  private static void steady(Fleet fleet, Summary from, Duration steady) throws InterruptedException {
    Summary previous = from.detached();
    for (long waited = 0; waited < steady.toMillis(); waited += SUMMARY.toMillis()) {
      Thread.sleep(SUMMARY.toMillis());
      Summary now = fleet.summary(previous);
      System.out.println(now.line());
      previous = now.detached();
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
