package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.smartcharging.ScheduleChart;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmartChargingChartTest {

  @Test
  void theOfferedCurrentFollowsTheCompositeScheduleMinuteByMinute() {
    SmartChargingChart.Outcome outcome = SmartChargingChart.run();
    List<ChargingSchedulePeriod> composite = outcome.composite().chargingSchedulePeriod();
    assertEquals(List.of(0, 1800, 3600, 4800, 7200), composite.stream().map(ChargingSchedulePeriod::startPeriod).toList());
    assertEquals(List.of(16.0, 10.0, 4.0, 8.0, 12.0), composite.stream().map(ChargingSchedulePeriod::limit).toList(),
        "from minute 120 the TxDefaultProfile's 16 A is capped by the ChargePointMaxProfile's 12 A");

    for (int minute = 0; minute < outcome.offeredPerMinute().size(); minute++) {
      double limit = limitAt(composite, minute * 60);
      double offered = outcome.offeredPerMinute().get(minute);
      if (limit < 6) {
        assertEquals(0.0, offered, "minute " + minute + ": suspended below 6 A");
      } else {
        assertTrue(offered <= limit && offered > limit - 0.6, "minute " + minute + ": offered " + offered + " for a limit of " + limit);
      }
    }
    assertTrue(outcome.energyWh() > 0);
  }

  /** Each change of the offer, at the profile boundary that made it, with the period or the pilot's minimum behind it. */
  @Test
  void everyChangeOfTheOfferSaysWhy() {
    String txDefault = " A: transaction default profile 1 on connector 0, stack level 0, period ";
    assertEquals(List.of(
        new ScheduleChart.Reason(0, "16.0" + txDefault + "0 from 0 s: 16.0 A"),
        new ScheduleChart.Reason(1800, "10.0" + txDefault + "1 from 1800 s: 10.0 A"),
        new ScheduleChart.Reason(3600, "0.0 A: 4.0 A is below the pilot's 6.0 A (transaction default profile 1 on connector 0,"
            + " stack level 0, period 2 from 3600 s: 4.0 A)"),
        new ScheduleChart.Reason(4800, "8.0" + txDefault + "3 from 4800 s: 8.0 A"),
        new ScheduleChart.Reason(7200, "12.0 A: charge point maximum profile 2 on connector 0, stack level 0, period 1 from 6000 s: 12.0 A")),
        SmartChargingChart.run().reasons());
  }

  @Test
  void theChartsArePrinted() {
    String chart = ScheduleChart.render(SmartChargingChart.asSchedule(List.of(16.0, 16.0, 0.0, 8.0)), 8, 4);
    assertTrue(chart.contains("16.0"), chart);
    assertTrue(chart.lines().count() >= 6, chart);
  }

  private static double limitAt(List<ChargingSchedulePeriod> periods, int second) {
    double limit = periods.get(0).limit();
    for (ChargingSchedulePeriod period : periods) {
      if (period.startPeriod() <= second) {
        limit = period.limit();
      }
    }
    return limit;
  }
}
