package dev.kilowatt.examples;

import dev.kilowatt.examples.fleet.FleetCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The simulated charger: {@code java -jar kilowatt-simulator.jar [--csms URL] [--id ID] [--data-dir DIR]
 * [--connectors N] [--password P]}.
 *
 * <p>With {@code --csms} it connects to {@code URL/ID} and takes console commands on standard input until
 * {@code quit} (and keeps running once the input ends, so it can be driven by a pipe and killed). Without it,
 * it plays one charging session against a demo central system on loopback and exits. Either way, every OCPP
 * frame sent ({@code ->}) and received ({@code <-}) is printed, one line each.
 */
public final class SimulatedCharger {

  /** Exit status for a command line that cannot be used. */
  static final int USAGE_ERROR = 2;

  private SimulatedCharger() {}

  public static void main(String[] args) {
    quietLogging();
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(SimulatorOptions.USAGE);
      return;
    }
    if (FleetCommand.wanted(args)) {
      System.exit(FleetCommand.run(args, System.out, System.err));
      return;
    }
    SimulatorOptions options;
    try {
      options = SimulatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(SimulatorOptions.USAGE);
      System.exit(USAGE_ERROR);
      return;
    }
    try {
      options.dataDirectory().ifPresent(SimulatedCharger::prepareDataDirectory);
    } catch (UncheckedIOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }
    PrintStream out = System.out;
    int status = options.centralSystem()
        .map(url -> runConsole(options, url, out))
        .orElseGet(() -> DemoSession.run(options, out));
    System.exit(status);
  }

  /**
   * Standard output is the OCPP traffic: unless a logging configuration is given, only warnings and errors
   * are logged, one line each, on standard error.
   */
  private static void quietLogging() {
    if (System.getProperty("java.util.logging.config.file") == null && System.getProperty("java.util.logging.config.class") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
      Logger root = LogManager.getLogManager().getLogger("");
      root.setLevel(java.util.logging.Level.WARNING);
      for (Handler handler : root.getHandlers()) {
        handler.setLevel(java.util.logging.Level.WARNING);
      }
    }
  }

  private static int runConsole(SimulatorOptions options, URI url, PrintStream out) {
    Path dataDirectory = options.dataDirectory().orElseGet(SimulatedCharger::temporaryDataDirectory);
    Simulator simulator = Simulator.start(settings(options, url, dataDirectory), new TrafficPrinter(out), line -> out.println("# " + line));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      if (options.dataDirectory().isEmpty()) {
        deleteRecursively(dataDirectory);
      }
    }, "simulator-shutdown"));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    boolean quit;
    try {
      quit = new Console(simulator, out).run(in);
    } catch (IOException e) {
      System.err.println("error: cannot read standard input any more: " + e.getMessage());
      quit = false;
    }
    if (!quit) {
      out.println("# end of input: the simulator keeps running until it is stopped (Ctrl-C or a signal)");
      try {
        simulator.awaitClosed();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return 0;
  }

  /** The settings the command line asks for. */
  static SimulatorSettings settings(SimulatorOptions options, URI url, Path dataDirectory) {
    SimulatorSettings settings = SimulatorSettings.of(url, options.chargePointId(), dataDirectory).withConnectors(options.connectors())
        .withConnectorKind(options.phases(), options.socket());
    if (options.password().isPresent()) {
      settings = settings.withConfiguration("AuthorizationKey", SimulatorOptions.authorizationKey(options.password().get()))
          .withConfiguration("SecurityProfile", "1");
    }
    return settings;
  }

  /** Creates the data directory if needed, and makes sure the simulator can keep its state there. */
  private static void prepareDataDirectory(Path directory) {
    IOException problem;
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      problem = new IOException("it is a file, not a directory");
    } else {
      try {
        Files.createDirectories(directory);
        if (Files.isWritable(directory)) {
          return;
        }
        problem = new IOException("it is not writable");
      } catch (IOException e) {
        problem = e;
      }
    }
    throw new UncheckedIOException("cannot use --data-dir " + directory + ": " + problem.getMessage(), problem);
  }

  static Path temporaryDataDirectory() {
    try {
      return Files.createTempDirectory("kilowatt-simulator-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + directory + ": " + e.getMessage());
    }
  }
}
