package dev.kilowatt.sim;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PhaseSwitch;

/**
 * The 1/3-phase contactors of a simulated three-phase connector. It follows each command unless told to stick;
 * a stuck switch reports {@code PowerSwitchFailure} ({@code PHASE_SWITCH_STUCK}) and stays where it is, and the
 * fault clears once it is freed and reaches the commanded count.
 */
public final class SimulatedPhaseSwitch implements PhaseSwitch {

  static final String SOURCE = "phase-switch";

  private final Object lock;
  private final Runnable phasesChanged;
  private PhaseSwitch.Listener listener = phases -> {};
  private int phases = 3;
  private int commanded = 3;
  private boolean stuck;
  private final MismatchFault fault = new MismatchFault(SOURCE);

  SimulatedPhaseSwitch(Object lock, Runnable phasesChanged) {
    this.lock = lock;
    this.phasesChanged = phasesChanged;
  }

  @Override
  public void start(PhaseSwitch.Listener listener) {
    synchronized (lock) {
      this.listener = listener;
    }
  }

  @Override
  public void switchTo(int phases) {
    if (phases != 1 && phases != 3) {
      throw new IllegalArgumentException("a phase switch switches to 1 or 3 phases, not " + phases);
    }
    synchronized (lock) {
      commanded = phases;
      move();
    }
  }

  /** {@return the phases the connector charges on now} */
  public int phases() {
    synchronized (lock) {
      return phases;
    }
  }

  /** The switch stops moving: commands leave it where it is and report a fault. */
  public void stick() {
    synchronized (lock) {
      stuck = true;
    }
  }

  /** The switch moves again, to the last commanded count. */
  public void free() {
    synchronized (lock) {
      stuck = false;
      move();
    }
  }

  private void move() {
    if (!stuck && phases != commanded) {
      phases = commanded;
      listener.onPhasesSwitched(phases);
      phasesChanged.run();
    }
    fault.update(phases != commanded, listener, () -> new HardwareFault(SOURCE,
        ConnectorFault.POWER_SWITCH_FAILURE, "PHASE_SWITCH_STUCK", "stayed on " + phases + " phases"));
  }
}
