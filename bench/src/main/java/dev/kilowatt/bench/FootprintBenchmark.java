package dev.kilowatt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The footprint-and-speed benchmark of issue 11: the packaged simulator and the Node {@code ws} echo floor,
 * each as a child process against a central system in this JVM on loopback, in interleaved rounds (the
 * order swaps each round, so a neighbour's load falls on both alike). Prints each figure's median over the
 * rounds with its ratio to the floor. Run from the repository root after
 * {@code mvn -q -pl examples,bench -am -DskipTests package}.
 */
public final class FootprintBenchmark {

  private FootprintBenchmark() {
  }

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args the options: rounds, the simulator jar and its JVM flags, and the size of each workload
   * @throws Exception if the benchmark cannot run, e.g. a child process does not start
   */
  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (!Files.isRegularFile(options.jar())) {
      System.err.println("no simulator jar at " + options.jar() + "; build it: mvn -q -pl examples,bench -am -DskipTests package");
      System.exit(2);
    }
    EchoFloor.install(options.echoDir());
    List<String> jvmOptions = new ArrayList<>(options.simulatorJvmOptions());
    AotCache aot = options.aotCache();
    jvmOptions.addAll(aot.options());
    System.out.printf("Kilowatt benchmark: %d rounds, Java %s, node %s, %d cores, loopback%n", options.rounds(),
        Runtime.version(), EchoFloor.nodeVersion(), Runtime.getRuntime().availableProcessors());
    System.out.println(aot.verdict());
    System.out.println("simulator JVM options: " + (jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions)));

    Path scratch = Files.createTempDirectory("kilowatt-bench-");
    List<Map<Figure, Double>> kilowatt = new ArrayList<>();
    List<Map<Figure, Double>> echo = new ArrayList<>();
    try (LoopbackCentralSystem centralSystem = LoopbackCentralSystem.open()) {
      for (int round = 0; round < options.rounds(); round++) {
        Path dataDir = scratch.resolve("round-" + round);
        Runnable ours = measureInto(kilowatt, centralSystem, options,
            () -> ChargerProcess.kilowatt(options.jar(), jvmOptions, centralSystem.url(), dataDir));
        Runnable floor = measureInto(echo, centralSystem, options,
            () -> ChargerProcess.echo(options.echoDir(), centralSystem.url()));
        if (round % 2 == 0) {
          floor.run();
          ours.run();
        } else {
          ours.run();
          floor.run();
        }
        System.out.printf("round %d of %d done%n", round + 1, options.rounds());
      }
    } finally {
      deleteRecursively(scratch);
    }
    System.out.println();
    System.out.println(Report.table(kilowatt, echo));
  }

  private static Runnable measureInto(List<Map<Figure, Double>> rounds, LoopbackCentralSystem centralSystem,
      BenchOptions options, Supplier<ChargerProcess> start) {
    return () -> {
      try {
        rounds.add(Round.measure(centralSystem, options, start));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    };
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
