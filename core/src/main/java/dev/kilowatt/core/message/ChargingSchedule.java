package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Power or current limits over time, the body of a charging profile or of a composite schedule. */
public record ChargingSchedule(
    Optional<Integer> duration,
    Optional<Instant> startSchedule,
    ChargingRateUnitType chargingRateUnit,
    List<ChargingSchedulePeriod> chargingSchedulePeriod,
    Optional<Double> minChargingRate) {

  public ChargingSchedule {
    duration = Fields.opt(duration);
    startSchedule = Fields.opt(startSchedule);
    Fields.required(chargingRateUnit, "chargingRateUnit");
    chargingSchedulePeriod = Fields.list(chargingSchedulePeriod);
    minChargingRate = Fields.opt(minChargingRate);
  }
}
