package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void eachFigureIsTheMedianOfItsRoundsWithItsRatioToTheFloor() {
    List<Map<Figure, Double>> kilowatt = List.of(
        Map.of(Figure.BOOT, 300.0, Figure.GET_CONFIGURATION_P50, 0.30, Figure.GET_CONFIGURATION_P99, 2.0,
            Figure.REMOTE_STOP_P50, 1.5),
        Map.of(Figure.BOOT, 900.0, Figure.GET_CONFIGURATION_P50, 0.50, Figure.GET_CONFIGURATION_P99, 3.0,
            Figure.REMOTE_STOP_P50, 2.5),
        Map.of(Figure.BOOT, 250.0, Figure.GET_CONFIGURATION_P50, 0.20, Figure.GET_CONFIGURATION_P99, 1.0,
            Figure.REMOTE_STOP_P50, 3.5));
    List<Map<Figure, Double>> echo = List.of(
        Map.of(Figure.BOOT, 150.0, Figure.GET_CONFIGURATION_P50, 0.15, Figure.GET_CONFIGURATION_P99, 1.0),
        Map.of(Figure.BOOT, 140.0, Figure.GET_CONFIGURATION_P50, 0.10, Figure.GET_CONFIGURATION_P99, 1.0),
        Map.of(Figure.BOOT, 100.0, Figure.GET_CONFIGURATION_P50, 0.20, Figure.GET_CONFIGURATION_P99, 2.0));

    List<String> lines = Report.table(kilowatt, echo).lines().toList();

    assertEquals(List.of("figure", "Kilowatt", "echo", "floor", "ratio"), words(lines.get(0)));
    assertEquals(List.of("process", "start", "to", "first", "BootNotification", "300", "ms", "140", "ms", "2.1x"),
        words(lines.get(1)));
    assertEquals(List.of("GetConfiguration", "(all", "keys),", "p50", "/", "p99", "0.30", "/", "2.00", "ms", "0.15", "/",
        "1.00", "ms", "2.0x", "/", "2.0x"), words(lines.get(2)));
    assertEquals(List.of("RemoteStop", "to", "StopTransaction,", "p50", "2.50", "ms", "–", "–"), words(lines.get(5)));
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }
}
