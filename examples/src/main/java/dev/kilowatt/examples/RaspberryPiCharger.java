package dev.kilowatt.examples;

import com.pi4j.Pi4J;

/**
 * A charger on a Raspberry Pi board.
 *
 * <pre>
 * java -cp kilowatt-simulator.jar dev.kilowatt.examples.RaspberryPiCharger --csms wss://cs.example/ocpp --id CP-0001 \
 *     --data-dir /var/lib/kilowatt --board /etc/kilowatt/board.properties [--meter-port /dev/ttyUSB0] [--max-current 16] [--password P]
 * </pre>
 */
public final class RaspberryPiCharger {

  static final String USAGE = """
      usage: RaspberryPiCharger --csms URL --id ID --data-dir DIR --board FILE [--meter-port PATH] [--max-current A] [--password P]
        --board FILE       board description (see hardware-pi4j's raspberry-pi-board.properties)
        --meter-port PATH  RS-485 adapter of an Eastron SDM120; without it the board's S0 input is the meter""";

  private RaspberryPiCharger() {}

  public static void main(String[] args) {
    BoardChargerMain.run(USAGE, RaspberryPiModule.OPTIONS, args, options -> DaggerBoardChargerComponents_RaspberryPi.factory()
        .create(options, Pi4J.newAutoContext(), new ProcessPlatform(), new TrafficPrinter(System.out)));
  }
}
