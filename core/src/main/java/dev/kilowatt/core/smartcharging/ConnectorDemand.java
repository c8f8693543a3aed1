package dev.kilowatt.core.smartcharging;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one connector brings to the {@link PowerAllocator}.
 *
 * @param connectorId the connector, 1 or above
 * @param wantsEnergy whether its EV asks for energy now (pilot state C or D, charging allowed)
 * @param ownLimit what its transaction's profiles allow it, from {@link ExplainedLimits#forConnector}
 * @param ratingA the most the connector carries now, per phase; a socket's cable may lower it below the build rating
 * @param phases the grid phases it loads
 * @param measuredDrawA what its EV draws per phase (the highest phase), if the meter has said
 */
record ConnectorDemand(int connectorId, boolean wantsEnergy, ExplainedLimit ownLimit, double ratingA,
    Set<MainsPhase> phases, Optional<Double> measuredDrawA) {

  public ConnectorDemand {
    if (connectorId < 1) {
      throw new IllegalArgumentException("connectors count from 1, not " + connectorId);
    }
    Objects.requireNonNull(ownLimit, "ownLimit");
    if (!(ratingA >= 0) || Double.isInfinite(ratingA)) {
      throw new IllegalArgumentException("a rating is 0 A or more: " + ratingA);
    }
    phases = Set.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("connector " + connectorId + " loads no phase");
    }
    Objects.requireNonNull(measuredDrawA, "measuredDrawA");
  }
}
