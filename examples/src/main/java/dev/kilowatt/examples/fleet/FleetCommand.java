package dev.kilowatt.examples.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The simulator's fleet mode, {@code kilowatt-simulator --csms URL --fleet N [--fleet-file F]
 * [--fleet-offset K | --fleet-slice I] [--data-dir DIR] [--password P] [--config FILE]} (the command line is the
 * simulator's, on picocli). It runs the fleet, prints a summary line every few seconds, and stops after the
 * fleet file's {@code runFor}, or when the process is stopped.
 */
public final class FleetCommand {

  /**
   * The stations' own log: thousands of stations each logging their faults, lost links and start-up
   * security events would drown the summary, which counts them anyway. Held here, as the logging system
   * keeps loggers only while someone does.
   */
  private static final java.util.logging.Logger STATIONS_LOG = java.util.logging.Logger.getLogger("dev.kilowatt");

  private FleetCommand() {}

  /**
   * Reads the fleet file and applies the command line's numbers to it, as {@link #run} does first.
   *
   * @param options the command line, read
   * @throws IllegalArgumentException or {@link UncheckedIOException} naming the fleet file or the setting when
   *     the fleet cannot be run as asked
   */
  public static void check(Options options) {
    options.file();
  }

  /**
   * Runs the fleet until the fleet file's {@code runFor} has passed, or forever.
   *
   * @param options the command line, read
   * @param out where the summary lines go
   * @return the exit status
   * @throws IllegalArgumentException or {@link UncheckedIOException} naming the fleet file or the setting, before
   *     any station starts, when the fleet cannot be run as asked
   * @throws RefusedConfiguration before any station starts, when the stations' charge point refuses the
   *     factory configuration
   */
  public static int run(Options options, PrintStream out) {
    FleetFile file = options.file();
    if (System.getProperty("java.util.logging.config.file") == null) {
      STATIONS_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
    Path root = options.dataDirectory().orElseGet(FleetCommand::temporaryDirectory);
    Fleet fleet;
    try {
      fleet = Fleet.start(file, options.centralSystem(), root, options.factoryConfiguration());
    } catch (RefusedConfiguration e) {
      if (options.dataDirectory().isEmpty()) {
        delete(root);
      }
      throw e;
    }
    out.printf("# fleet of %d stations %s to %s, %d connector(s) each, seed %d, ramp %.0f/s%n", file.stations(),
        file.chargePointId(file.offset()) + ".." + file.chargePointId(file.offset() + file.stations() - 1),
        options.centralSystem(), file.connectors(), file.seed(), file.rampPerSecond());
    Thread hook = new Thread(() -> finish(fleet, root, options.dataDirectory().isEmpty()), "fleet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      report(fleet, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    finish(fleet, root, options.dataDirectory().isEmpty());
    return 0;
  }

  /** Prints a summary every {@code summary}, until {@code runFor} has passed (forever if it is zero). */
  private static void report(Fleet fleet, PrintStream out) throws InterruptedException {
    FleetFile file = fleet.file();
    long end = file.runFor().isZero() ? Long.MAX_VALUE : System.nanoTime() + file.runFor().toNanos();
    Summary previous = null;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(file.summaryEvery().toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      Summary now = fleet.summary(previous);
      out.println(now.line());
      previous = now.detached();
    }
  }

  private static void finish(Fleet fleet, Path root, boolean temporary) {
    fleet.close();
    if (temporary) {
      delete(root);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("kilowatt-fleet-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  /** The stations' charge point refuses the factory configuration: the message names each key and why. */
  public static final class RefusedConfiguration extends RuntimeException {
    RefusedConfiguration(IllegalArgumentException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * What a fleet command line asks for, as the simulator's command line reads it.
   *
   * @param centralSystem the central system's base URL; each station connects to URL/ID
   * @param fleetFile the fleet's description, if any (else every setting's default)
   * @param stations how many stations, overriding the fleet file's
   * @param offset the number of the first station, overriding the fleet file's
   * @param slice the pod's index: the stations are numbered from slice * stations (not with {@code offset})
   * @param dataDirectory where each station keeps its state, in DIR/ID; absent means a temporary directory, deleted
   * @param factoryConfiguration the OCPP configuration every station starts with
   */
  public record Options(URI centralSystem, Optional<Path> fleetFile, OptionalInt stations, OptionalInt offset, OptionalInt slice,
      Optional<Path> dataDirectory, Map<String, String> factoryConfiguration) {

    /**
     * Checks what can be checked without reading the fleet file.
     *
     * @throws IllegalArgumentException when both an offset and a slice are given
     */
    public Options {
      Objects.requireNonNull(centralSystem, "centralSystem");
      Objects.requireNonNull(fleetFile, "fleetFile");
      Objects.requireNonNull(stations, "stations");
      Objects.requireNonNull(offset, "offset");
      Objects.requireNonNull(slice, "slice");
      Objects.requireNonNull(dataDirectory, "dataDirectory");
      factoryConfiguration = Map.copyOf(factoryConfiguration);
      if (offset.isPresent() && slice.isPresent()) {
        throw new IllegalArgumentException("give --fleet-offset or --fleet-slice, not both");
      }
    }

    /** The fleet file with the command line's numbers applied; fails, naming the file, when it is unusable. */
    FleetFile file() {
      FleetFile file = fleetFile.map(FleetFile::read).orElseGet(() -> FleetFile.parse(""));
      if (stations.isPresent()) {
        file = file.withStations(stations.getAsInt());
      }
      if (offset.isPresent()) {
        file = file.withOffset(offset.getAsInt());
      }
      if (slice.isPresent()) {
        file = file.withOffset(Math.multiplyExact(slice.getAsInt(), file.stations()));
      }
      return file;
    }
  }
}
