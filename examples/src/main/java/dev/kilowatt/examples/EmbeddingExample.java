package dev.kilowatt.examples;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.message.DataTransferStatus;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.OcppJsonLink;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.storage.FileStorage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The README's embedding example, compiled and run by a test so that it cannot fall behind the API: a
 * charger with one connector and a card reader, the central system link, flash storage and what a reset does.
 *
 * <pre>java -cp examples/target/kilowatt-simulator.jar dev.kilowatt.examples.EmbeddingExample ws://localhost:8180/steve/websocket/CentralSystemService CP-0001 /tmp/cp-0001</pre>
 */
public final class EmbeddingExample {

  private EmbeddingExample() {}

  /**
   * Connects to {@code args[0]}/{@code args[1]}, keeps its state in {@code args[2]}, and runs until killed.
   *
   * @param args the central system's URL, the charge point's identity, and its data directory
   */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: EmbeddingExample CENTRAL_SYSTEM_URL CHARGE_POINT_ID DATA_DIRECTORY");
      System.exit(2);
    }
    EventLoop eventLoop = new EventLoop();
    // a board would pass its own Relay, ControlPilot and EnergyMeter (hardware-pi4j, hardware-serial or yours)
    SimulatedConnector connector = new SimulatedConnector(eventLoop, SimulatedConnector.Settings.defaults());
    ChargePoint chargePoint = build(eventLoop, URI.create(args[0]), args[1], Path.of(args[2]),
        ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16),
        new SimulatedRfidReader());
    // the process ends when the hook returns: wait for the stop's last writes, but not for ever
    Runtime.getRuntime().addShutdownHook(new Thread(() -> chargePoint.stop().completeOnTimeout(null, 10, TimeUnit.SECONDS).join(),
        "charger-shutdown"));
    chargePoint.start();
  }

  /** The charge point of one Acme AC7 charger; {@link ChargePoint#start()} makes it connect and boot. */
  static ChargePoint build(EventLoop eventLoop, URI centralSystemUrl, String chargePointId, Path dataDirectory,
      ConnectorHardware connector, RfidReader reader) {
    // the link: OCPP-J 1.6 over a WebSocket to URL/ID; it reconnects by itself and posts what arrives to the event loop
    CentralSystem link = new OcppJsonLink(new CentralSystemAddress(centralSystemUrl, chargePointId), eventLoop);
    // the platform: what Reset.req and an installed firmware do to this device; here, end the process and let
    // the service manager (systemd, Restart=always) start it again
    Platform platform = kind -> System.exit(0);
    return ChargePoint.builder(eventLoop, FileStorage.open(dataDirectory), link, platform)
        .identity(ChargePointIdentity.of("Acme", "AC7").withSerialNumber("0001").withFirmwareVersion("1.4.2"))
        .connector(connector)
        .rfidReader(reader)
        .dataTransferHandler("com.acme", (messageId, data) -> messageId.filter("ping"::equals)
            .map(ping -> new DataTransferResponse(DataTransferStatus.ACCEPTED, Optional.of("pong")))
            .orElse(new DataTransferResponse(DataTransferStatus.UNKNOWN_MESSAGE_ID, Optional.empty())))
        .build();
  }
}
