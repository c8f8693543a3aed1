package dev.kilowatt.examples;

import dev.kilowatt.core.ChargePoint;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Runs a board charger until the process is told to stop, printing every OCPP message. */
final class BoardChargerMain {

  private BoardChargerMain() {}

  /** Reads the command line (help, version and mistakes answered by picocli), then runs the charger; exits the JVM. */
  static void run(String name, List<BoardOptions.Device> devices, String[] args,
      Function<BoardOptions, BoardChargerComponents.BoardCharger> wiring) {
    System.exit(commandLine(name, devices, wiring).execute(args));
  }

  /** The board's command line, which wires and runs the charger until the process is told to stop. */
  static CommandLine commandLine(String name, List<BoardOptions.Device> devices,
      Function<BoardOptions, BoardChargerComponents.BoardCharger> wiring) {
    CommandLine commandLine = BoardOptions.commandLine(name, devices);
    commandLine.setExecutionStrategy(parsed -> {
      Integer helpStatus = CommandLine.executeHelpRequest(parsed);
      if (helpStatus != null) {
        return helpStatus;
      }
      ChargePoint chargePoint;
      BoardHardware hardware;
      try {
        BoardChargerComponents.BoardCharger charger = wiring.apply(BoardOptions.of(commandLine, devices));
        // Dagger builds on first use: a device option the board cannot use (an unknown meter model, a current
        // that is no number) shows up here
        hardware = charger.hardware();
        chargePoint = charger.chargePoint();
      } catch (IllegalArgumentException | UncheckedIOException e) {
        // a factory configuration the charge point refuses is a bad --config, answered like a bad option
        throw new ParameterException(commandLine, e.getMessage(), e);
      }
      runUntilStopped(chargePoint, hardware);
      return 0;
    });
    return commandLine;
  }

  private static void runUntilStopped(ChargePoint chargePoint, BoardHardware hardware) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // the hardware closes once the charger has stopped and written what it still held
      chargePoint.stop().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
      for (AutoCloseable resource : hardware.resources()) {
        try {
          resource.close();
        } catch (Exception e) {
          System.err.println("while stopping: " + e);
        }
      }
      stopped.countDown();
    }, "kilowatt-shutdown"));
    chargePoint.start();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
