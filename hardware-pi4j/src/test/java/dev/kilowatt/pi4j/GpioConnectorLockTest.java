package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ConnectorLock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The socket lock on Pi4J's mock GPIO: outputs as commanded, the feedback switch driven by the test. */
class GpioConnectorLockTest extends RigTest {

  private static final String[] MOTOR = {"lock.pin=5", "lock.unlock-pin=6", "lock.feedback.pin=26"};
  private static final String[] SOLENOID = {"lock.actuator=solenoid", "lock.pin=5", "lock.feedback.pin=26"};

  private MockDigitalInput feedback;

  private ConnectorLock start(String... board) {
    ConnectorLock lock = rig.board(board).connectorLock().orElseThrow();
    feedback = rig.input("kilowatt-lock-feedback");
    feedback.mockState(DigitalState.HIGH);
    lock.start(events);
    return lock;
  }

  private void pinMoves(boolean locked) {
    feedback.mockState(locked ? DigitalState.LOW : DigitalState.HIGH);
    rig.time.runPending();
  }

  private MockDigitalOutput lockOutput() {
    return rig.output("kilowatt-lock");
  }

  private MockDigitalOutput unlockOutput() {
    return rig.output("kilowatt-unlock");
  }

  @Test
  void aMotorLockPulsesTheLockOutputAndReportsTheFeedback() {
    ConnectorLock lock = start(MOTOR);
    assertEquals(List.of(false), events.lockFeedback, "where it is at start");

    lock.lock();
    assertTrue(lockOutput().isHigh());
    assertTrue(unlockOutput().isLow());
    rig.advanceMillis(300);
    pinMoves(true);
    rig.advanceMillis(300);

    assertTrue(lockOutput().isLow(), "the pulse ends after 600 ms");
    assertEquals(List.of(false, true), events.lockFeedback);
    rig.advanceMillis(2_000);
    assertTrue(events.faultEvents.isEmpty());

    lock.unlock();
    assertTrue(unlockOutput().isHigh());
    assertTrue(lockOutput().isLow());
    pinMoves(false);
    rig.advanceMillis(600);
    assertTrue(unlockOutput().isLow());
    assertEquals(List.of(false, true, false), events.lockFeedback);
  }

  @Test
  void aLockThatDoesNotMoveIsAConnectorLockFailureUntilItReachesItsPosition() {
    ConnectorLock lock = start(MOTOR);

    lock.lock();
    rig.advanceMillis(1_499);
    assertTrue(events.fault("connector-lock").isEmpty(), "it has 1500 ms");
    rig.advanceMillis(1);

    assertEquals(ConnectorFault.CONNECTOR_LOCK_FAILURE, events.fault("connector-lock").orElseThrow().fault());
    assertEquals("LOCK_NOT_LOCKED", events.fault("connector-lock").orElseThrow().vendorErrorCode());
    pinMoves(true);
    assertTrue(events.fault("connector-lock").isEmpty());
  }

  @Test
  void aLockStuckShutCannotBeUnlocked() {
    ConnectorLock lock = start(MOTOR);
    lock.lock();
    pinMoves(true);

    lock.unlock();
    rig.advanceMillis(1_500);

    assertEquals("LOCK_NOT_UNLOCKED", events.fault("connector-lock").orElseThrow().vendorErrorCode());
    assertEquals(List.of("connector-lock:LOCK_NOT_UNLOCKED"), events.faultEvents);
  }

  @Test
  void reversingDuringAPulseNeverDrivesBothDirections() {
    ConnectorLock lock = start(MOTOR);
    lock.lock();
    rig.advanceMillis(50);
    pinMoves(true);
    rig.advanceMillis(50);

    lock.unlock();

    assertTrue(lockOutput().isLow());
    assertTrue(unlockOutput().isHigh());
    rig.advanceMillis(600);
    assertTrue(lockOutput().isLow());
    assertTrue(unlockOutput().isLow());
  }

  @Test
  void aCommandForWhereTheFeedbackAlreadyIsEndsThePulseAndMovesNothing() {
    ConnectorLock lock = start(MOTOR);
    lock.lock();
    rig.advanceMillis(100);

    lock.unlock();

    assertTrue(lockOutput().isLow(), "the lock pulse ends");
    assertTrue(unlockOutput().isLow(), "the pin never left unlocked");
    rig.advanceMillis(5_000);
    assertTrue(events.faultEvents.isEmpty());
  }

  @Test
  void aSolenoidHoldsThePlugWhileItsOutputIsActive() {
    ConnectorLock lock = start(SOLENOID);

    lock.lock();
    rig.advanceMillis(5_000);
    assertTrue(lockOutput().isHigh(), "no pulse: it holds");
    pinMoves(true);
    lock.unlock();

    assertTrue(lockOutput().isLow());
    pinMoves(false);
    rig.advanceMillis(1_500);
    assertEquals(List.of(false, true, false), events.lockFeedback);
    assertFalse(events.fault("connector-lock").isPresent());
    assertThrows(IllegalArgumentException.class, () -> rig.board("lock.pin=5", "lock.feedback.pin=26"));
  }

  @Test
  void theBoardHasNoLockWithoutALockSection() {
    assertEquals(Optional.empty(), rig.board().connectorLock());
  }

  @Test
  void aLockSectionThatContradictsItselfOrTheBoardIsRefusedNamingTheKey() {
    IllegalArgumentException unlockPin = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("lock.actuator=solenoid", "lock.pin=5", "lock.unlock-pin=6", "lock.feedback.pin=26"));
    assertTrue(unlockPin.getMessage().contains("lock.unlock-pin"), unlockPin.getMessage());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("lock.pin=5", "lock.unlock-pin=6", "lock.feedback.pin=27"));
    assertTrue(taken.getMessage().contains("relay.feedback.pin"), taken.getMessage());
    IllegalArgumentException pulse = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("lock.pin=5", "lock.unlock-pin=6", "lock.feedback.pin=26", "lock.pulse-ms=5000"));
    assertTrue(pulse.getMessage().contains("lock.pulse-ms"), pulse.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("lock.actuator=magnet", "lock.pin=5", "lock.feedback.pin=26"));
    assertTrue(kind.getMessage().contains("motor or solenoid"), kind.getMessage());
  }
}
