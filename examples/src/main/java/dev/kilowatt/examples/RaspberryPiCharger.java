package dev.kilowatt.examples;

import com.pi4j.Pi4J;

/**
 * A charger on a Raspberry Pi board.
 *
 * <pre>
 * kilowatt-charger raspberry-pi --csms wss://cs.example/ocpp --id CP-0001 \
 *     --data-dir /var/lib/kilowatt --board /etc/kilowatt/board.properties [--meter-port /dev/ttyUSB0] [--max-current 16] [--password P]
 * </pre>
 *
 * <p>{@code kilowatt-charger}, next to the jar, finds a JDK 21 or newer and applies {@code kilowatt.jvm.options};
 * {@code java -cp kilowatt-simulator.jar dev.kilowatt.examples.RaspberryPiCharger ...} runs it too, on a default {@code java}
 * of 21 or newer and without the options file.
 */
public final class RaspberryPiCharger {

  private RaspberryPiCharger() {}

  /**
   * Starts the charger and runs until killed.
   *
   * @param args the options the class comment lists
   */
  public static void main(String[] args) {
    BoardChargerMain.run("RaspberryPiCharger", RaspberryPiModule.OPTIONS, args, options -> DaggerBoardChargerComponents_RaspberryPi.factory()
        .create(options, Pi4J.newAutoContext(), new ProcessPlatform(), new TrafficPrinter(System.out)));
  }
}
