package dev.kilowatt.sim;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.Relay;

/**
 * A contactor with an auxiliary contact. The contacts follow the commands unless told to misbehave; like a
 * board with feedback, it reports every change of the contacts and a {@code PowerSwitchFailure} while the
 * contacts disagree with the last command, cleared once they agree again.
 */
public final class SimulatedRelay implements Relay {

  static final String SOURCE = "relay";

  private final Object lock;
  private final Runnable contactsChanged;
  private Relay.Listener listener = new Relay.Listener() {};
  private boolean commandedClosed;
  private boolean contactsClosed;
  private boolean welding;
  private boolean failingToClose;
  private final MismatchFault fault = new MismatchFault(SOURCE);

  SimulatedRelay(Object lock, Runnable contactsChanged) {
    this.lock = lock;
    this.contactsChanged = contactsChanged;
  }

  @Override
  public void start(Relay.Listener listener) {
    synchronized (lock) {
      this.listener = listener;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      commandedClosed = true;
      moveContacts(failingToClose ? contactsClosed : true);
    }
  }

  @Override
  public void open() {
    synchronized (lock) {
      commandedClosed = false;
      moveContacts(welding ? contactsClosed : false);
    }
  }

  /** {@return whether the contacts are closed, i.e. whether mains reaches the connector} */
  public boolean isClosed() {
    synchronized (lock) {
      return contactsClosed;
    }
  }

  /** {@return whether the charge point last commanded the relay closed} */
  public boolean isCommandedClosed() {
    synchronized (lock) {
      return commandedClosed;
    }
  }

  /**
   * Welds the contacts: once closed (now, or at the next closing) they stay closed when commanded open, and
   * the relay reports {@code RELAY_WELDED}.
   */
  public void weld() {
    synchronized (lock) {
      welding = true;
    }
  }

  /** Makes the next closings fail: the contacts stay open and the relay reports {@code RELAY_NOT_CLOSED}. */
  public void failToClose() {
    synchronized (lock) {
      failingToClose = true;
    }
  }

  /** Ends any welding or failing to close; the contacts follow the last command again. */
  public void repair() {
    synchronized (lock) {
      welding = false;
      failingToClose = false;
      moveContacts(commandedClosed);
    }
  }

  private void moveContacts(boolean closed) {
    if (closed != contactsClosed) {
      contactsClosed = closed;
      listener.onFeedback(closed);
      contactsChanged.run();
    }
    fault.update(contactsClosed != commandedClosed, listener, () -> contactsClosed
        ? new HardwareFault(SOURCE, ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_WELDED",
            "contacts stayed closed when opened")
        : new HardwareFault(SOURCE, ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_NOT_CLOSED",
            "contacts stayed open when closed"));
  }
}
