package dev.kilowatt.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScheduleSvgTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final Pattern PATH = Pattern.compile("<path class=\"(\\w+)\" d=\"([^\"]*)\"/>");

  private static ChargingSchedule composite(Optional<Integer> duration, ChargingRateUnitType unit, ChargingSchedulePeriod... periods) {
    return new ChargingSchedule(duration, Optional.of(NOW), unit, List.of(periods), Optional.empty());
  }

  private static ChargingSchedulePeriod period(int start, double limit) {
    return new ChargingSchedulePeriod(start, limit, Optional.empty());
  }

  private static String path(String svg, String kind) {
    Matcher m = PATH.matcher(svg);
    while (m.find()) {
      if (m.group(1).equals(kind)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no " + kind + " path in " + svg);
  }

  @Test
  void theCompositeScheduleIsASteppedLineFromNowAndTheOfferedCurrentOneUpToNow() {
    String svg = ScheduleSvg.render(Optional.of(composite(Optional.of(3600), ChargingRateUnitType.A, period(0, 16), period(900, 8))), NOW,
        List.of(new OfferedHistory.Sample(NOW.minus(Duration.ofMinutes(30)), 0), new OfferedHistory.Sample(NOW.minus(Duration.ofMinutes(5)), 16)));

    // The drawing is 560 by 170, its plot from x 40 to 532 (an hour: "now" at 163) and from y 130 (0 A) up to 12.
    assertEquals("M163.0 12.0 H286.0 L286.0 71.0 H532.0", path(svg, "composite"), "16 A at the top for 15 min, then 8 A");
    assertEquals("M40.0 130.0 H122.0 L122.0 12.0 H163.0", path(svg, "offered"),
        "0 A from the window's start (the sample before it holds), 16 A from 5 min ago");
    assertTrue(svg.contains(">16 A</text>") && !svg.contains(">24 A</text>"), "the axis ends at the highest value, in 8 A steps");
    assertTrue(svg.contains(">now</text>") && svg.contains(">+45 min</text>") && svg.contains(">-15 min</text>"));
  }

  @Test
  void aScheduleThatEndsInsideTheWindowStopsThere() {
    String svg = ScheduleSvg.render(Optional.of(composite(Optional.of(600), ChargingRateUnitType.A, period(0, 10))), NOW, List.of());
    assertEquals("M163.0 56.3 H245.0", path(svg, "composite"), "ten minutes of 10 A on a 16 A axis");
    assertFalse(svg.contains("class=\"offered\" d="), "nothing offered yet, no line");
  }

  @Test
  void withoutAScheduleInAmperesTheChartSaysSo() {
    String none = ScheduleSvg.render(Optional.empty(), NOW, List.of());
    String watts = ScheduleSvg.render(Optional.of(composite(Optional.empty(), ChargingRateUnitType.W, period(0, 7000))), NOW, List.of());
    for (String svg : List.of(none, watts)) {
      assertTrue(svg.contains("composite schedule (none)"), svg);
      assertFalse(svg.contains("class=\"composite\" d="), svg);
      assertTrue(svg.contains(">8 A</text>"), "the axis keeps its first step");
    }
  }
}
