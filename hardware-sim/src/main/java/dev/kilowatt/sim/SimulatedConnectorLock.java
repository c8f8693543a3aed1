package dev.kilowatt.sim;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.HardwareFault;

/**
 * The locking actuator of a simulated socket outlet. It moves at once when commanded, unless told to stick: then
 * it stays where it is and reports {@code ConnectorLockFailure} ({@code LOCK_STUCK}), cleared once it is freed and
 * reaches the commanded position.
 */
public final class SimulatedConnectorLock implements ConnectorLock {

  static final String SOURCE = "connector-lock";

  private ConnectorLock.Listener listener = locked -> {};
  private boolean locked;
  private boolean commandedLocked;
  private boolean stuck;
  private final MismatchFault fault = new MismatchFault(SOURCE);

  /** A lock that starts unlocked and free to move. */
  public SimulatedConnectorLock() {}

  @Override
  public synchronized void start(ConnectorLock.Listener listener) {
    this.listener = listener;
  }

  @Override
  public synchronized void lock() {
    commandedLocked = true;
    move();
  }

  @Override
  public synchronized void unlock() {
    commandedLocked = false;
    move();
  }

  /** {@return whether the plug is held} */
  public synchronized boolean isLocked() {
    return locked;
  }

  /** The actuator stops moving, in whichever position it is. */
  public synchronized void stick() {
    stuck = true;
  }

  /** The actuator moves again, to the last commanded position. */
  public synchronized void free() {
    stuck = false;
    move();
  }

  private void move() {
    if (!stuck && locked != commandedLocked) {
      locked = commandedLocked;
      listener.onLockChanged(locked);
    }
    fault.update(locked != commandedLocked, listener, () -> new HardwareFault(SOURCE,
        ConnectorFault.CONNECTOR_LOCK_FAILURE, "LOCK_STUCK", locked ? "stayed locked when unlocked" : "stayed open when locked"));
  }
}
