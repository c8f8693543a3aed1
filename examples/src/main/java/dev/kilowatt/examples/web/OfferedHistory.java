package dev.kilowatt.examples.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current each connector offered over the last while, as seen by the web console: what the chart draws
 * beside the composite schedule. Only changes are kept, so an hour of steady charging is one sample.
 */
final class OfferedHistory {

  /** From {@code at} on, the connector offered {@code amperes}. */
  record Sample(Instant at, double amperes) {}

  private final Duration kept;
  private final Map<Integer, List<Sample>> byConnector = new HashMap<>();

  OfferedHistory(Duration kept) {
    this.kept = kept;
  }

  synchronized void record(int connectorId, Instant at, double amperes) {
    List<Sample> samples = byConnector.computeIfAbsent(connectorId, id -> new ArrayList<>());
    if (samples.isEmpty() || samples.getLast().amperes() != amperes) {
      samples.add(new Sample(at, amperes));
    }
    // The newest sample older than the window still says what was offered at the window's start.
    Instant horizon = at.minus(kept);
    while (samples.size() > 1 && !samples.get(1).at().isAfter(horizon)) {
      samples.removeFirst();
    }
  }

  /** The changes of connector {@code connectorId}, oldest first. */
  synchronized List<Sample> of(int connectorId) {
    return List.copyOf(byConnector.getOrDefault(connectorId, List.of()));
  }
}
