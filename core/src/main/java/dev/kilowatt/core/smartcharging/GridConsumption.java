package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The composite schedule of connector 0, which reports what the grid connection is expected to draw (OCPP 1.6 section
 * 5.7 and the connectorId of GetCompositeSchedule.req). That is what the running transactions are expected to draw, each by its own composite
 * schedule, together, and never more than the grid limit allows. A connector without a transaction is expected to draw
 * nothing, so with none running the consumption is 0.
 *
 * <p>Amperes add up per phase because every connector loads the first of the grid's phases
 * ({@link MainsPhase#first}); watts add up as they are.
 */
final class GridConsumption {

  private GridConsumption() {
  }

  /**
   * @param grid the ChargePointMaxProfile's composite capped by the installation limit, in the unit asked for
   * @param transactions the composite schedule of each connector with a running transaction, same window and unit
   */
  static ChargingSchedule of(ChargingSchedule grid, List<ChargingSchedule> transactions) {
    TreeSet<Integer> starts = new TreeSet<>();
    grid.chargingSchedulePeriod().forEach(p -> starts.add(p.startPeriod()));
    transactions.forEach(s -> s.chargingSchedulePeriod().forEach(p -> starts.add(p.startPeriod())));
    List<ChargingSchedulePeriod> periods = new ArrayList<>();
    for (int start : starts) {
      ChargingSchedulePeriod cap = at(grid, start);
      double sum = 0;
      int phases = 0;
      for (ChargingSchedule schedule : transactions) {
        ChargingSchedulePeriod period = at(schedule, start);
        sum += period.limit();
        phases = Math.max(phases, period.numberPhases().orElse(1));
      }
      double limit = Math.floor(Math.min(cap.limit(), sum) * 10 + 1e-9) / 10;
      Optional<Integer> numberPhases = phases == 0 ? cap.numberPhases() : Optional.of(phases);
      ChargingSchedulePeriod period = new ChargingSchedulePeriod(start, limit, numberPhases);
      if (periods.isEmpty() || periods.getLast().limit() != limit || !periods.getLast().numberPhases().equals(numberPhases)) {
        periods.add(period);
      }
    }
    return new ChargingSchedule(grid.duration(), grid.startSchedule(), grid.chargingRateUnit(), periods, Optional.empty());
  }

  /** The period in effect at {@code offset}; every composite schedule has one from offset 0. */
  private static ChargingSchedulePeriod at(ChargingSchedule schedule, int offset) {
    ChargingSchedulePeriod found = schedule.chargingSchedulePeriod().getFirst();
    for (ChargingSchedulePeriod period : schedule.chargingSchedulePeriod()) {
      if (period.startPeriod() <= offset) {
        found = period;
      }
    }
    return found;
  }
}
