package dev.kilowatt.examples;

/**
 * A charger made of serial-bus devices: an EVSE DIN controller, an Eastron meter and a PN532 reader.
 *
 * <pre>
 * kilowatt-charger serial-board --csms wss://cs.example/ocpp --id CP-0002 \
 *     --data-dir /var/lib/kilowatt --evse-port /dev/ttyUSB0 --meter-port /dev/ttyUSB1 [--meter-model SDM630] [--rfid-port /dev/ttyS0]
 * </pre>
 *
 * <p>{@code kilowatt-charger}, next to the jar, finds a JDK 21 or newer and applies {@code kilowatt.jvm.options};
 * {@code java -cp kilowatt-simulator.jar dev.kilowatt.examples.SerialBoardCharger ...} runs it too, on a default {@code java}
 * of 21 or newer and without the options file.
 */
public final class SerialBoardCharger {

  private SerialBoardCharger() {}

  /**
   * Starts the charger and runs until killed.
   *
   * @param args the options the class comment lists
   */
  public static void main(String[] args) {
    BoardChargerMain.run("SerialBoardCharger", SerialBoardModule.OPTIONS, args, options -> DaggerBoardChargerComponents_SerialBoard.factory()
        .create(options, new ProcessPlatform(), new TrafficPrinter(System.out)));
  }
}
