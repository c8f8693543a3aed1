package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RaspberryPiBoardTest extends RigTest {

  /** Starts the board's pilot and relay, lets an EV with its diode draw {@code amperes} and closes the contactor. */
  private void charge(RaspberryPiBoard board, int amperes) {
    rig.input("kilowatt-rcm").mockState(DigitalState.HIGH);
    board.pilot().start(events);
    board.relay().start(events);
    board.pilot().offer(amperes);
    rig.adc.pilot(6, -12);
    rig.advanceMillis(500);
    board.relay().close();
  }

  @Test
  void aChargingSessionOnTheSampleBoard() {
    RaspberryPiBoard board = rig.board();
    MockDigitalInput auxiliary = rig.input("kilowatt-relay-feedback");
    auxiliary.mockState(DigitalState.HIGH);
    DigitalOutput coil = rig.output("kilowatt-relay");
    // a contactor whose auxiliary contact follows the coil, pulling the input low while closed
    coil.addListener(event -> auxiliary.mockState(DigitalState.getInverseState(event.state())));
    rig.input("kilowatt-rcm").mockState(DigitalState.HIGH);
    MockDigitalInput s0 = rig.input("kilowatt-s0");
    s0.mockState(DigitalState.HIGH);
    ControlPilot pilot = board.pilot();
    Relay relay = board.relay();
    pilot.start(events);
    relay.start(events);
    board.rfidReader().orElseThrow().start(events);
    board.energyMeter().orElseThrow().start(events);

    pilot.stopOffering();
    rig.adc.steady(12);
    rig.advanceMillis(500);
    rig.rfid.present("deadbeef");
    rig.adc.steady(9);
    rig.advanceMillis(500);
    assertEquals(List.of("DEADBEEF"), events.cards);
    assertEquals(Optional.of(PilotState.B), events.lastState());

    pilot.offer(16);
    assertEquals(26, rig.pilotPwm().dutyCycle());
    rig.adc.pilot(6, -12);
    rig.advanceMillis(500);
    relay.close();
    assertTrue(coil.isHigh());
    for (int i = 0; i < 3; i++) {
      rig.advanceMillis(1000);
      s0.mockState(DigitalState.LOW);
      rig.advanceMillis(35);
      s0.mockState(DigitalState.HIGH);
    }
    assertEquals(3, events.lastReading().energyImportWh(), 1e-9);

    rig.adc.pilot(9, -12);
    rig.advanceMillis(500);
    assertTrue(coil.isLow(), "opened by itself when the EV went back to B");

    assertEquals(List.of(PilotState.A, PilotState.B, PilotState.C, PilotState.B), events.states);
    assertEquals(List.of(true, false), events.feedback);
    assertEquals(List.of(), events.faultEvents);
  }

  @Test
  void theDiodeFaultOpensTheContactor() {
    RaspberryPiBoard board = rig.board("relay.feedback.pin=", "relay.feedback.closed-level=",
        "relay.feedback.pull=");
    charge(board, 32);
    assertTrue(rig.output("kilowatt-relay").isHigh());

    rig.adc.pilot(6, -6);
    rig.advanceMillis(500);

    assertTrue(rig.output("kilowatt-relay").isLow());
    assertEquals("CP_DIODE", events.fault("pilot").orElseThrow().vendorErrorCode());
  }

  @Test
  void optionalPartsAreLeftOutWhenTheBoardHasNone() {
    RaspberryPiBoard board = rig.board("rfid.spi.bus=", "rfid.spi.cs=", "rfid.spi.baud=",
        "rfid.poll-interval-ms=", "rfid.removal-polls=", "meter.s0.pin=", "meter.s0.pulses-per-kwh=",
        "meter.s0.count-edge=", "meter.s0.pull=", "meter.s0.debounce-ms=", "meter.s0.idle-timeout-s=",
        "meter.s0.nominal-voltage=", "meter.s0.report-interval-s=");

    assertEquals(Optional.empty(), board.rfidReader());
    assertEquals(Optional.empty(), board.energyMeter());
    assertFalse(rig.pi4j.registry().exists("kilowatt-s0"));
  }

  @Test
  void shuttingPi4jDownLeavesTheContactorOpenAndThePilotAtMinusTwelveVolts() {
    RaspberryPiBoard board = rig.board();
    charge(board, 16);
    DigitalOutput coil = rig.output("kilowatt-relay");
    Pwm pwm = rig.pilotPwm();
    assertTrue(coil.isHigh());

    rig.pi4j.shutdown();

    assertTrue(coil.isLow());
    assertFalse(pwm.isOn());
  }

  @Test
  void aPi4jFailureNamesTheBoardKey() {
    rig.pi4j.create(DigitalOutput.newConfigBuilder(rig.pi4j).id("something-else").address(17)
        .provider("mock-digital-output"));

    IllegalStateException e = assertThrows(IllegalStateException.class, rig::board);
    assertTrue(e.getMessage().startsWith("Pi4J cannot create the IO for relay.pin: "), e.getMessage());

  }

  @Test
  void aMissingProviderNamesTheBoardKey() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> rig.board("provider.spi=linuxfs-spi"));
    assertTrue(e.getMessage().startsWith("Pi4J cannot create the IO for pilot.adc.spi.cs: "), e.getMessage());
  }
}
