package dev.kilowatt.pi4j;

import dev.kilowatt.core.port.PilotState;
import java.util.Optional;

/**
 * What the contactor must know from the pilot and the residual-current monitor, kept in the hardware
 * adapters rather than left to the domain alone.
 *
 * <p>The contactor may close only while the EV asks for energy (C or D), the pilot offers current, the EV's
 * diode has checked out since the offer began, and the residual-current monitor is quiet. It must open at
 * once when the EV stops asking, the pilot is disabled or the monitor trips. Stopping the offer alone does
 * not force it open: the EV gets its few seconds to stop drawing current before the domain opens it.
 *
 * <p>Used on the scheduler's thread only, like the adapters that share it.
 */
final class Interlock {

  private PilotState pilotState = PilotState.F;
  private int pilotDutyPercent;
  private boolean diodeChecked;
  private boolean groundFault;
  private Runnable changed = () -> {};

  /** What to run after every change. */
  void onChange(Runnable action) {
    this.changed = action;
  }

  /** The pilot state as reported to the domain (F while the pilot has a fault). */
  void pilotState(PilotState state) {
    this.pilotState = state;
    changed.run();
  }

  /**
   * What the pilot signals, both at once so that the contactor never sees a new offer with an old diode
   * check.
   *
   * @param dutyPercent 0 = steady -12 V (disabled), 100 = steady +12 V (not offering)
   * @param diodeChecked whether the EV's diode has checked out since the offer began (or cannot be checked)
   */
  void pilotOutput(int dutyPercent, boolean diodeChecked) {
    this.pilotDutyPercent = dutyPercent;
    this.diodeChecked = diodeChecked;
    changed.run();
  }

  void groundFault(boolean tripped) {
    this.groundFault = tripped;
    changed.run();
  }

  /** Why a closed contactor must open now, if it must. */
  Optional<String> openingReason() {
    if (groundFault) {
      return Optional.of("the residual-current monitor has tripped");
    }
    if (!pilotState.evRequestsEnergy()) {
      return Optional.of("the pilot is in state " + pilotState + ", not C or D");
    }
    if (pilotDutyPercent <= 0) {
      return Optional.of("the pilot is disabled");
    }
    return Optional.empty();
  }

  /** Why an open contactor may not close now, if it may not. */
  Optional<String> closingRefusal() {
    return openingReason().or(() -> {
      if (pilotDutyPercent >= 100) {
        return Optional.of("the pilot offers no current");
      }
      return diodeChecked ? Optional.empty() : Optional.of("the EV's diode has not checked out yet");
    });
  }
}
