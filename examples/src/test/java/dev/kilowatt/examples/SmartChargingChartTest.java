package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.ChargingSchedulePeriod;
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

  @Test
  void theChartsArePrinted() {
    String chart = dev.kilowatt.core.smartcharging.ScheduleChart.render(SmartChargingChart.asSchedule(List.of(16.0, 16.0, 0.0, 8.0)), 8, 4);
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
