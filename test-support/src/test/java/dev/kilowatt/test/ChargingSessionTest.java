package dev.kilowatt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the README's "Testing your charger" shows: a manufacturer's test runs a whole charging session on
 * virtual time against the scripted central system. The simulated connector stands in for the board's own
 * relay, control pilot and meter adapters.
 */
class ChargingSessionTest {

  @Test
  void anHourOfChargingIsStartedByACardAndStoppedByTheSameCard() {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    ScriptedCentralSystem centralSystem = new ScriptedCentralSystem(time::now);
    SimulatedConnector connector = new SimulatedConnector(time, SimulatedConnector.Settings.defaults());
    SimulatedRfidReader reader = new SimulatedRfidReader();
    ChargePoint chargePoint = ChargePoint.builder(time, new InMemoryStorage(), centralSystem, reboot -> {})
        .storageWriter(Runnable::run)
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .rfidReader(reader)
        .build();
    chargePoint.start();
    time.runPending();
    centralSystem.goOnline();
    time.runPending();
    reader.present("CARD-1");
    connector.ev().plug();
    connector.ev().requestEnergy();
    time.runPending();
    time.advance(Duration.ofHours(1));
    reader.present("CARD-1");
    time.runPending();

    StartTransactionRequest start = centralSystem.sent(StartTransactionRequest.class).getFirst();
    StopTransactionRequest stop = centralSystem.sent(StopTransactionRequest.class).getFirst();
    assertEquals("CARD-1", start.idTag());
    assertEquals(Optional.of(Reason.LOCAL), stop.reason());
    // 16 A at 230 V for an hour is 3.68 kWh at most; the EV takes a moment to draw, and the meter is polled
    int deliveredWh = stop.meterStop() - start.meterStart();
    assertTrue(deliveredWh > 3_500 && deliveredWh <= 3_680, deliveredWh + " Wh");
    chargePoint.stop();
    connector.close();
  }
}
