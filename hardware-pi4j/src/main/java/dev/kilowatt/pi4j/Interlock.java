package dev.kilowatt.pi4j;

import dev.kilowatt.core.port.PilotState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the contactor must know from the pilot and the residual-current monitor, kept in hardware adapters
 * rather than left to the domain alone: the contactor may close only while the EV asks for energy (C or D),
 * the pilot offers current and the residual-current monitor is quiet, and it opens by itself as soon as the
 * EV stops asking, the pilot is disabled or the monitor trips. Stopping the offer alone does not open it:
 * the EV gets its few seconds to stop drawing current before the domain opens the contactor.
 *
 * <p>Used on the scheduler's thread only, like the adapters that share it.
 */
final class Interlock {

  private PilotState pilotState = PilotState.F;
  private int pilotDutyPercent;
  private boolean groundFault;
  private Consumer<String> mustOpen = reason -> {};

  /** Where to go, with the reason, when the contactor must open at once. */
  void onMustOpen(Consumer<String> action) {
    this.mustOpen = action;
  }

  /** The pilot state as reported to the domain (F while the pilot has a fault). */
  void pilotState(PilotState state) {
    this.pilotState = state;
    mustOpenReason().ifPresent(mustOpen);
  }

  /** The duty cycle the pilot signals: 0 = steady -12 V (disabled), 100 = steady +12 V (not offering). */
  void pilotDutyCycle(int percent) {
    this.pilotDutyPercent = percent;
    mustOpenReason().ifPresent(mustOpen);
  }

  void groundFault(boolean tripped) {
    this.groundFault = tripped;
    mustOpenReason().ifPresent(mustOpen);
  }

  /** Why the contactor may not close now, if it may not. */
  Optional<String> closingRefusal() {
    return mustOpenReason().or(() -> pilotDutyPercent >= 100
        ? Optional.of("the pilot offers no current")
        : Optional.empty());
  }

  private Optional<String> mustOpenReason() {
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
}
