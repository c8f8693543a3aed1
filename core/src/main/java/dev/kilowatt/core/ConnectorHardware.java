package dev.kilowatt.core;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.PhaseSwitch;
import dev.kilowatt.core.port.Relay;
import java.util.Objects;
import java.util.Optional;

/**
 * The hardware of one connector.
 *
 * @param maxCurrentA the most current per phase the connector, its cable and its supply allow
 * @param phases how many phases the connector supplies (1 or 3)
 * @param fixedCable whether the cable is fixed to the charge point (nothing to unlock)
 * @param phaseSwitch the contactors that let a three-phase connector charge on one phase, if it has them; the
 *     numberPhases of the charging schedule then drives them
 */
public record ConnectorHardware(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA, int phases, boolean fixedCable,
    Optional<PhaseSwitch> phaseSwitch) {

  /** IEC 61851-1 cannot signal less than 6 A. */
  public static final double MIN_CURRENT_A = 6.0;

  public ConnectorHardware {
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(meter, "meter");
    if (maxCurrentA < MIN_CURRENT_A || maxCurrentA > 80) {
      throw new IllegalArgumentException("maxCurrentA must be within 6..80 A: " + maxCurrentA);
    }
    if (phases != 1 && phases != 3) {
      throw new IllegalArgumentException("phases must be 1 or 3: " + phases);
    }
    Objects.requireNonNull(phaseSwitch, "phaseSwitch");
    if (phaseSwitch.isPresent() && phases != 3) {
      throw new IllegalArgumentException("only a three-phase connector switches between one and three phases");
    }
  }

  /** A connector without a phase switch. */
  public ConnectorHardware(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA, int phases, boolean fixedCable) {
    this(relay, pilot, meter, maxCurrentA, phases, fixedCable, Optional.empty());
  }

  /** This three-phase connector with {@code phaseSwitch} to charge on one phase or three. */
  public ConnectorHardware withPhaseSwitch(PhaseSwitch phaseSwitch) {
    return new ConnectorHardware(relay, pilot, meter, maxCurrentA, phases, fixedCable, Optional.of(phaseSwitch));
  }

  /** A single-phase connector with a fixed cable, like the reference device's. */
  public static ConnectorHardware singlePhaseFixedCable(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA) {
    return new ConnectorHardware(relay, pilot, meter, maxCurrentA, 1, true);
  }
}
