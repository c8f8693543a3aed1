package dev.kilowatt.core.port;

/**
 * The contactor that switches mains power to one connector.
 *
 * <p>The domain closes it only while the EV asks for energy (pilot state C or D) and the charge point
 * allows charging. Boards with an auxiliary contact report what the contactor really did; a mismatch
 * (welded, or failing to close) is reported as a {@link HardwareFault}.
 */
public interface Relay {

  /**
   * Called once, before any command, with where to report feedback and faults.
   *
   * @param listener where feedback and faults go
   */
  void start(Listener listener);

  /** Closes the contactor: the connector is live. */
  void close();

  /** Opens the contactor: the connector is dead. */
  void open();

  /** Events from the relay, delivered from any thread. */
  interface Listener extends FaultListener {
    /**
     * The auxiliary contact's state changed. Boards without feedback never call this.
     *
     * @param closed whether the auxiliary contact now reports the contactor closed
     */
    default void onFeedback(boolean closed) {}
  }
}
