package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedConnectorTest {

  private static final double WH_TOLERANCE = 1e-6;

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-11-24T08:00:00Z"));
  private final Recorder relayListener = new Recorder();
  private final Recorder pilotListener = new Recorder();
  private final Recorder meterListener = new Recorder();
  private SimulatedConnector connector;

  private SimulatedConnector start(SimulatedConnector.Settings settings) {
    connector = new SimulatedConnector(time, settings);
    connector.relay().start(relayListener);
    connector.pilot().start(pilotListener);
    connector.meter().start(meterListener);
    return connector;
  }

  @AfterEach
  void close() {
    if (connector != null) {
      connector.close();
    }
  }

  /** Plugs in, offers {@code amperes}, asks for energy and closes the relay, as a charging session would. */
  private void charge(double amperes) {
    connector.ev().plug();
    connector.pilot().offer(amperes);
    connector.ev().requestEnergy();
    connector.relay().close();
  }

  @Test
  void evDrawsTheOfferedCurrentUpToItsMaximum() {
    start(SimulatedConnector.Settings.defaults().withEvMaxCurrentA(20));

    charge(16);
    assertEquals(15.6, connector.ev().drawA());
    assertEquals(15.6, connector.meter().currentA());

    connector.pilot().offer(32);
    assertEquals(20, connector.ev().drawA());
    assertEquals(20 * 230, connector.meter().powerW());
  }

  @Test
  void evDrawsOnlyWithTheRelayClosedThePilotOfferingAndTheEvAskingForEnergy() {
    start(SimulatedConnector.Settings.defaults());
    var ev = connector.ev();
    var pilot = connector.pilot();
    var relay = connector.relay();

    ev.plug();
    pilot.offer(16);
    relay.close();
    assertEquals(0, ev.drawA(), "state B");

    ev.requestEnergy();
    assertEquals(15.6, ev.drawA(), "state C");

    relay.open();
    assertEquals(0, ev.drawA(), "relay open");

    relay.close();
    pilot.stopOffering();
    assertEquals(0, ev.drawA(), "no PWM");

    pilot.offer(16);
    pilot.disable();
    assertEquals(0, ev.drawA(), "pilot disabled");

    pilot.offer(16);
    pilot.setEvState(PilotState.D);
    assertEquals(15.6, ev.drawA(), "state D");

    ev.pause();
    assertEquals(0, ev.drawA(), "paused");
    assertEquals(PilotState.B, ev.state());

    ev.requestEnergy();
    ev.unplug();
    assertEquals(0, ev.drawA(), "unplugged");
    assertEquals(0, connector.meter().currentA());
  }

  @Test
  void pilotReportsTheEvsStateChanges() {
    start(SimulatedConnector.Settings.defaults());

    connector.ev().plug();
    connector.ev().plug();
    connector.ev().requestEnergy();
    connector.ev().pause();
    connector.ev().unplug();

    assertEquals(List.of(PilotState.A, PilotState.B, PilotState.C, PilotState.B, PilotState.A),
        pilotListener.states);
  }

  @Test
  void evMustBePluggedInToAskForEnergyOrPause() {
    start(SimulatedConnector.Settings.defaults());

    assertThrows(IllegalStateException.class, () -> connector.ev().requestEnergy());
    assertThrows(IllegalStateException.class, () -> connector.ev().pause());
    assertEquals(PilotState.A, connector.pilot().state());
  }

  @Test
  void meterIntegratesSixteenAmperesForAnHourToTheExpectedEnergy() {
    start(SimulatedConnector.Settings.defaults().withEvMaxCurrentA(16));
    charge(32);

    time.advance(Duration.ofHours(1));

    assertEquals(3680, connector.meter().energyWh(), WH_TOLERANCE);
    assertEquals(3680, meterListener.lastReading().energyImportWh(), WH_TOLERANCE);
    assertEquals(MeterReading.singlePhase(meterListener.lastReading().energyImportWh(), 3680, 230, 16),
        meterListener.lastReading());
  }

  @Test
  void meterCountsExactlyWhatWasDrawnBetweenPolls() {
    start(SimulatedConnector.Settings.defaults().withEvMaxCurrentA(16).withMeterPollInterval(Duration.ofMinutes(1)));

    time.advance(Duration.ofMillis(200));
    charge(32);
    time.advance(Duration.ofMillis(1_500));
    connector.relay().open();
    time.advance(Duration.ofMinutes(5));

    assertEquals(3680 * 1.5 / 3600, connector.meter().energyWh(), WH_TOLERANCE);
  }

  @Test
  void meterPushesAReadingAtStartAndEveryPollIntervalWithARegisterThatNeverDecreases() {
    start(SimulatedConnector.Settings.defaults().withInitialRegisterWh(12_345.5));
    charge(16);

    time.advance(Duration.ofSeconds(10));
    connector.relay().open();
    time.advance(Duration.ofSeconds(5));

    assertEquals(16, meterListener.readings.size());
    assertEquals(12_345.5, meterListener.readings.getFirst().energyImportWh());
    for (int i = 1; i < meterListener.readings.size(); i++) {
      assertTrue(meterListener.readings.get(i).energyImportWh() >= meterListener.readings.get(i - 1).energyImportWh());
    }
    assertEquals(12_345.5 + 15.6 * 230 * 10 / 3600, meterListener.lastReading().energyImportWh(), WH_TOLERANCE);
    assertEquals(0, meterListener.lastReading().powerImportW());
  }

  @Test
  void failedMeterReportsAFaultSendsNothingAndKeepsCountingUntilItRecovers() {
    start(SimulatedConnector.Settings.defaults().withEvMaxCurrentA(16));
    charge(32);
    time.advance(Duration.ofSeconds(1));
    int before = meterListener.readings.size();

    connector.meter().fail();
    connector.meter().fail();
    time.advance(Duration.ofMinutes(1));

    assertTrue(connector.meter().isFailed());
    assertEquals(before, meterListener.readings.size());
    assertEquals(List.of(new HardwareFault("meter", ConnectorFault.POWER_METER_FAILURE, "METER_NO_RESPONSE",
        "meter stopped answering")), meterListener.faults);

    connector.meter().recover();

    assertEquals(List.of("meter"), meterListener.cleared);
    assertEquals(before + 1, meterListener.readings.size());
    assertEquals(3680.0 * 61 / 3600, meterListener.lastReading().energyImportWh(), WH_TOLERANCE);
    time.advance(Duration.ofSeconds(1));
    assertEquals(before + 2, meterListener.readings.size());
  }

  @Test
  void weldedRelayKeepsTheEvChargingAndReportsTheFault() {
    start(SimulatedConnector.Settings.defaults());
    charge(16);
    connector.relay().weld();

    connector.relay().open();

    assertEquals(15.6, connector.ev().drawA());
    assertEquals("RELAY_WELDED", relayListener.faults.getFirst().vendorErrorCode());
  }

  @Test
  void injectedFaultsGoThroughThePilotListener() {
    start(SimulatedConnector.Settings.defaults());

    connector.clearFault();
    connector.fault(ConnectorFault.GROUND_FAILURE);
    connector.clearFault();
    connector.clearFault();

    assertEquals(List.of(new HardwareFault("simulator", ConnectorFault.GROUND_FAILURE, "SIMULATED",
        "injected fault")), pilotListener.faults);
    assertEquals(List.of("simulator"), pilotListener.cleared);
    assertThrows(IllegalArgumentException.class, () -> connector.fault(ConnectorFault.NONE));
  }

  @Test
  void evWithABatteryStopsAskingForEnergyWhenFull() {
    start(SimulatedConnector.Settings.defaults().withEvMaxCurrentA(16)
        .withEvBattery(new SimulatedEv.Battery(10_000, 9_080)));
    charge(32);

    time.advance(Duration.ofMinutes(14));
    assertEquals(PilotState.C, connector.ev().state());
    time.advance(Duration.ofMinutes(2));

    assertEquals(PilotState.B, connector.ev().state());
    assertEquals(PilotState.B, pilotListener.states.getLast());
    assertEquals(0, connector.ev().drawA());
    assertEquals(new SimulatedEv.Battery(10_000, 10_000), connector.ev().battery().orElseThrow());
    assertEquals(920, connector.meter().energyWh(), 1e-3);
    assertThrows(IllegalStateException.class, () -> connector.ev().requestEnergy());
  }

  @Test
  void closeStopsPolling() {
    start(SimulatedConnector.Settings.defaults());
    time.advance(Duration.ofSeconds(3));
    int readings = meterListener.readings.size();

    connector.close();
    time.advance(Duration.ofMinutes(1));

    assertEquals(readings, meterListener.readings.size());
  }

  @Test
  void rejectsSettingsNoHardwareCouldHave() {
    var defaults = SimulatedConnector.Settings.defaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withInitialRegisterWh(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withInitialRegisterWh(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> defaults.withEvMaxCurrentA(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMainsVoltageV(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMeterPollInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new SimulatedEv.Battery(100, 101));
  }
}
