package dev.kilowatt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The table of the issue: each figure's median over the rounds, for Kilowatt and the echo floor, and their ratio. */
final class Report {

  private record Row(String title, List<Figure> figures, String unit) {}

  private static final List<Row> ROWS = List.of(
      new Row("process start to first BootNotification", List.of(Figure.BOOT), "ms"),
      new Row("GetConfiguration (all keys), p50 / p99",
          List.of(Figure.GET_CONFIGURATION_P50, Figure.GET_CONFIGURATION_P99), "ms"),
      new Row("ChangeConfiguration (durable), p50 / p99",
          List.of(Figure.CHANGE_CONFIGURATION_P50, Figure.CHANGE_CONFIGURATION_P99), "ms"),
      new Row("RemoteStart to StartTransaction, p50 / max", List.of(Figure.REMOTE_START_P50, Figure.REMOTE_START_MAX), "ms"),
      new Row("RemoteStop to StopTransaction, p50", List.of(Figure.REMOTE_STOP_P50), "ms"),
      new Row("first " + Round.FIRST_CALLS + " calls after boot, max", List.of(Figure.FIRST_CALLS_MAX), "ms"),
      new Row("resident memory idle / after calls / peak under a flood",
          List.of(Figure.RSS_IDLE, Figure.RSS_AFTER_CALLS, Figure.RSS_PEAK_FLOOD), "MiB"),
      new Row("threads, idle", List.of(Figure.THREADS_IDLE), ""),
      new Row("answered CALLs per second, " + BenchOptions.IN_FLIGHT + " in flight", List.of(Figure.CALLS_PER_SECOND), "k/s"),
      new Row("calls dropped in the flood", List.of(Figure.DROPPED), ""),
      new Row("connections lost and made again", List.of(Figure.RECONNECTS), ""),
      new Row("calls in a row never answered", List.of(Figure.LOST), ""));

  private Report() {
  }

  /** The table as text, one row a line, the medians of {@code kilowatt}'s and {@code echo}'s rounds. */
  static String table(List<Map<Figure, Double>> kilowatt, List<Map<Figure, Double>> echo) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"figure", ChargerProcess.Kind.KILOWATT.title, ChargerProcess.Kind.ECHO.title, "ratio"});
    for (Row row : ROWS) {
      List<Optional<Double>> ours = row.figures().stream().map(f -> median(kilowatt, f)).toList();
      List<Optional<Double>> floor = row.figures().stream().map(f -> median(echo, f)).toList();
      List<String> ratios = new ArrayList<>();
      for (int i = 0; i < ours.size(); i++) {
        ratios.add(ratio(ours.get(i), floor.get(i)));
      }
      lines.add(new String[] {row.title(), values(ours, row.unit()), values(floor, row.unit()), String.join(" / ", ratios)});
    }
    int[] widths = new int[4];
    for (String[] line : lines) {
      for (int i = 0; i < 4; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    return lines.stream()
        .map(line -> String.format(Locale.ROOT, "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
            (Object[]) line).stripTrailing())
        .collect(Collectors.joining("\n"));
  }

  private static Optional<Double> median(List<Map<Figure, Double>> rounds, Figure figure) {
    List<Double> measured = rounds.stream().filter(r -> r.containsKey(figure)).map(r -> r.get(figure)).toList();
    return measured.isEmpty() ? Optional.empty() : Optional.of(Samples.median(measured));
  }

  private static String values(List<Optional<Double>> values, String unit) {
    if (values.stream().allMatch(Optional::isEmpty)) {
      return "–";
    }
    String joined = values.stream().map(v -> v.map(x -> number(x, unit)).orElse("–")).collect(Collectors.joining(" / "));
    return unit.isEmpty() ? joined : joined + " " + unit;
  }

  private static String number(double value, String unit) {
    if (unit.equals("k/s")) {
      return String.format(Locale.ROOT, "%.1f", value / 1000);
    }
    if (unit.isEmpty() || value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String ratio(Optional<Double> ours, Optional<Double> floor) {
    if (ours.isEmpty() || floor.isEmpty() || floor.get() == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1fx", ours.get() / floor.get());
  }
}
