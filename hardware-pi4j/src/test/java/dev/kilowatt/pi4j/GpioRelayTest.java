package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.exception.IOException;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpioRelayTest extends RigTest {

  private static final Duration SETTLE = Duration.ofMillis(200);
  private static final int OFFERING_16_A = 26;

  private final Interlock interlock = new Interlock();
  private final DigitalOutput coil = rig.pi4j.create(DigitalOutput.newConfigBuilder(rig.pi4j)
      .id("coil").address(17).initial(DigitalState.LOW).shutdown(DigitalState.LOW).provider("mock-digital-output"));
  private final MockDigitalInput auxiliary = input("aux", 27);
  private final MockDigitalInput rcmOutput = input("rcm", 23);

  private MockDigitalInput input(String id, int pin) {
    DigitalInput input = rig.pi4j.create(DigitalInput.newConfigBuilder(rig.pi4j)
        .id(id).address(pin).provider("mock-digital-input"));
    return (MockDigitalInput) input;
  }

  /** A relay whose auxiliary contact reads low while the contacts are closed, and starts open. */
  private Relay startRelay(boolean withFeedback, boolean withRcm) {
    auxiliary.mockState(DigitalState.HIGH);
    rcmOutput.mockState(DigitalState.HIGH);
    Relay relay = new GpioRelay(coil, DigitalState.HIGH,
        withFeedback ? Optional.of(new GpioRelay.AuxiliaryContact(auxiliary, DigitalState.LOW)) : Optional.empty(),
        SETTLE, interlock,
        withRcm ? Optional.of(new RcmInput(rcmOutput, DigitalState.LOW, interlock, rig.time)) : Optional.empty(),
        rig.time);
    relay.start(events);
    return relay;
  }

  private void evChargesAtSixteenAmperes() {
    interlock.pilotOutput(OFFERING_16_A, true);
    interlock.pilotState(PilotState.C);
  }

  private void contact(DigitalState state) {
    auxiliary.mockState(state);
    rig.time.runPending();
  }

  @Test
  void closesOnlyWhileTheEvAsksForEnergyAndThePilotOffersCurrent() {
    Relay relay = startRelay(false, false);

    relay.close();
    assertTrue(coil.isLow(), "pilot still F at start-up");

    relay.open();
    interlock.pilotOutput(OFFERING_16_A, true);
    interlock.pilotState(PilotState.B);
    relay.close();
    assertTrue(coil.isLow(), "EV in B");

    relay.open();
    interlock.pilotState(PilotState.C);
    interlock.pilotOutput(PilotDutyCycle.NOT_OFFERING, true);
    relay.close();
    assertTrue(coil.isLow(), "pilot not offering");

    relay.open();
    interlock.pilotOutput(OFFERING_16_A, false);
    relay.close();
    assertTrue(coil.isLow(), "diode not checked yet");

    interlock.pilotOutput(OFFERING_16_A, true);
    assertTrue(coil.isHigh(), "closed as asked once nothing prevents it");
    relay.open();
    assertTrue(coil.isLow());

    interlock.pilotState(PilotState.D);
    relay.close();
    assertTrue(coil.isHigh(), "D: charging with ventilation");
  }

  @Test
  void aRefusedCloseIsForgottenOnceTheDomainOpens() {
    Relay relay = startRelay(false, false);
    interlock.pilotOutput(OFFERING_16_A, false);
    interlock.pilotState(PilotState.C);
    relay.close();
    relay.open();

    interlock.pilotOutput(OFFERING_16_A, true);
    assertTrue(coil.isLow());
  }

  @Test
  void opensByItselfWhenTheEvStopsAskingOrThePilotIsDisabled() {
    Relay relay = startRelay(false, false);
    evChargesAtSixteenAmperes();
    relay.close();

    interlock.pilotOutput(PilotDutyCycle.NOT_OFFERING, true);
    assertTrue(coil.isHigh(), "the EV gets its seconds to stop drawing current");

    interlock.pilotState(PilotState.B);
    assertTrue(coil.isLow());
    evChargesAtSixteenAmperes();
    assertTrue(coil.isLow(), "after a safety opening only a new command closes it");

    relay.close();
    assertTrue(coil.isHigh());
    interlock.pilotOutput(PilotDutyCycle.DISABLED, false);
    assertTrue(coil.isLow());
  }

  @Test
  void theCoilMayBeActiveLow() {
    DigitalOutput activeLow = rig.pi4j.create(DigitalOutput.newConfigBuilder(rig.pi4j)
        .id("coil-low").address(5).initial(DigitalState.HIGH).provider("mock-digital-output"));
    Relay relay = new GpioRelay(activeLow, DigitalState.LOW, Optional.empty(), SETTLE, interlock, Optional.empty(),
        rig.time);
    relay.start(events);
    evChargesAtSixteenAmperes();

    relay.close();
    assertTrue(activeLow.isLow());
    relay.open();
    assertTrue(activeLow.isHigh());
  }

  @Test
  void aCoilOutputThatFailsIsReported() {
    boolean[] failing = {true};
    DigitalOutput broken = new MockDigitalOutput(MockDigitalOutputProvider.newInstance(),
        DigitalOutput.newConfigBuilder(rig.pi4j).id("broken").address(6).build()) {
      @Override
      public DigitalOutput state(DigitalState state) {
        if (failing[0]) {
          throw new IOException("GPIO line released");
        }
        return super.state(state);
      }
    };
    Relay relay = new GpioRelay(broken, DigitalState.HIGH, Optional.empty(), SETTLE, interlock, Optional.empty(),
        rig.time);
    relay.start(events);

    relay.open();
    assertEquals(Optional.of(new HardwareFault("relay-coil", ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_GPIO",
        "contactor coil output failed")), events.fault("relay-coil"));
    failing[0] = false;
    relay.open();
    assertEquals(Optional.empty(), events.fault("relay-coil"));
  }

  @Test
  void aContactorThatDoesNotCloseIsReportedAfterTheSettleTime() {
    Relay relay = startRelay(true, false);
    evChargesAtSixteenAmperes();
    relay.close();

    rig.time.advance(SETTLE.minusMillis(1));
    assertEquals(List.of(), events.faultEvents);
    rig.time.advance(Duration.ofMillis(1));
    assertEquals(Optional.of(new HardwareFault("relay", ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_NOT_CLOSED",
        "contactor open while commanded closed")), events.fault("relay"));

    contact(DigitalState.LOW);
    assertEquals(List.of(true), events.feedback);
    rig.time.advance(SETTLE);
    assertEquals(Optional.empty(), events.fault("relay"));
  }

  @Test
  void aWeldedContactorIsReportedAndClearedWhenItOpens() {
    Relay relay = startRelay(true, false);
    evChargesAtSixteenAmperes();
    relay.close();
    rig.advanceMillis(20);
    contact(DigitalState.LOW);
    rig.time.advance(SETTLE);

    relay.open();
    rig.time.advance(SETTLE);
    HardwareFault welded = events.fault("relay").orElseThrow();
    assertEquals("RELAY_WELDED", welded.vendorErrorCode());
    assertEquals(ConnectorFault.POWER_SWITCH_FAILURE, welded.fault());
    assertTrue(welded.stopsCharging());

    contact(DigitalState.HIGH);
    rig.time.advance(SETTLE);
    assertEquals(Optional.empty(), events.fault("relay"));
    assertEquals(List.of("relay:RELAY_WELDED", "relay:cleared"), events.faultEvents);
    assertEquals(List.of(true, false), events.feedback);
  }

  @Test
  void aContactThatFollowsWithinTheSettleTimeIsNoFault() {
    Relay relay = startRelay(true, false);
    evChargesAtSixteenAmperes();
    for (int i = 0; i < 5; i++) {
      relay.close();
      rig.advanceMillis(150);
      contact(DigitalState.LOW);
      rig.advanceMillis(300);
      relay.open();
      rig.advanceMillis(150);
      contact(DigitalState.HIGH);
      rig.advanceMillis(300);
    }
    assertEquals(List.of(), events.faultEvents);
  }

  @Test
  void aContactorWeldedAtStartUpIsReported() {
    auxiliary.mockState(DigitalState.LOW);
    Relay relay = new GpioRelay(coil, DigitalState.HIGH,
        Optional.of(new GpioRelay.AuxiliaryContact(auxiliary, DigitalState.LOW)), SETTLE, interlock, Optional.empty(),
        rig.time);
    relay.start(events);
    rig.time.advance(SETTLE);
    assertEquals("RELAY_WELDED", events.fault("relay").orElseThrow().vendorErrorCode());
  }

  @Test
  void aResidualCurrentTripOpensTheContactorAndBlocksItUntilCleared() {
    Relay relay = startRelay(false, true);
    evChargesAtSixteenAmperes();
    relay.close();
    assertTrue(coil.isHigh());

    rcmOutput.mockState(DigitalState.LOW);
    rig.time.runPending();
    assertTrue(coil.isLow());
    assertEquals(Optional.of(new HardwareFault("rcm", ConnectorFault.GROUND_FAILURE, "RCM_TRIP",
        "residual current monitor tripped")), events.fault("rcm"));
    relay.close();
    assertTrue(coil.isLow());

    rcmOutput.mockState(DigitalState.HIGH);
    rig.time.runPending();
    assertEquals(Optional.empty(), events.fault("rcm"));
    relay.close();
    assertTrue(coil.isHigh());
    assertEquals(List.of("rcm:RCM_TRIP", "rcm:cleared"), events.faultEvents);
  }

  @Test
  void aMonitorAlreadyTrippedAtStartUpIsReportedAtOnce() {
    rcmOutput.mockState(DigitalState.LOW);
    RcmInput rcm = new RcmInput(rcmOutput, DigitalState.LOW, interlock, rig.time);
    rcm.start(events);
    assertEquals("RCM_TRIP", events.fault("rcm").orElseThrow().vendorErrorCode());
    evChargesAtSixteenAmperes();
    assertEquals(Optional.of("the residual-current monitor has tripped"), interlock.closingRefusal());
  }
}
