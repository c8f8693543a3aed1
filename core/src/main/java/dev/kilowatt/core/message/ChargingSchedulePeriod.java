package dev.kilowatt.core.message;

import java.util.Optional;

/** One step of a charging schedule: a limit that applies from an offset in seconds after the schedule start. */
public record ChargingSchedulePeriod(int startPeriod, double limit, Optional<Integer> numberPhases) {

  public ChargingSchedulePeriod {
    numberPhases = Fields.opt(numberPhases);
  }
}
