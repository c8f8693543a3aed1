package dev.kilowatt.examples;

import dev.kilowatt.examples.DemoBackOffice.Answered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo: one complete charging session of the simulated charger against the demo central system, driven
 * by the same console commands a person would type, then a session the central system runs remotely (it
 * reads and changes the configuration, triggers a Heartbeat, starts and stops the transaction). Each step
 * waits (bounded) for the central system to have seen what the step causes, so the session runs as fast
 * as the charger does.
 *
 * <p>The build's AOT training run plays this demo, so every path it takes is in the cache: the calls a
 * central system makes are here because without them the first GetConfiguration, ChangeConfiguration,
 * TriggerMessage and RemoteStartTransaction after a boot paid for loading and linking their classes
 * (155 to 290 ms each, against 2 to 20 ms afterwards).
 */
final class DemoSession {

  static final String CARD = "04A2B3C4D5E6F7";
  /** Meter values are sampled every second; the demo watches this many while the EV charges. */
  static final int CHARGING_SAMPLES = 3;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

  private final Simulator simulator;
  private final Console console;
  private final Exchange exchange;
  private final DemoBackOffice backOffice;
  private final DemoCentralSystem centralSystem;
  private final PrintStream out;

  private DemoSession(Simulator simulator, Exchange exchange, DemoBackOffice backOffice,
      DemoCentralSystem centralSystem, PrintStream out) {
    this.simulator = simulator;
    this.console = new Console(simulator, out);
    this.exchange = exchange;
    this.backOffice = backOffice;
    this.centralSystem = centralSystem;
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
    DemoBackOffice backOffice = new DemoBackOffice(exchange::add);
    try (DemoCentralSystem centralSystem = DemoCentralSystem.open(backOffice::answer)) {
      out.println("# demo central system listening on " + centralSystem.url());
      SimulatorSettings settings = SimulatedCharger.settings(options, centralSystem.url(), dataDirectory)
          .withConfiguration("MeterValueSampleInterval", "1");
      Simulator simulator = Simulator.start(settings, new TrafficPrinter(out), line -> out.println("# " + line));
      try {
        DemoSession demo = new DemoSession(simulator, exchange, backOffice, centralSystem, out);
        demo.play();
        demo.playRemotely();
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

  private void playRemotely() {
    out.println("# the central system reads and changes the configuration, then runs a session remotely");
    JsonNode keys = ask("GetConfiguration", DemoBackOffice.JSON.createObjectNode());
    expect(keys.path("configurationKey").size() > 0, "GetConfiguration listed no keys");
    expectStatus("Accepted", ask("ChangeConfiguration",
        DemoBackOffice.JSON.createObjectNode().put("key", "MeterValueSampleInterval").put("value", "1")));
    expectStatus("Accepted", ask("TriggerMessage",
        DemoBackOffice.JSON.createObjectNode().put("requestedMessage", "Heartbeat")));
    exchange.next(STEP_TIMEOUT, "the triggered Heartbeat", a -> a.is("Heartbeat"));

    expectStatus("Accepted", ask("RemoteStartTransaction",
        DemoBackOffice.JSON.createObjectNode().put("connectorId", 1).put("idTag", CARD)));
    type("plug 1");
    Answered start = exchange.next(STEP_TIMEOUT, "StartTransaction", a -> a.is("StartTransaction"));
    int transactionId = start.result().path("transactionId").asInt();
    expectStatus("Accepted", ask("RemoteStopTransaction",
        DemoBackOffice.JSON.createObjectNode().put("transactionId", transactionId)));
    Answered stop = exchange.seen(STEP_TIMEOUT, "StopTransaction", a -> a.is("StopTransaction"));
    type("unplug 1");
    exchange.seen(STEP_TIMEOUT, "StatusNotification Available", a -> a.isStatus(1, "Available"));
    simulator.link().awaitAnswers(STEP_TIMEOUT);
    out.printf("# remote session complete: transaction %d, stop reason %s%n", stop.payload().path("transactionId").asInt(),
        stop.payload().path("reason").asText("Local"));
  }

  /** Sends a call of the central system and waits for the charge point's answer. */
  private JsonNode ask(String action, ObjectNode payload) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    centralSystem.send(backOffice.call(action, payload, answer));
    try {
      return answer.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the answer to " + action, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer to " + action + ": " + e.getMessage(), e);
    }
  }

  private static void expectStatus(String status, JsonNode answer) {
    expect(answer.path("status").asText().equals(status), "expected " + status + ", got " + answer);
  }

  private static void expect(boolean condition, String otherwise) {
    if (!condition) {
      throw new IllegalStateException(otherwise);
    }
  }

  /** Prints a console command, then carries it out. */
  private void type(String line) {
    out.println("# " + line);
    console.execute(ConsoleCommand.parse(line, simulator.settings().connectors()).orElseThrow());
  }

}
