package dev.kilowatt.core;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.Relay;
import java.util.Objects;

/**
 * The hardware of one connector.
 *
 * @param maxCurrentA the most current per phase the connector, its cable and its supply allow
 * @param phases how many phases the connector supplies (1 or 3)
 * @param fixedCable whether the cable is fixed to the charge point (nothing to unlock)
 */
public record ConnectorHardware(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA, int phases, boolean fixedCable) {

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
  }

  /** A single-phase connector with a fixed cable, like the reference device's. */
  public static ConnectorHardware singlePhaseFixedCable(Relay relay, ControlPilot pilot, EnergyMeter meter, double maxCurrentA) {
    return new ConnectorHardware(relay, pilot, meter, maxCurrentA, 1, true);
  }
}
