package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A text chart of a charging schedule, so that a person can see what the profiles do, and why. */
public final class ScheduleChart {

  /**
   * Why the drawn current changed at one moment, as {@code ChargePointListener.onOfferChanged} explains it.
   *
   * @param offsetSeconds from the schedule start
   * @param explanation e.g. "8.0 A: share of 16.0 A among 2 connectors (...)"
   */
  public record Reason(long offsetSeconds, String explanation) {
    /** Checks that the reason comes at or after the start. */
    public Reason {
      Objects.requireNonNull(explanation, "explanation");
      if (offsetSeconds < 0) {
        throw new IllegalArgumentException("a reason comes at or after the schedule start, not " + offsetSeconds + " s before");
      }
    }
  }

  /** How long an open-ended last period is drawn, for a schedule without duration. */
  private static final int OPEN_END_SECONDS = 3600;

  private ScheduleChart() {
  }

  /**
   * Draws the limit over time as filled columns: one column for each {@code width}-th of the schedule's
   * duration, showing the lowest limit within it, and {@code height} rows up to the highest limit. Below the
   * time axis, offsets from the schedule start as h:mm:ss; ASCII only.
   *
   * <pre>
   * A, from 2025-01-01T00:00:00Z
   * 16.0 |#####
   *      |#####     ##########
   *      |####################
   *      |####################
   *  0.0 +--------------------
   *       0:00:00      0:06:40
   * </pre>
   *
   * @param schedule the schedule to draw
   * @param width the chart's columns, the schedule's span divided evenly among them
   * @param height the chart's rows, the schedule's highest limit in the top one
   * @return the chart, lines separated by {@code \n}
   */
  public static String render(ChargingSchedule schedule, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a chart needs at least one column and one row, not " + width + "x" + height);
    }
    List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
    long span = span(schedule);
    double top = top(schedule);
    double scale = top > 0 ? top : 1;
    int[] filled = new int[width];
    for (int column = 0; column < width; column++) {
      double lowest = lowestLimit(periods, span * column / width, Math.max(span * (column + 1) / width, span * column / width + 1));
      filled[column] = Double.isNaN(lowest) ? 0 : (int) Math.round(lowest / scale * height);
    }
    String topLabel = number(top);
    String zeroLabel = number(0);
    int labelWidth = labelWidth(top);
    StringBuilder chart = new StringBuilder(schedule.chargingRateUnit().ocppValue());
    schedule.startSchedule().ifPresent(start -> chart.append(", from ").append(start));
    chart.append('\n');
    for (int row = height; row >= 1; row--) {
      StringBuilder line = new StringBuilder(pad(row == height ? topLabel : "", labelWidth)).append(" |");
      for (int column = 0; column < width; column++) {
        line.append(filled[column] >= row ? '#' : ' ');
      }
      chart.append(line.toString().stripTrailing()).append('\n');
    }
    chart.append(pad(zeroLabel, labelWidth)).append(" +").append("-".repeat(width)).append('\n');
    String startLabel = clock(0);
    String endLabel = clock(span);
    StringBuilder axis = new StringBuilder(" ".repeat(labelWidth + 2)).append(startLabel);
    int gap = width - startLabel.length() - endLabel.length();
    if (gap > 0) {
      axis.append(" ".repeat(gap)).append(endLabel);
    }
    return chart.append(axis).append('\n').toString();
  }

  /**
   * {@link #render(ChargingSchedule, int, int)}, with a letter under the time axis in the column of each reason and,
   * below, each letter with the time and the reason:
   *
   * <pre>
   *       a         b
   *   a 0:00:00 16.0 A: hardware rating 16.0 A
   *   b 0:03:20 8.0 A: share of 16.0 A among 2 connectors (...)
   * </pre>
   *
   * Reasons past the schedule's end are drawn in its last column. Letters run from a to z and start again.
   *
   * @param schedule the schedule to draw
   * @param reasons why the limit changed, by offset from the schedule's start
   * @param width the chart's columns
   * @param height the chart's rows
   * @return the chart, then the legend of the reasons
   */
  public static String render(ChargingSchedule schedule, List<Reason> reasons, int width, int height) {
    String chart = render(schedule, width, height);
    long span = span(schedule);
    int labelWidth = labelWidth(top(schedule));
    char[] marks = " ".repeat(width).toCharArray();
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < reasons.size(); i++) {
      Reason reason = reasons.get(i);
      char letter = (char) ('a' + i % 26);
      int column = (int) Math.min(width - 1, reason.offsetSeconds() * width / span);
      if (marks[column] == ' ') {
        marks[column] = letter;
      }
      legend.append("  ").append(letter).append(' ').append(clock(reason.offsetSeconds())).append(' ').append(reason.explanation()).append('\n');
    }
    String markLine = (" ".repeat(labelWidth + 2) + new String(marks)).stripTrailing();
    return chart + markLine + '\n' + legend;
  }

  private static double top(ChargingSchedule schedule) {
    return schedule.chargingSchedulePeriod().stream().mapToDouble(ChargingSchedulePeriod::limit).max().orElse(0);
  }

  /** How wide the value labels left of the axis are. */
  private static int labelWidth(double top) {
    return Math.max(number(top).length(), number(0).length());
  }

  private static long span(ChargingSchedule schedule) {
    int lastStart = schedule.chargingSchedulePeriod().stream().mapToInt(ChargingSchedulePeriod::startPeriod).max().orElse(0);
    return Math.max(1, schedule.duration().map(Integer::longValue).orElse((long) lastStart + OPEN_END_SECONDS));
  }

  /** The lowest limit in effect during [from, to); NaN where no period has started yet. */
  private static double lowestLimit(List<ChargingSchedulePeriod> periods, long from, long to) {
    double lowest = Double.NaN;
    for (int i = 0; i < periods.size(); i++) {
      ChargingSchedulePeriod period = periods.get(i);
      long end = i + 1 < periods.size() ? periods.get(i + 1).startPeriod() : Long.MAX_VALUE;
      if (period.startPeriod() < to && end > from && (Double.isNaN(lowest) || period.limit() < lowest)) {
        lowest = period.limit();
      }
    }
    return lowest;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String clock(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private static String pad(String text, int width) {
    return " ".repeat(width - text.length()) + text;
  }
}
