package dev.kilowatt.core.port;

/**
 * The contactor arrangement of a three-phase connector that can charge on one phase or on three: the domain switches
 * it when the numberPhases of the charging schedule asks for another count, and only while the relay is open and no
 * current flows (an EV must not see phases come and go under load).
 */
public interface PhaseSwitch {

  /**
   * Called once, before any command, with where to report the switch's position and faults.
   *
   * @param listener where the switch's position and faults go
   */
  void start(Listener listener);

  /**
   * Switches to {@code phases}.
   *
   * @param phases 1 or 3
   * @throws IllegalArgumentException for anything but 1 or 3
   */
  void switchTo(int phases);

  /** Events from the switch, delivered from any thread. */
  interface Listener extends FaultListener {
    /**
     * The connector now charges on {@code phases} (1 or 3).
     *
     * @param phases the phases now in use
     */
    void onPhasesSwitched(int phases);
  }
}
