package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * One step of a charging schedule: a limit that applies from an offset in seconds after the schedule start.
 *
 * @param startPeriod the period's start, in seconds after the schedule's start
 * @param limit the limit during the period, in the schedule's unit
 * @param numberPhases how many phases the EV may charge on; absent means 3
 */
public record ChargingSchedulePeriod(int startPeriod, double limit, Optional<Integer> numberPhases) {

  /** A null optional component reads as absent. */
  public ChargingSchedulePeriod {
    numberPhases = Fields.opt(numberPhases);
  }
}
