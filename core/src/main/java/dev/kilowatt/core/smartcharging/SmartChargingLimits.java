package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingRateUnitType;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the charge point accepts in charging profiles, as it reports through the Smart Charging
 * configuration keys of OCPP 1.6 section 9.4.
 *
 * @param maxStackLevel {@code ChargeProfileMaxStackLevel}: stack levels 0 to this value are accepted. As a
 *     profile with the stack level and purpose of an installed one replaces it, this also bounds how many
 *     profiles of one purpose a connector holds, which is the second meaning the spec gives the key
 * @param maxPeriods {@code ChargingScheduleMaxPeriods}: periods per charging schedule
 * @param allowedUnits {@code ChargingScheduleAllowedChargingRateUnit}: A is "Current", W is "Power"
 * @param maxInstalled {@code MaxChargingProfilesInstalled}: profiles installed at a time, all connectors together
 */
public record SmartChargingLimits(int maxStackLevel, int maxPeriods, Set<ChargingRateUnitType> allowedUnits, int maxInstalled) {

  /** Both units, 24 periods (one an hour for a day), stack levels 0 to 8, 16 profiles. */
  public static final SmartChargingLimits DEFAULT =
      new SmartChargingLimits(8, 24, EnumSet.allOf(ChargingRateUnitType.class), 16);

  /** Checks the ranges. */
  public SmartChargingLimits {
    if (maxStackLevel < 0 || maxPeriods < 1 || maxInstalled < 1) {
      throw new IllegalArgumentException("limits out of range: stack level " + maxStackLevel + ", periods " + maxPeriods
          + ", profiles " + maxInstalled);
    }
    if (allowedUnits == null || allowedUnits.isEmpty()) {
      throw new IllegalArgumentException("at least one charging rate unit must be allowed");
    }
    allowedUnits = Set.copyOf(allowedUnits);
  }

  /** The value of {@code ChargingScheduleAllowedChargingRateUnit}, e.g. "Current,Power". */
  String allowedUnitsConfigValue() {
    return EnumSet.copyOf(allowedUnits).stream()
        .map(unit -> unit == ChargingRateUnitType.A ? "Current" : "Power")
        .collect(Collectors.joining(","));
  }
}
