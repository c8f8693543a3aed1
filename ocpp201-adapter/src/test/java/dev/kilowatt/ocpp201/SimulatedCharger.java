package dev.kilowatt.ocpp201;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The unchanged core on one simulated fixed-cable connector of 16 A, over OCPP 2.0.1 to {@code csms}, built as
 * {@code customize} says; started at once.
 */
final class SimulatedCharger implements AutoCloseable {

  final EventLoop loop = new EventLoop();
  final SimulatedConnector connector =
      new SimulatedConnector(loop, SimulatedConnector.Settings.defaults().withMeterPollInterval(Duration.ofSeconds(1)));
  final SimulatedRfidReader reader = new SimulatedRfidReader();
  private final ChargePoint chargePoint;

  SimulatedCharger(CentralSystemProcess csms, ChargePointListener listener, UnaryOperator<ChargePoint.Builder> customize) {
    InMemoryStorage storage = new InMemoryStorage();
    chargePoint = customize.apply(ChargePoint.builder(loop, storage,
            new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage), kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7").withSerialNumber("SN-0001").withFirmwareVersion("0.2.0"))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .rfidReader(reader)
        .listener(listener))
        .build();
    chargePoint.start();
  }

  @Override
  public void close() throws InterruptedException {
    chargePoint.stop();
    connector.close();
    loop.close();
  }
}
