package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.pwm.Pwm;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PwmPilotTest extends RigTest {

  private ControlPilot startPilot(String... overrides) {
    ControlPilot pilot = rig.board(overrides).pilot();
    pilot.start(events);
    return pilot;
  }

  /** The sample board reads a burst every 50 ms. */
  private void bursts(int count) {
    rig.advanceMillis(50L * count);
  }

  @Test
  void startsAtMinusTwelveVoltsAndSignalsTheOfferedCurrent() {
    ControlPilot pilot = startPilot();
    Pwm pwm = rig.pilotPwm();
    assertFalse(pwm.isOn());
    assertEquals(1000, pwm.frequency());

    pilot.stopOffering();
    assertTrue(pwm.isOn());
    assertEquals(100, pwm.dutyCycle());

    pilot.offer(16);
    assertEquals(26, pwm.dutyCycle());
    pilot.offer(63);
    assertEquals(89, pwm.dutyCycle());
    pilot.offer(5);
    assertEquals(100, pwm.dutyCycle());

    pilot.disable();
    assertFalse(pwm.isOn());
  }

  @Test
  void theSameDutyCycleIsNotWrittenAgain() {
    ControlPilot pilot = startPilot();
    pilot.offer(16);
    int switches = rig.pwmProvider.switches();

    pilot.offer(16);
    pilot.offer(16.1);
    assertEquals(switches, rig.pwmProvider.switches());

    pilot.offer(32);
    assertEquals(switches + 1, rig.pwmProvider.switches());
    pilot.stopOffering();
    pilot.stopOffering();
    pilot.offer(2);
    assertEquals(switches + 2, rig.pwmProvider.switches());
    pilot.disable();
    pilot.disable();
    assertEquals(switches + 3, rig.pwmProvider.switches());
  }

  @Test
  void aFailingPwmIsReportedAndWrittenAgainOnTheNextCommand() {
    ControlPilot pilot = startPilot();
    rig.pwmProvider.failing(true);
    pilot.offer(16);
    assertEquals("CP_PWM", events.fault("pilot-pwm").orElseThrow().vendorErrorCode());

    rig.pwmProvider.failing(false);
    pilot.offer(16);
    assertEquals(26, rig.pilotPwm().dutyCycle());
    assertTrue(rig.pilotPwm().isOn());
    assertEquals(Optional.empty(), events.fault("pilot-pwm"));
  }

  @Test
  void anInvertingStageGetsTheComplement() {
    ControlPilot pilot = startPilot("pilot.pwm.inverted=true");
    Pwm pwm = rig.pilotPwm();
    assertTrue(pwm.isOn());
    assertEquals(100, pwm.dutyCycle());

    pilot.offer(16);
    assertEquals(74, pwm.dutyCycle());
    pilot.stopOffering();
    assertFalse(pwm.isOn());
    pilot.disable();
    assertTrue(pwm.isOn());
    assertEquals(100, pwm.dutyCycle());
  }

  @Test
  void mapsLevelsToStatesAndReportsChangesOnly() {
    ControlPilot pilot = startPilot();
    pilot.stopOffering();
    rig.adc.steady(12);
    bursts(10);
    assertEquals(List.of(PilotState.A), events.states);

    rig.adc.steady(9);
    bursts(3);
    pilot.offer(16);
    rig.adc.pilot(6, -12);
    bursts(3);
    rig.adc.pilot(3, -12);
    bursts(3);
    rig.adc.pilot(0, 0);
    bursts(3);
    rig.adc.steady(-12);
    bursts(10);

    assertEquals(List.of(PilotState.A, PilotState.B, PilotState.C, PilotState.D, PilotState.E, PilotState.F),
        events.states);
  }

  @Test
  void aStateCountsOnlyAfterItWasReadInThreeBurstsInARow() {
    startPilot().stopOffering();
    rig.adc.steady(12);
    bursts(2);
    assertEquals(List.of(), events.states);
    bursts(1);
    assertEquals(List.of(PilotState.A), events.states);

    rig.adc.steady(9);
    bursts(2);
    rig.adc.steady(12);
    bursts(1);
    rig.adc.steady(9);
    bursts(2);
    assertEquals(List.of(PilotState.A), events.states);
    bursts(1);
    assertEquals(List.of(PilotState.A, PilotState.B), events.states);
  }

  @Test
  void thresholdsComeFromTheBoard() {
    startPilot("pilot.threshold.a=11.5").stopOffering();
    rig.adc.steady(11.2);
    bursts(3);
    assertEquals(List.of(PilotState.B), events.states);
  }

  @Test
  void eachBurstTakesTheConfiguredNumberOfSingleEndedConversions() {
    startPilot("pilot.burst.samples=40");
    bursts(5);
    assertEquals(200, rig.adc.conversions());
    assertEquals(List.of(), rig.adc.protocolErrors());
  }

  @Test
  void aMissingDiodeIsStateFAndAFaultUntilTheDiodeChecksOut() {
    ControlPilot pilot = startPilot();
    pilot.offer(16);
    rig.adc.pilot(6, -12);
    bursts(3);
    assertEquals(Optional.of(PilotState.C), events.lastState());

    rig.adc.pilot(6, -8);
    bursts(2);
    assertEquals(Optional.empty(), events.fault("pilot"));
    bursts(1);
    assertEquals(Optional.of(PilotState.F), events.lastState());
    assertEquals(Optional.of(new HardwareFault("pilot", ConnectorFault.EV_COMMUNICATION_ERROR, "CP_DIODE",
        "no EV diode on the control pilot")), events.fault("pilot"));

    rig.adc.pilot(6, -12);
    bursts(3);
    assertEquals(Optional.of(PilotState.C), events.lastState());
    assertEquals(Optional.empty(), events.fault("pilot"));
    assertEquals(List.of("pilot:CP_DIODE", "pilot:cleared"), events.faultEvents);
  }

  @Test
  void unpluggingClearsADiodeFault() {
    ControlPilot pilot = startPilot();
    pilot.offer(16);
    rig.adc.pilot(9, -5);
    bursts(3);
    assertEquals(List.of(PilotState.F), events.states);
    assertTrue(events.fault("pilot").isPresent());

    pilot.stopOffering();
    rig.adc.steady(9);
    bursts(10);
    assertEquals(List.of(PilotState.F), events.states, "without PWM the diode cannot be checked again");

    rig.adc.steady(12);
    bursts(3);
    assertEquals(List.of(PilotState.F, PilotState.A), events.states);
    assertEquals(Optional.empty(), events.fault("pilot"));
  }

  @Test
  void aMissingDiodeIsCheckedAgainAfterThePilotWasOffForTheRetryTime() {
    ControlPilot pilot = startPilot();
    pilot.offer(16);
    rig.adc.pilot(6, -8);
    bursts(3);
    assertTrue(events.fault("pilot").isPresent());

    pilot.disable();
    rig.adc.steady(-12);
    rig.advance(Duration.ofSeconds(29));
    assertTrue(events.fault("pilot").isPresent());
    rig.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), events.fault("pilot"), "the domain may offer again");

    pilot.offer(16);
    rig.adc.pilot(6, -8);
    bursts(3);
    assertTrue(events.fault("pilot").isPresent(), "and the diode is still missing");
    assertEquals(List.of("pilot:CP_DIODE", "pilot:cleared", "pilot:CP_DIODE"), events.faultEvents);
  }

  @Test
  void theContactorClosesOnlyOnceTheDiodeOfThisOfferHasCheckedOut() {
    RaspberryPiBoard board = rig.board();
    rig.input("kilowatt-rcm").mockState(DigitalState.HIGH);
    board.pilot().start(events);
    board.relay().start(events);
    board.pilot().stopOffering();
    rig.adc.steady(6);
    bursts(3);

    board.pilot().offer(16);
    rig.adc.pilot(6, -12);
    board.relay().close();
    assertTrue(rig.output("kilowatt-relay").isLow());
    bursts(2);
    assertTrue(rig.output("kilowatt-relay").isLow());
    bursts(1);
    assertTrue(rig.output("kilowatt-relay").isHigh());

    board.relay().open();
    board.pilot().stopOffering();
    bursts(3);
    board.pilot().offer(16);
    board.relay().close();
    assertTrue(rig.output("kilowatt-relay").isLow(), "a new offer checks the diode again");
    bursts(3);
    assertTrue(rig.output("kilowatt-relay").isHigh());
  }

  @Test
  void theDiodeIsNotJudgedWithoutPwmOrWithoutAnEv() {
    ControlPilot pilot = startPilot();
    pilot.stopOffering();
    rig.adc.steady(6);
    bursts(10);
    pilot.offer(16);
    rig.adc.pilot(12, -12);
    bursts(10);
    assertEquals(List.of(PilotState.C, PilotState.A), events.states);
    assertEquals(List.of(), events.faultEvents);
  }

  @Test
  void aBurstTooShortToCatchTheLowPhaseDoesNotJudgeTheDiode() {
    ControlPilot pilot = startPilot();
    pilot.offer(80);
    rig.adc.pilot(6, -8);
    bursts(10);
    assertEquals(List.of(PilotState.C), events.states);

    TestRig other = new TestRig();
    try {
      RecordingListener otherEvents = new RecordingListener();
      ControlPilot morePrecise = other.board("pilot.burst.samples=250").pilot();
      morePrecise.start(otherEvents);
      morePrecise.offer(80);
      other.adc.pilot(6, -8);
      other.advanceMillis(500);
      assertEquals(List.of(PilotState.F), otherEvents.states);
    } finally {
      other.close();
    }
  }

  @Test
  void aFailingAdcReadsFAndIsReportedUntilItRecovers() {
    ControlPilot pilot = startPilot();
    pilot.stopOffering();
    rig.adc.steady(9);
    bursts(3);

    rig.adc.broken(true);
    bursts(1);
    assertEquals("CP_ADC", events.fault("pilot-adc").orElseThrow().vendorErrorCode());
    bursts(2);
    assertEquals(List.of(PilotState.B, PilotState.F), events.states);

    rig.adc.broken(false);
    bursts(3);
    assertEquals(Optional.empty(), events.fault("pilot-adc"));
    assertEquals(List.of(PilotState.B, PilotState.F, PilotState.B), events.states);
    assertEquals(List.of("pilot-adc:CP_ADC", "pilot-adc:cleared"), events.faultEvents);
  }
}
