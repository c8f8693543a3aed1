package dev.kilowatt.core.smartcharging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One division of the grid limit among the connectors: the {@link PowerAllocator}'s answer, and what it remembers
 * for the next one.
 *
 * @param at when it was made
 * @param grid the grid limit it divided
 * @param offers one per connector, in the order the demands came
 */
public record Allocation(Instant at, ExplainedLimit grid, List<Offer> offers) {

  /** Checks that nothing is missing and copies the offers. */
  public Allocation {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(grid, "grid");
    offers = List.copyOf(offers);
  }

  /** Before the first division: nothing offered to anyone. */
  static Allocation none(Instant at) {
    return new Allocation(at, new ExplainedLimit(0, new LimitBound.NotCharging()), List.of());
  }

  /**
   * What this division offers {@code connectorId}, if it drew.
   *
   * @param connectorId the connector, from 1
   * @return its offer; empty when it did not draw
   */
  public Optional<Offer> offer(int connectorId) {
    return offers.stream().filter(o -> o.connectorId() == connectorId).findFirst();
  }

  /** The current offered on {@code phase}, all connectors together, in A. */
  double loadOn(MainsPhase phase) {
    return offers.stream().filter(o -> o.phases().contains(phase)).mapToDouble(Offer::amperes).sum();
  }
}
