package dev.kilowatt.examples;

import dev.kilowatt.examples.fleet.FleetCommand;
import dev.kilowatt.examples.web.LiveTraffic;
import dev.kilowatt.examples.web.WebConsole;
import dev.kilowatt.ocpp.TrafficListener;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The simulated charger: {@code java -jar kilowatt-simulator.jar [--csms URL] [--id ID] [--data-dir DIR]
 * [--connectors N] [--password P] [--http PORT]} ({@code --help} lists them, {@code --version} names the build),
 * or a fleet of simulated stations with {@code --fleet N} (see {@link FleetMain} and {@link FleetCommand}).
 *
 * <p>With {@code --csms} it connects to {@code URL/ID} and takes console commands on standard input until
 * {@code quit} (and keeps running once the input ends, so it can be driven by a pipe and killed). Without it,
 * it plays one charging session against a demo central system on loopback and exits. Either way, every OCPP
 * frame sent ({@code ->}) and received ({@code <-}) is printed, one line each.
 */
public final class SimulatedCharger {

  private SimulatedCharger() {}

  /**
   * Runs the simulator as the class comment describes.
   *
   * @param args the options the class comment lists
   */
  public static void main(String[] args) {
    if (FleetMain.wanted(args)) {
      System.exit(CommandLines.of(new FleetMain()).execute(args));
    }
    System.exit(CommandLines.of(new Main()).execute(args));
  }

  /** The command: help, version and a bad command line are picocli's; everything else runs the charger. */
  @Command(name = "kilowatt-simulator", mixinStandardHelpOptions = true, versionProvider = KilowattVersion.class,
      description = "A simulated charger. With --csms it connects to URL/ID and takes console commands on standard input;"
          + " without it, a demo central system starts on loopback and one charging session plays.",
      footer = {"", "Console commands, one a line on standard input:", ConsoleCommand.HELP})
  static final class Main implements Callable<Integer> {

    @Mixin
    private SimulatorOptions.Line line = new SimulatorOptions.Line();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
      SimulatorOptions options;
      try {
        options = line.options();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      try {
        options.dataDirectory().ifPresent(SimulatedCharger::prepareDataDirectory);
      } catch (UncheckedIOException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      PrintStream out = System.out;
      try {
        return options.centralSystem()
            .map(url -> runConsole(options, url, out))
            .orElseGet(() -> DemoSession.run(options, out));
      } catch (Simulator.RefusedSettings e) {
        throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage(), e);
      }
    }
  }

  private static int runConsole(SimulatorOptions options, URI url, PrintStream out) {
    Path dataDirectory = options.dataDirectory().orElseGet(SimulatedCharger::temporaryDataDirectory);
    Optional<LiveTraffic> traffic = options.httpPort().map(port -> new LiveTraffic());
    Simulator simulator;
    try {
      simulator = Simulator.start(settings(options, url, dataDirectory), consoleTraffic(new TrafficPrinter(out), traffic),
          line -> out.println("# " + line));
    } catch (Simulator.RefusedSettings e) {
      if (options.dataDirectory().isEmpty()) {
        deleteRecursively(dataDirectory);
      }
      throw e;
    }
    traffic.ifPresent(kept -> out.println("# web console on http://127.0.0.1:"
        + WebConsole.start(options.httpPort().orElseThrow(), new SimulatorStation(simulator), kept).port() + "/"));
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

  /**
   * What the console does with each frame: prints it, and keeps it for the web console when there is one. Without
   * one nothing else hears the frames: keeping the last 500 of them (a GetConfiguration answer is 3 KB) and parsing
   * each for its action cost a charger nobody watches 2 MB of heap and a JSON parse per frame.
   */
  static TrafficListener consoleTraffic(TrafficPrinter printer, Optional<LiveTraffic> webConsole) {
    return webConsole.<TrafficListener>map(kept -> (direction, text) -> {
      printer.onFrame(direction, text);
      kept.onFrame(direction, text);
    }).orElse(printer);
  }

  /** The settings the command line asks for. */
  static SimulatorSettings settings(SimulatorOptions options, URI url, Path dataDirectory) {
    SimulatorSettings settings = SimulatorSettings.of(url, options.chargePointId(), dataDirectory).withConnectors(options.connectors())
        .withConnectorKind(options.phases(), options.socket()).withProtocol(options.protocol());
    if (options.configurationFile().isPresent()) {
      settings = settings.withConfigurationFile(options.configurationFile().get());
    }
    if (options.password().isPresent()) {
      settings = settings.withConfiguration("AuthorizationKey", ConnectionOptions.authorizationKey(options.password().get()))
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
