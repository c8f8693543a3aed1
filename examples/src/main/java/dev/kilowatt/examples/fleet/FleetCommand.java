package dev.kilowatt.examples.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The simulator's fleet mode: {@code --csms URL --fleet N [--fleet-file F] [--fleet-offset K | --fleet-slice I]
 * [--data-dir DIR] [--password P]}. It runs the fleet, prints a summary line every few seconds, and stops
 * after the fleet file's {@code runFor}, or when the process is stopped.
 */
public final class FleetCommand {

  /** Exit status for a command line that cannot be used. */
  public static final int USAGE_ERROR = 2;

  /** The fleet mode's options, as the help text lists them. */
  public static final String USAGE = """
      fleet mode: java -jar kilowatt-simulator.jar --csms URL --fleet N [--fleet-file F]
                  [--fleet-offset K | --fleet-slice I] [--data-dir DIR] [--password P]
        --fleet N         run N simulated stations in this process
        --fleet-file F    the fleet's description (properties: idPattern, connectors, seed, ramp, behaviour...)
        --fleet-offset K  number the stations from K (default: the file's offset, else 0)
        --fleet-slice I   number them from I * N: pod I of an indexed Kubernetes job takes slice I
        --data-dir DIR    keep each station's state in DIR/<id> (default: a temporary directory, deleted)
        --password P      every station's HTTP Basic authentication key (AuthorizationKey)""";

  /**
   * The stations' own log: thousands of stations each logging their faults, lost links and start-up
   * security events would drown the summary, which counts them anyway. Held here, as the logging system
   * keeps loggers only while someone does.
   */
  private static final java.util.logging.Logger STATIONS_LOG = java.util.logging.Logger.getLogger("dev.kilowatt");

  private FleetCommand() {}

  /**
   * Whether {@code args} ask for fleet mode.
   *
   * @param args the command line
   * @return whether it holds {@code --fleet} or {@code --fleet-file}
   */
  public static boolean wanted(String... args) {
    return List.of(args).contains("--fleet") || List.of(args).contains("--fleet-file");
  }

  /**
   * Runs the fleet {@code args} describe; returns the exit status.
   *
   * @param args the command line
   * @param out where the stations' progress goes
   * @param err where errors in the command line go
   * @return 0 once the fleet has run its time or was stopped, non-zero for a command line it refused
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return USAGE_ERROR;
    }
    if (System.getProperty("java.util.logging.config.file") == null) {
      STATIONS_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
    Path root = options.dataDirectory().orElseGet(FleetCommand::temporaryDirectory);
    FleetFile file = options.file();
    out.printf("# fleet of %d stations %s to %s, %d connector(s) each, seed %d, ramp %.0f/s%n", file.stations(),
        file.chargePointId(file.offset()) + ".." + file.chargePointId(file.offset() + file.stations() - 1),
        options.centralSystem(), file.connectors(), file.seed(), file.rampPerSecond());
    Fleet fleet = Fleet.start(file, options.centralSystem(), root, options.factoryConfiguration());
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
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not delete " + root + ": " + e.getMessage());
      }
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("kilowatt-fleet-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  /** The fleet-mode command line, read. */
  record Options(URI centralSystem, FleetFile file, Optional<Path> dataDirectory, Optional<String> password) {

    static Options parse(String... args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        String option = args[i];
        if (!List.of("--csms", "--fleet", "--fleet-file", "--fleet-offset", "--fleet-slice", "--data-dir",
            "--password").contains(option)) {
          throw new IllegalArgumentException("unknown option in fleet mode: " + option);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        if (values.put(option, args[i + 1]) != null) {
          throw new IllegalArgumentException(option + " given twice");
        }
      }
      String url = Optional.ofNullable(values.get("--csms"))
          .orElseThrow(() -> new IllegalArgumentException("fleet mode needs --csms URL"));
      URI csms = URI.create(url);
      if (!"ws".equals(csms.getScheme()) && !"wss".equals(csms.getScheme()) || csms.getHost() == null) {
        throw new IllegalArgumentException("--csms needs a ws:// or wss:// URL with a host: " + url);
      }
      FleetFile file = Optional.ofNullable(values.get("--fleet-file")).map(f -> FleetFile.read(Path.of(f)))
          .orElseGet(() -> FleetFile.parse(""));
      if (values.containsKey("--fleet")) {
        file = file.withStations(number("--fleet", values.get("--fleet")));
      }
      if (values.containsKey("--fleet-offset") && values.containsKey("--fleet-slice")) {
        throw new IllegalArgumentException("give --fleet-offset or --fleet-slice, not both");
      }
      if (values.containsKey("--fleet-offset")) {
        file = file.withOffset(number("--fleet-offset", values.get("--fleet-offset")));
      }
      if (values.containsKey("--fleet-slice")) {
        file = file.withOffset(Math.multiplyExact(number("--fleet-slice", values.get("--fleet-slice")), file.stations()));
      }
      Optional<String> password = Optional.ofNullable(values.get("--password"));
      if (password.isPresent() && (password.get().isEmpty()
          || password.get().getBytes(StandardCharsets.UTF_8).length > 20)) {
        throw new IllegalArgumentException("--password must be 1 to 20 bytes (the AuthorizationKey holds at most 20)");
      }
      return new Options(csms, file, Optional.ofNullable(values.get("--data-dir")).map(Path::of), password);
    }

    private static int number(String option, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, like a negative number
      }
      throw new IllegalArgumentException(option + " needs a whole number of 0 or more: " + value);
    }

    /** The OCPP configuration every station starts with: with a password, security profile 1. */
    Map<String, String> factoryConfiguration() {
      return password.map(p -> Map.of("AuthorizationKey",
          HexFormat.of().formatHex(p.getBytes(StandardCharsets.UTF_8)), "SecurityProfile", "1")).orElse(Map.of());
    }
  }
}
