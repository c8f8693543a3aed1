package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleChartTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static ChargingSchedulePeriod period(int start, double limit) {
    return new ChargingSchedulePeriod(start, limit, Optional.empty());
  }

  /** 16 A, 8 A from 100 s, 10 A from 200 s, for 400 s. */
  private static final ChargingSchedule FOUR_HUNDRED_SECONDS = new ChargingSchedule(Optional.of(400), Optional.of(T0),
      ChargingRateUnitType.A, List.of(period(0, 16), period(100, 8), period(200, 10)), Optional.empty());
  private static final String FOUR_HUNDRED_SECONDS_CHART = """
      A, from 2025-01-01T00:00:00Z
      16.0 |#####
           |#####     ##########
           |####################
           |####################
       0.0 +--------------------
            0:00:00      0:06:40
      """;

  @Test
  void drawsTheLimitOverTheSchedulesDuration() {
    assertEquals(FOUR_HUNDRED_SECONDS_CHART, ScheduleChart.render(FOUR_HUNDRED_SECONDS, 20, 4));
  }

  /** 400 s over 20 columns: 20 s a column, so the reasons at 0, 100 and 200 s mark columns 0, 5 and 10. */
  @Test
  void reasonsAreLetteredUnderTheAxisAndListedWithTheirTime() {
    List<ScheduleChart.Reason> reasons = List.of(new ScheduleChart.Reason(0, "16.0 A: hardware rating 16.0 A"),
        new ScheduleChart.Reason(100, "8.0 A: the EV draws only 7.0 A"), new ScheduleChart.Reason(200, "10.0 A: installation limit 10.0 A"),
        new ScheduleChart.Reason(900, "0.0 A: the EV does not ask for energy"));
    assertEquals(FOUR_HUNDRED_SECONDS_CHART + """
              a    b    c        d
          a 0:00:00 16.0 A: hardware rating 16.0 A
          b 0:01:40 8.0 A: the EV draws only 7.0 A
          c 0:03:20 10.0 A: installation limit 10.0 A
          d 0:15:00 0.0 A: the EV does not ask for energy
        """, ScheduleChart.render(FOUR_HUNDRED_SECONDS, reasons, 20, 4));
    assertThrows(IllegalArgumentException.class, () -> new ScheduleChart.Reason(-1, "before the start"));
  }

  @Test
  void aColumnShowsTheLowestLimitWithinItAndZeroLeavesItEmpty() {
    ChargingSchedule schedule = new ChargingSchedule(Optional.of(86_400), Optional.empty(), ChargingRateUnitType.W,
        List.of(period(0, 11_000), period(28_800, 6_000), period(72_000, 11_000), period(79_200, 0), period(81_000, 11_000)),
        Optional.empty());
    assertEquals("""
        W
        11000.0 |######         # #
                |######         # #
                |################ #
                |################ #
            0.0 +------------------
                 0:00:00   24:00:00
        """, ScheduleChart.render(schedule, 18, 4));
  }

  @Test
  void anOpenEndedScheduleShowsItsLastPeriodForAnHour() {
    ChargingSchedule schedule = new ChargingSchedule(Optional.empty(), Optional.empty(), ChargingRateUnitType.A,
        List.of(period(0, 6), period(1800, 12)), Optional.empty());
    assertEquals("""
        A
        12.0 |  ####
             |######
         0.0 +------
        """ + "      0:00:00\n", ScheduleChart.render(schedule, 6, 2));
  }

  /** The spec's daily profile as the charge point's maximum, and a default profile that starts at 6 A. */
  @Test
  void drawsACompositeSchedule() {
    ChargingProfiles profiles = new ChargingProfiles(SmartChargingLimits.DEFAULT, 1, List.of());
    profiles.install(0, ProfileBuilder.profile(1).chargePointMax().daily(T0).watts()
        .period(0, 11_000, 3).period(28_800, 6_000, 3).period(72_000, 11_000, 3).build(), Optional.empty());
    profiles.install(1, ProfileBuilder.profile(2).duration(4 * 3600).period(0, 6).period(3600, 10).build(), Optional.empty());
    ChargingSchedule composite = profiles.compositeSchedule(1, T0.plusSeconds(6 * 3600), 86_400, Optional.empty(), ChargingRateUnitType.A,
        new ConnectorRating(230, 3, 16)).orElseThrow();
    assertEquals("""
        A, from 2025-01-01T06:00:00Z
        15.9 |                            ####################
             |                            ####################
             |                            ####################
             |  ##                        ####################
             |  ##############################################
             |################################################
             |################################################
             |################################################
         0.0 +------------------------------------------------
              0:00:00                                 24:00:00
        """, ScheduleChart.render(composite, 48, 8));
  }

  @Test
  void aChartNeedsRoom() {
    ChargingSchedule schedule = new ChargingSchedule(Optional.of(60), Optional.empty(), ChargingRateUnitType.A, List.of(period(0, 6)),
        Optional.empty());
    assertThrows(IllegalArgumentException.class, () -> ScheduleChart.render(schedule, 0, 4));
    assertThrows(IllegalArgumentException.class, () -> ScheduleChart.render(schedule, 10, 0));
  }
}
