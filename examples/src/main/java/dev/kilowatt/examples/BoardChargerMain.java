package dev.kilowatt.examples;

import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** Runs a board charger until the process is told to stop, printing every OCPP message. */
final class BoardChargerMain {

  private BoardChargerMain() {}

  static void run(String usage, java.util.Set<String> boardOptions, String[] args, Function<BoardOptions, BoardChargerComponents.BoardCharger> wiring) {
    BoardOptions options;
    try {
      options = BoardOptions.parse(boardOptions, args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage);
      System.exit(2);
      return;
    }
    BoardChargerComponents.BoardCharger charger = wiring.apply(options);
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
