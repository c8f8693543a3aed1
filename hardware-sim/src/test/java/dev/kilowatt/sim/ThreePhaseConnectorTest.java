package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.MeterReading.PhaseReading;
import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A three-phase connector: per-phase meter readings, EVs with one- and three-phase chargers, the phase switch. */
class ThreePhaseConnectorTest {

  private static final double WH_TOLERANCE = 1e-6;

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-11-24T08:00:00Z"));
  private final Recorder meterListener = new Recorder();
  private final Recorder switchListener = new Recorder();
  private SimulatedConnector connector;

  private void start(SimulatedConnector.Settings settings) {
    connector = new SimulatedConnector(time, settings);
    connector.meter().start(meterListener);
    connector.phaseSwitch().ifPresent(s -> s.start(switchListener));
    connector.ev().plug();
    connector.pilot().offer(16);
    connector.ev().requestEnergy();
    connector.relay().close();
  }

  @AfterEach
  void close() {
    connector.close();
  }

  /** 16 A offered is a 26 % duty cycle, which the EV reads as 15.6 A; on three phases 15.6 × 230 × 3 = 10 764 W. */
  @Test
  void aThreePhaseEvDrawsOnEachPhaseAndTheMeterReportsEveryPhase() {
    start(SimulatedConnector.Settings.defaults().withPhases(3));

    time.advance(Duration.ofHours(1));

    MeterReading reading = meterListener.lastReading();
    assertEquals(10_764, reading.powerImportW(), 1e-9);
    assertEquals(10_764, reading.energyImportWh(), WH_TOLERANCE);
    assertEquals(List.of(
        new PhaseReading(1, 230, 15.6, Optional.of(3588.0)),
        new PhaseReading(2, 230, 15.6, Optional.of(3588.0)),
        new PhaseReading(3, 230, 15.6, Optional.of(3588.0))), reading.phases().stream().map(ThreePhaseConnectorTest::rounded).toList());
    assertEquals(10_764, connector.meter().powerW(), 1e-9);
  }

  @Test
  void aSinglePhaseEvOnAThreePhaseConnectorDrawsOnL1Only() {
    start(SimulatedConnector.Settings.defaults().withPhases(3).withEvPhases(1));

    time.advance(Duration.ofSeconds(1));

    List<PhaseReading> phases = meterListener.lastReading().phases();
    assertEquals(List.of(15.6, 0.0, 0.0), phases.stream().map(PhaseReading::currentA).toList());
    assertEquals(15.6 * 230, meterListener.lastReading().powerImportW(), 1e-9);
  }

  @Test
  void thePhaseSwitchTakesAThreePhaseEvToOnePhaseAndBack() {
    start(SimulatedConnector.Settings.defaults().withPhases(3));
    SimulatedPhaseSwitch phaseSwitch = connector.phaseSwitch().orElseThrow();

    phaseSwitch.switchTo(1);
    time.advance(Duration.ofHours(1));
    phaseSwitch.switchTo(3);
    time.advance(Duration.ofHours(1));

    assertEquals(List.of(1, 3), switchListener.phaseSwitches);
    assertEquals(15.6 * 230 + 15.6 * 230 * 3, connector.meter().energyWh(), WH_TOLERANCE);
    assertThrows(IllegalArgumentException.class, () -> phaseSwitch.switchTo(2));
  }

  @Test
  void aStuckPhaseSwitchStaysAndReportsAPowerSwitchFailure() {
    start(SimulatedConnector.Settings.defaults().withPhases(3));
    SimulatedPhaseSwitch phaseSwitch = connector.phaseSwitch().orElseThrow();
    phaseSwitch.stick();

    phaseSwitch.switchTo(1);

    assertEquals(3, phaseSwitch.phases());
    assertEquals(ConnectorFault.POWER_SWITCH_FAILURE, switchListener.faults.getFirst().fault());
    assertEquals("PHASE_SWITCH_STUCK", switchListener.faults.getFirst().vendorErrorCode());
    phaseSwitch.free();
    assertEquals(1, phaseSwitch.phases());
    assertEquals(List.of("phase-switch"), switchListener.cleared);
  }

  @Test
  void aSinglePhaseConnectorHasNoPhaseSwitchAndRefusesOtherPhaseCounts() {
    start(SimulatedConnector.Settings.defaults());

    assertTrue(connector.phaseSwitch().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> SimulatedConnector.Settings.defaults().withPhases(2));
  }

  /** Float sums of 230 × 15.6 land a hair off; the readings are compared to a tenth of a watt. */
  private static PhaseReading rounded(PhaseReading p) {
    return new PhaseReading(p.phase(), p.voltageV(), p.currentA(), p.powerW().map(w -> Math.round(w * 10) / 10.0));
  }
}
