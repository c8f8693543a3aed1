package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Variables.Mapping;
import dev.kilowatt.ocpp201.Variables.Mutability;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SmartChargingCtrlr's variables that are the core's 1.6 smart charging keys (OCPP 1.6 section 9.4), all ReadOnly
 * in part 2's appendix as the keys are in 1.6: the core derives them from how the charger is built. Named as the
 * appendix names them (libocpp's ChargingProfileMaxStackLevel is the variable ProfileStackLevel, its
 * ChargingScheduleChargingRateUnit the variable RateUnit). RateUnit is a MemberList of A and W where the 1.6 key
 * says Current and Power. Not here: Entries (how many profiles are installed; the core's keys give only the
 * maximum), LimitChangeSignificance and Enabled (no 1.6 key: the core always charges smartly).
 */
final class SmartChargingVariables {

  private static final String COMPONENT = "SmartChargingCtrlr";

  static final List<Mapping> TABLE = List.of(
      new Mapping(COMPONENT, "ProfileStackLevel", "ChargeProfileMaxStackLevel", Mutability.READ_ONLY),
      new Mapping(COMPONENT, "PeriodsPerSchedule", "ChargingScheduleMaxPeriods", Mutability.READ_ONLY),
      new Mapping(COMPONENT, "Phases3to1", "ConnectorSwitch3to1PhaseSupported", Mutability.READ_ONLY),
      new Mapping(COMPONENT, "RateUnit", "ChargingScheduleAllowedChargingRateUnit", Mutability.READ_ONLY,
          SmartChargingVariables::rateUnits));

  private SmartChargingVariables() {
  }

  /** 1.6's "Current,Power" as 2.0.1's "A,W": each member by its unit. */
  static String rateUnits(String value) {
    return Arrays.stream(value.split(",")).map(String::trim)
        .map(unit -> switch (unit) {
          case "Current" -> "A";
          case "Power" -> "W";
          default -> unit;
        }).collect(Collectors.joining(","));
  }
}
