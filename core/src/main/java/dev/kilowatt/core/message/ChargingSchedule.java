package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Power or current limits over time, the body of a charging profile or of a composite schedule.
 *
 * @param duration how long the schedule lasts, in seconds; absent means its last period lasts until the profile ends
 * @param startSchedule the moment an Absolute or Recurring schedule's periods count from
 * @param chargingRateUnit whether the limits are in amperes or watts
 * @param chargingSchedulePeriod the periods, in order of start
 * @param minChargingRate the lowest rate the EV charges efficiently at, in the schedule's unit; a hint for the Central
 *     System
 */
public record ChargingSchedule(
    Optional<Integer> duration,
    Optional<Instant> startSchedule,
    ChargingRateUnitType chargingRateUnit,
    List<ChargingSchedulePeriod> chargingSchedulePeriod,
    Optional<Double> minChargingRate) {

  /**
   * Rejects a null {@code chargingRateUnit}; a null optional component reads as absent; a null list reads as empty, and
   * a list is copied so the record stays immutable.
   */
  public ChargingSchedule {
    duration = Fields.opt(duration);
    startSchedule = Fields.opt(startSchedule);
    Fields.required(chargingRateUnit, "chargingRateUnit");
    chargingSchedulePeriod = Fields.list(chargingSchedulePeriod);
    minChargingRate = Fields.opt(minChargingRate);
  }
}
