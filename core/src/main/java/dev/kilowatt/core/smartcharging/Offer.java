package dev.kilowatt.core.smartcharging;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The current the {@link PowerAllocator} offers one connector, and why.
 *
 * @param connectorId the connector
 * @param amperes per phase; 0 means no charging
 * @param bound what set {@code amperes}
 * @param phases the grid phases the connector loads
 * @param followsDraw whether the offer follows what the EV draws, which keeps the cut steady while the EV stays below
 * @param raisedAt when the offer last rose (or began); an EV is judged by its draw only once it had time to take it
 * @param chargingSince since when current has been offered without a break; earlier ones keep their place when the
 *     grid cannot serve everyone
 */
public record Offer(int connectorId, double amperes, LimitBound bound, Set<MainsPhase> phases, boolean followsDraw,
    Instant raisedAt, Instant chargingSince) {

  /** Checks that nothing is missing and copies the phases. */
  public Offer {
    Objects.requireNonNull(bound, "bound");
    phases = Set.copyOf(phases);
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(chargingSince, "chargingSince");
  }

  /** {@return the offered current per phase and what bounds it} */
  public ExplainedLimit limit() {
    return new ExplainedLimit(amperes, bound);
  }
}
