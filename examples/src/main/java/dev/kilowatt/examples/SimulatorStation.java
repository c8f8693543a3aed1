package dev.kilowatt.examples;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.core.Ocpp16Mapping;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.examples.web.ConnectorView;
import dev.kilowatt.examples.web.ConsoleStation;
import dev.kilowatt.examples.web.StationView;
import dev.kilowatt.sim.SimulatedConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The running simulator as its web console sees it: the charge point, the simulated hardware and the link, and the console. */
final class SimulatorStation implements ConsoleStation {

  /** How far ahead the composite schedule is asked for: the chart's span and then some. */
  private static final Duration SCHEDULE_AHEAD = Duration.ofHours(1);

  private final Simulator simulator;

  SimulatorStation(Simulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public StationView view() {
    ChargePoint chargePoint = simulator.chargePoint();
    SimulatedBoard board = simulator.board();
    Instant at = Instant.now();
    List<ConnectorSnapshot> snapshots = Console.answer(chargePoint.connectors());
    int queued = Console.answer(chargePoint.queuedTransactionMessages());
    List<ConnectorView> connectors = new ArrayList<>();
    for (ConnectorSnapshot s : snapshots) {
      SimulatedConnector hardware = board.connector(s.connectorId());
      Optional<ChargingSchedule> composite = Console.answer(chargePoint.compositeSchedule(new GetCompositeScheduleRequest(s.connectorId(),
          (int) SCHEDULE_AHEAD.toSeconds(), Optional.of(ChargingRateUnitType.A)))).chargingSchedule();
      // The composite schedule starts now: its first period is the limit in force.
      OptionalDouble limit = composite.flatMap(c -> c.chargingSchedulePeriod().stream().findFirst())
          .map(p -> OptionalDouble.of(p.limit())).orElse(OptionalDouble.empty());
      double drawn = hardware.meter().currentA();
      connectors.add(new ConnectorView(s.connectorId(), Ocpp16Mapping.status(s.state()).ocppValue(),
          Ocpp16Mapping.errorCode(s.fault()).ocppValue(), hardware.pilot().state().name(),
          hardware.relay().isClosed(), s.offeredA(), drawn, s.energyWh(), s.transactionRunning(), s.transactionId(), limit,
          limitExplanation(s, limit, drawn), composite));
    }
    return new StationView(simulator.settings().chargePointId(), at, simulator.link().isConnected(), queued, simulator.boots(),
        connectors);
  }

  @Override
  public String run(String commandLine) {
    Optional<ConsoleCommand> command = ConsoleCommand.parse(commandLine, simulator.settings().connectors());
    if (command.isEmpty()) {
      return "";
    }
    if (command.get() instanceof ConsoleCommand.Quit) {
      throw new IllegalArgumentException("quit stops the simulator from its terminal, not from the web console");
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new Console(simulator, new PrintStream(printed, true, StandardCharsets.UTF_8)).execute(command.get());
    return printed.toString(StandardCharsets.UTF_8);
  }

  /**
   * Where the current offered comes from: the charge point's own explanation of the offer (profile, allocator
   * share, rating) while a transaction runs, else the connector's rating and the composite schedule.
   */
  static String limitExplanation(ConnectorSnapshot s, OptionalDouble limit, double drawnA) {
    String schedule = limit.isPresent()
        ? String.format(Locale.ROOT, "the composite schedule allows %.1f A", limit.getAsDouble())
        : "no charging profile limits it";
    String rating = String.format(Locale.ROOT, "the connector is rated %.0f A", SimulatedChargerModule.CONNECTOR_MAX_CURRENT_A);
    if (!s.transactionRunning()) {
      return "No transaction: nothing is offered until one starts; then " + rating + " and " + schedule + ".";
    }
    if (s.offeredA() == 0) {
      return limit.isPresent() && limit.getAsDouble() < ConnectorHardware.MIN_CURRENT_A
          ? String.format(Locale.ROOT, "Suspended: %s, below the %.0f A a pilot can offer.", schedule, ConnectorHardware.MIN_CURRENT_A)
          : "Nothing offered now (" + Ocpp16Mapping.status(s.state()).ocppValue() + "): " + rating + " and " + schedule + ".";
    }
    if (!s.offerExplanation().isBlank()) {
      return String.format(Locale.ROOT, "Offered %.1f A: %s. The EV draws %.1f A.", s.offeredA(), s.offerExplanation(), drawnA);
    }
    return String.format(Locale.ROOT, "Offered %.1f A, the lower of: %s, %s. The EV draws %.1f A.", s.offeredA(), rating, schedule, drawnA);
  }
}
