package dev.kilowatt.examples.web;

import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The smart-charging chart of one connector as SVG: the composite schedule ahead (what the central system
 * would be told) and the current the pilot really offered behind, on one time axis with "now" between.
 */
final class ScheduleSvg {

  static final Duration BEHIND = Duration.ofMinutes(15);
  static final Duration AHEAD = Duration.ofMinutes(45);
  private static final int WIDTH = 560;
  private static final int HEIGHT = 170;
  private static final int LEFT = 40;
  private static final int RIGHT = 28;
  private static final int TOP = 12;
  private static final int BOTTOM = 40;
  private static final double AXIS_STEP_A = 8;

  private ScheduleSvg() {}

  /** A time and the amperes from then on: one corner of a step line. */
  private record Step(Instant at, double amperes) {}

  /**
   * @param composite the composite schedule starting at {@code now}, in amperes; one in watts is not drawn
   * @param offered what the connector offered before {@code now}, oldest first
   */
  static String render(Optional<ChargingSchedule> composite, Instant now, List<OfferedHistory.Sample> offered) {
    Instant from = now.minus(BEHIND);
    Instant to = now.plus(AHEAD);
    List<Step> limit = composite.filter(s -> s.chargingRateUnit() == ChargingRateUnitType.A).map(s -> steps(s, now, to)).orElse(List.of());
    List<Step> given = offered.stream().map(s -> new Step(s.at(), s.amperes())).toList();
    double highest = Stream.concat(limit.stream(), given.stream()).mapToDouble(Step::amperes)
        .filter(a -> !Double.isNaN(a)).max().orElse(0);
    double top = Math.max(AXIS_STEP_A, Math.ceil(highest / AXIS_STEP_A) * AXIS_STEP_A);
    Axes axes = new Axes(from, to, top);

    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
        + " aria-label=\"composite schedule and offered current\">", WIDTH, HEIGHT));
    for (double a = 0; a <= top; a += AXIS_STEP_A) {
      double y = axes.y(a);
      svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LEFT, y, WIDTH - RIGHT, y));
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f A</text>", LEFT - 4, y + 4, a));
    }
    for (long minutes = -BEHIND.toMinutes(); minutes <= AHEAD.toMinutes(); minutes += 15) {
      double x = axes.x(now.plus(Duration.ofMinutes(minutes)));
      String label = minutes == 0 ? "now" : String.format(Locale.ROOT, "%+d min", minutes);
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, HEIGHT - BOTTOM + 16,
          label));
    }
    double nowX = axes.x(now);
    svg.append(String.format(Locale.ROOT, "<line class=\"now\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", nowX, TOP, nowX, HEIGHT - BOTTOM));
    if (!limit.isEmpty()) {
      svg.append("<path class=\"composite\" d=\"").append(path(axes, limit, to)).append("\"/>");
    }
    if (!given.isEmpty()) {
      svg.append("<path class=\"offered\" d=\"").append(path(axes, given, now)).append("\"/>");
    }
    int legendY = HEIGHT - 6;
    svg.append(String.format(Locale.ROOT, "<line class=\"composite\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, legendY - 4, LEFT + 18,
        legendY - 4));
    svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\">composite schedule%s</text>", LEFT + 24, legendY,
        limit.isEmpty() ? " (none)" : ""));
    svg.append(String.format(Locale.ROOT, "<line class=\"offered\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT + 200, legendY - 4, LEFT + 218,
        legendY - 4));
    svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\">current offered</text>", LEFT + 224, legendY));
    return svg.append("</svg>").toString();
  }

  /** The schedule's periods as steps from {@code now}, cut at {@code to} and at the schedule's end. */
  private static List<Step> steps(ChargingSchedule schedule, Instant now, Instant to) {
    Instant start = schedule.startSchedule().orElse(now);
    List<Step> steps = new ArrayList<>();
    for (ChargingSchedulePeriod period : schedule.chargingSchedulePeriod()) {
      Instant at = start.plusSeconds(period.startPeriod());
      if (at.isBefore(to)) {
        steps.add(new Step(at.isBefore(now) ? now : at, period.limit()));
      }
    }
    schedule.duration().map(seconds -> start.plusSeconds(seconds)).filter(end -> end.isBefore(to))
        .ifPresent(end -> steps.add(new Step(end, Double.NaN)));
    return steps;
  }

  /** A step line through {@code steps}, its last step held until {@code end}; a NaN step ends the line. */
  private static String path(Axes axes, List<Step> steps, Instant end) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (Double.isNaN(step.amperes())) {
        break;
      }
      Instant until = i + 1 < steps.size() ? steps.get(i + 1).at() : end;
      double x1 = axes.x(step.at());
      double x2 = axes.x(until);
      double y = axes.y(step.amperes());
      d.append(String.format(Locale.ROOT, "%s%.1f %.1f H%.1f ", d.isEmpty() ? "M" : "L", x1, y, x2));
    }
    return d.toString().strip();
  }

  /** Where times and amperes land on the drawing; times outside the window are held at its edges. */
  private record Axes(Instant from, Instant to, double topA) {
    double x(Instant at) {
      double span = Duration.between(from, to).toMillis();
      double offset = Math.clamp(Duration.between(from, at).toMillis(), 0, span);
      return LEFT + offset / span * (WIDTH - LEFT - RIGHT);
    }

    double y(double amperes) {
      return HEIGHT - BOTTOM - amperes / topA * (HEIGHT - BOTTOM - TOP);
    }
  }
}
