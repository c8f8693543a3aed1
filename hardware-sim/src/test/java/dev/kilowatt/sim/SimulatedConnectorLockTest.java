package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedConnectorLockTest {

  private final Recorder core = new Recorder();
  private final SimulatedConnectorLock lock = new SimulatedConnectorLock();

  @BeforeEach
  void start() {
    lock.start(core);
  }

  @Test
  void locksAndUnlocksAndReportsEachMoveOnce() {
    lock.lock();
    lock.lock();
    assertTrue(lock.isLocked());
    lock.unlock();

    assertFalse(lock.isLocked());
    assertEquals(List.of(true, false), core.lockFeedback);
    assertTrue(core.faults.isEmpty());
  }

  @Test
  void aStuckLockStaysLockedAndReportsAConnectorLockFailureUntilFreed() {
    lock.lock();
    lock.stick();

    lock.unlock();

    assertTrue(lock.isLocked());
    assertEquals(List.of(true), core.lockFeedback);
    assertEquals(List.of(new HardwareFault("connector-lock", ConnectorFault.CONNECTOR_LOCK_FAILURE, "LOCK_STUCK",
        "stayed locked when unlocked")), core.faults);

    lock.free();

    assertFalse(lock.isLocked());
    assertEquals(List.of(true, false), core.lockFeedback);
    assertEquals(List.of("connector-lock"), core.cleared);
  }

  @Test
  void aLockStuckOpenDoesNotLock() {
    lock.stick();

    lock.lock();

    assertFalse(lock.isLocked());
    assertTrue(core.lockFeedback.isEmpty());
    assertEquals("stayed open when locked", core.faults.getFirst().info());
    lock.unlock();
    assertEquals(List.of("connector-lock"), core.cleared, "commanded back where it is, it agrees again");
  }
}
