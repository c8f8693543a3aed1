package dev.kilowatt.examples;

import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.core.Ocpp16Mapping;
import dev.kilowatt.sim.SimulatedConnectorLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulator's console: reads one command a line and acts on the simulated hardware, the way a driver
 * and an EV would. A bad line gets a one-line error and the console goes on.
 */
final class Console {

  private static final long ANSWER_TIMEOUT_S = 5;

  private final Simulator simulator;
  private final PrintStream out;

  Console(Simulator simulator, PrintStream out) {
    this.simulator = simulator;
    this.out = out;
  }

  /**
   * Runs commands from {@code in} until {@code quit} or the end of the input.
   *
   * @return whether {@code quit} was read
   */
  boolean run(BufferedReader in) throws IOException {
    int connectors = simulator.settings().connectors();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      try {
        var command = ConsoleCommand.parse(line, connectors);
        if (command.isPresent() && command.get() instanceof ConsoleCommand.Quit) {
          return true;
        }
        command.ifPresent(this::execute);
      } catch (IllegalArgumentException | IllegalStateException e) {
        out.println("error: " + e.getMessage());
      }
    }
    return false;
  }

  /**
   * Carries out one command.
   *
   * @throws IllegalStateException when the hardware cannot do it now (e.g. charging an EV that is not plugged in)
   */
  void execute(ConsoleCommand command) {
    switch (command) {
      case ConsoleCommand.Plug c -> simulator.board().ev(c.connector()).plug();
      case ConsoleCommand.EvCharge c -> simulator.board().ev(c.connector()).requestEnergy();
      case ConsoleCommand.EvPause c -> simulator.board().ev(c.connector()).pause();
      case ConsoleCommand.Unplug c -> simulator.board().ev(c.connector()).unplug();
      case ConsoleCommand.Card c -> simulator.board().reader().present(c.idTag());
      case ConsoleCommand.Fault c -> simulator.board().connector(c.connector()).fault(c.fault());
      case ConsoleCommand.ClearFault c -> simulator.board().connector(c.connector()).clearFault();
      case ConsoleCommand.LockStick c -> socketLock(simulator.board(), c.connector()).stick();
      case ConsoleCommand.LockFree c -> socketLock(simulator.board(), c.connector()).free();
      case ConsoleCommand.PowerCut p -> simulator.cutPower();
      case ConsoleCommand.Restart r -> simulator.switchOn();
      case ConsoleCommand.Status s -> answer(simulator.chargePoint().connectors())
          .forEach(c -> out.println("connector " + c.connectorId() + ": " + Ocpp16Mapping.status(c.state()).ocppValue()));
      case ConsoleCommand.Help h -> out.println(ConsoleCommand.HELP);
      case ConsoleCommand.Quit q -> { }
    }
  }

  private static SimulatedConnectorLock socketLock(SimulatedBoard board, int connector) {
    return board.lock(connector).orElseThrow(() -> new IllegalStateException(
        "connector " + connector + " has a fixed cable; start the simulator with --socket"));
  }

  /**
   * The charge point's answer to a query.
   *
   * @throws IllegalStateException when it does not come in time (the charger may be rebooting)
   */
  static <T> T answer(CompletableFuture<T> query) {
    try {
      return query.get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the charge point did not answer (rebooting?)");
    }
  }
}
