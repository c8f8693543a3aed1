package dev.kilowatt.examples;

import dev.kilowatt.examples.DemoBackOffice.Answered;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo: one complete charging session of the simulated charger against the demo central system, driven
 * by the same console commands a person would type. Each step waits (bounded) for the central system to
 * have seen what the step causes, so the session runs as fast as the charger does.
 */
final class DemoSession {

  static final String CARD = "04A2B3C4D5E6F7";
  /** Meter values are sampled every second; the demo watches this many while the EV charges. */
  static final int CHARGING_SAMPLES = 3;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

  private final Simulator simulator;
  private final Console console;
  private final Exchange exchange;
  private final PrintStream out;

  private DemoSession(Simulator simulator, Exchange exchange, PrintStream out) {
    this.simulator = simulator;
    this.console = new Console(simulator, out);
    this.exchange = exchange;
    this.out = out;
  }

  /**
   * Plays the demo, printing the OCPP exchange to {@code out}.
   *
   * @return the process exit status: 0 when the session completed
   */
  static int run(SimulatorOptions options, PrintStream out) {
    Path dataDirectory = options.dataDirectory().orElseGet(SimulatedCharger::temporaryDataDirectory);
    Exchange exchange = new Exchange();
    try (DemoCentralSystem centralSystem = DemoCentralSystem.open(exchange::add)) {
      out.println("# demo central system listening on " + centralSystem.url());
      SimulatorSettings settings = SimulatedCharger.settings(options, centralSystem.url(), dataDirectory)
          .withConfiguration("MeterValueSampleInterval", "1");
      Simulator simulator = Simulator.start(settings, new TrafficPrinter(out), line -> out.println("# " + line));
      try {
        new DemoSession(simulator, exchange, out).play();
        return 0;
      } catch (IllegalStateException e) {
        out.println("# demo failed: " + e.getMessage());
        return 1;
      } finally {
        simulator.close();
      }
    } finally {
      if (options.dataDirectory().isEmpty()) {
        SimulatedCharger.deleteRecursively(dataDirectory);
      }
    }
  }

  private void play() {
    exchange.next(STEP_TIMEOUT, "BootNotification", a -> a.is("BootNotification"));
    for (int connector = 0; connector <= simulator.settings().connectors(); connector++) {
      int id = connector;
      exchange.seen(STEP_TIMEOUT, "StatusNotification of connector " + id,
          a -> a.is("StatusNotification") && a.payload().path("connectorId").asInt() == id);
    }

    type("card " + CARD);
    exchange.next(STEP_TIMEOUT, "Authorize", a -> a.is("Authorize"));

    type("plug 1");
    Answered start = exchange.next(STEP_TIMEOUT, "StartTransaction", a -> a.is("StartTransaction"));

    type("ev-charge 1");
    exchange.next(STEP_TIMEOUT, "StatusNotification Charging", a -> a.isStatus(1, "Charging"));
    for (int i = 1; i <= CHARGING_SAMPLES; i++) {
      exchange.next(STEP_TIMEOUT, "MeterValues " + i + " of " + CHARGING_SAMPLES, a -> a.is("MeterValues"));
    }

    type("unplug 1");
    Answered stop = exchange.seen(STEP_TIMEOUT, "StopTransaction", a -> a.is("StopTransaction"));
    exchange.seen(STEP_TIMEOUT, "StatusNotification Available", a -> a.isStatus(1, "Available"));
    simulator.link().awaitAnswers(STEP_TIMEOUT);

    long meterStart = start.payload().path("meterStart").asLong();
    long meterStop = stop.payload().path("meterStop").asLong();
    out.printf("# session complete: %d Wh charged (meterStart %d Wh, meterStop %d Wh), stop reason %s%n",
        meterStop - meterStart, meterStart, meterStop, stop.payload().path("reason").asText("Local"));
  }

  /** Prints a console command, then carries it out. */
  private void type(String line) {
    out.println("# " + line);
    console.execute(ConsoleCommand.parse(line, simulator.settings().connectors()).orElseThrow());
  }

}
