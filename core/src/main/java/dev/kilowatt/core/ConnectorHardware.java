package dev.kilowatt.core;

import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.PhaseSwitch;
import dev.kilowatt.core.port.Relay;
import java.util.Objects;
import java.util.Optional;

/**
 * The hardware of one connector.
 *
 * @param relay the contactor that switches the supply to the EV
 * @param pilot the IEC 61851-1 control pilot: the EV's state in, the offered current out
 * @param meter the connector's energy meter, the source of its MeterValues
 * @param maxCurrentA the most current per phase the connector, its cable and its supply allow
 * @param phases how many phases the connector supplies (1 or 3)
 * @param fixedCable whether the cable is fixed to the charge point (nothing to unlock)
 * @param lock the locking actuator of a socket outlet; a fixed cable has none
 * @param phaseSwitch the contactors that let a three-phase connector charge on one phase, if it has them; the
 *     numberPhases of the charging schedule then drives them
 */
public record ConnectorHardware(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA, int phases, boolean fixedCable,
    Optional<ConnectorLock> lock, Optional<PhaseSwitch> phaseSwitch) {

  /** IEC 61851-1 cannot signal less than 6 A. */
  public static final double MIN_CURRENT_A = 6.0;

  /** Checks that nothing is missing and the rating and phases are possible. */
  public ConnectorHardware {
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(lock, "lock");
    if (maxCurrentA < MIN_CURRENT_A || maxCurrentA > 80) {
      throw new IllegalArgumentException("maxCurrentA must be within 6..80 A: " + maxCurrentA);
    }
    if (phases != 1 && phases != 3) {
      throw new IllegalArgumentException("phases must be 1 or 3: " + phases);
    }
    if (fixedCable && lock.isPresent()) {
      throw new IllegalArgumentException("a fixed cable has no lock to hold it");
    }
    Objects.requireNonNull(phaseSwitch, "phaseSwitch");
    if (phaseSwitch.isPresent() && phases != 3) {
      throw new IllegalArgumentException("only a three-phase connector switches between one and three phases");
    }
  }

  /**
   * A connector without a lock or a phase switch: a fixed cable, or a socket whose plug nothing holds.
   *
   * @param relay the contactor that switches the supply to the EV
   * @param pilot the IEC 61851-1 control pilot
   * @param meter the connector's energy meter
   * @param maxCurrentA the most current per phase, in amperes (6 to 80)
   * @param phases how many phases the connector supplies (1 or 3)
   * @param fixedCable whether the cable is fixed to the charge point
   */
  public ConnectorHardware(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA, int phases, boolean fixedCable) {
    this(relay, pilot, meter, maxCurrentA, phases, fixedCable, Optional.empty(), Optional.empty());
  }

  /**
   * This three-phase connector with {@code phaseSwitch} to charge on one phase or three.
   *
   * @param phaseSwitch the contactors that switch between one phase and three
   * @return the changed hardware
   * @throws IllegalArgumentException if this connector is not three-phase
   */
  public ConnectorHardware withPhaseSwitch(PhaseSwitch phaseSwitch) {
    return new ConnectorHardware(relay, pilot, meter, maxCurrentA, phases, fixedCable, lock, Optional.of(phaseSwitch));
  }

  /**
   * A single-phase connector with a fixed cable, like the reference device's.
   *
   * @param relay the contactor that switches the supply to the EV
   * @param pilot the IEC 61851-1 control pilot
   * @param meter the connector's energy meter
   * @param maxCurrentA the most current, in amperes (6 to 80)
   * @return the connector's hardware
   */
  public static ConnectorHardware singlePhaseFixedCable(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA) {
    return new ConnectorHardware(relay, pilot, meter, maxCurrentA, 1, true);
  }

  /**
   * A socket outlet whose plug {@code lock} holds during a session.
   *
   * @param relay the contactor that switches the supply to the EV
   * @param pilot the IEC 61851-1 control pilot
   * @param meter the connector's energy meter
   * @param maxCurrentA the most current per phase, in amperes (6 to 80)
   * @param phases how many phases the socket supplies (1 or 3)
   * @param lock the actuator that locks the plug in the socket
   * @return the connector's hardware
   */
  public static ConnectorHardware socket(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA, int phases,
      ConnectorLock lock) {
    return new ConnectorHardware(relay, pilot, meter, maxCurrentA, phases, false, Optional.of(lock), Optional.empty());
  }
}
