package dev.kilowatt.examples;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Runs a board charger until the process is told to stop, printing every OCPP message. */
final class BoardChargerMain {

  private BoardChargerMain() {}

  /** Reads the command line (help, version and mistakes answered by picocli), then runs the charger; exits the JVM. */
  static void run(String name, List<BoardOptions.Device> devices, String[] args,
      Function<BoardOptions, BoardChargerComponents.BoardCharger> wiring) {
    CommandLine commandLine = BoardOptions.commandLine(name, devices);
    commandLine.setExecutionStrategy(parsed -> {
      Integer helpStatus = CommandLine.executeHelpRequest(parsed);
      if (helpStatus != null) {
        return helpStatus;
      }
      BoardChargerComponents.BoardCharger charger;
      try {
        charger = wiring.apply(BoardOptions.of(commandLine, devices));
      } catch (IllegalArgumentException e) {
        // a device option the board could not use (an unknown meter model, a current that is no number)
        throw new ParameterException(commandLine, e.getMessage(), e, null, null);
      }
      runUntilStopped(charger);
      return 0;
    });
    System.exit(commandLine.execute(args));
  }

  private static void runUntilStopped(BoardChargerComponents.BoardCharger charger) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      charger.chargePoint().stop();
      for (AutoCloseable resource : charger.hardware().resources()) {
        try {
          resource.close();
        } catch (Exception e) {
          System.err.println("while stopping: " + e);
        }
      }
      stopped.countDown();
    }, "kilowatt-shutdown"));
    charger.chargePoint().start();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
