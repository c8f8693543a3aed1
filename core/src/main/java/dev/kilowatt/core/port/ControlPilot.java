package dev.kilowatt.core.port;

/**
 * The IEC 61851-1 control pilot of one connector: how the charge point tells the EV how much current it
 * may draw, and how it learns whether an EV is connected and asking for energy.
 */
public interface ControlPilot {

  /**
   * Called once, before any command, with where to report pilot states and faults.
   *
   * @param listener where pilot states and faults go
   */
  void start(Listener listener);

  /**
   * Offers {@code amperes} to the EV with a PWM duty cycle. Values below 6 A cannot be signalled and mean
   * the same as {@link #stopOffering()}; the adapter never offers more than asked (it rounds down).
   *
   * @param amperes the current the EV may draw per phase
   */
  void offer(double amperes);

  /** Steady +12 V: the EV may stay connected but must not draw current (states B1/C1). */
  void stopOffering();

  /** Steady -12 V (state F): the charge point is not available. */
  void disable();

  /** Events from the pilot, delivered from any thread. */
  interface Listener extends FaultListener {
    /**
     * The EV moved the pilot to another state, e.g. from B to C when it asks for energy.
     *
     * @param state the new state
     */
    void onStateChanged(PilotState state);
  }
}
