package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.util.List;
import java.util.Locale;

/** A text chart of a charging schedule, so that a person can see what the profiles do. */
public final class ScheduleChart {

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
   */
  public static String render(ChargingSchedule schedule, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a chart needs at least one column and one row, not " + width + "x" + height);
    }
    List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
    int lastStart = periods.stream().mapToInt(ChargingSchedulePeriod::startPeriod).max().orElse(0);
    long span = Math.max(1, schedule.duration().map(Integer::longValue).orElse((long) lastStart + OPEN_END_SECONDS));
    double top = periods.stream().mapToDouble(ChargingSchedulePeriod::limit).max().orElse(0);
    double scale = top > 0 ? top : 1;
    int[] filled = new int[width];
    for (int column = 0; column < width; column++) {
      double lowest = lowestLimit(periods, span * column / width, Math.max(span * (column + 1) / width, span * column / width + 1));
      filled[column] = Double.isNaN(lowest) ? 0 : (int) Math.round(lowest / scale * height);
    }
    String topLabel = number(top);
    String zeroLabel = number(0);
    int labelWidth = Math.max(topLabel.length(), zeroLabel.length());
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
