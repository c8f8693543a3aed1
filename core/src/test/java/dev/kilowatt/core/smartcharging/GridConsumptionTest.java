package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Connector 0's composite: what the running transactions draw together, within the grid limit, worked by hand. */
class GridConsumptionTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static ChargingSchedule watts(ChargingSchedulePeriod... periods) {
    return new ChargingSchedule(Optional.of(3600), Optional.of(T0), ChargingRateUnitType.W, List.of(periods), Optional.empty());
  }

  private static ChargingSchedulePeriod period(int start, double limit, int phases) {
    return new ChargingSchedulePeriod(start, limit, Optional.of(phases));
  }

  private static List<String> periods(ChargingSchedule schedule) {
    return schedule.chargingSchedulePeriod().stream()
        .map(p -> p.startPeriod() + "=" + p.limit() + "/" + p.numberPhases().orElseThrow()).toList();
  }

  /**
   * A 22 080 W grid (32 A on three phases of 230 V), one three-phase transaction at 11 040 W (16 A), from 1200 s at
   * 6 900 W (10 A), and a single-phase one at 3 680 W (16 A) until 1800 s, then 7 360 W (32 A). Together: 14 720 W,
   * 10 580 W from 1200 s, 14 260 W from 1800 s; never above the grid's 22 080 W. Then the grid drops to 12 000 W at
   * 2400 s and cuts the 14 260 W.
   */
  @Test
  void wattsOfTheRunningTransactionsAddUpWithinTheGridLimit() {
    ChargingSchedule grid = watts(period(0, 22_080, 3), period(2400, 12_000, 3));
    ChargingSchedule threePhase = watts(period(0, 11_040, 3), period(1200, 6_900, 3));
    ChargingSchedule singlePhase = watts(period(0, 3_680, 1), period(1800, 7_360, 1));

    ChargingSchedule expected = GridConsumption.of(grid, List.of(threePhase, singlePhase));
    assertEquals(List.of("0=14720.0/3", "1200=10580.0/3", "1800=14260.0/3", "2400=12000.0/3"), periods(expected));
    assertEquals(Optional.of(3600), expected.duration());
    assertEquals(Optional.of(T0), expected.startSchedule());
  }

  @Test
  void withNoTransactionNothingIsExpectedToFlow() {
    assertEquals(List.of("0=0.0/3"), periods(GridConsumption.of(watts(period(0, 22_080, 3)), List.of())));
  }
}
