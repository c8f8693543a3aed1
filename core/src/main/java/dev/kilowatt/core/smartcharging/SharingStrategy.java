package dev.kilowatt.core.smartcharging;

import java.util.List;
import java.util.Set;

/**
 * How the {@link PowerAllocator} divides the grid limit among the connectors that draw. Equal sharing is the
 * default; a manufacturer may put in its own (priority by customer, by arrival), and the allocator checks what it
 * answers, so no strategy can offer more than the grid limit.
 */
public interface SharingStrategy {

  /**
   * One connector asking for current.
   *
   * @param connectorId the connector
   * @param phases the grid phases it loads
   * @param ceilingA the most it may take per phase (its own limit, rating, or what its EV draws)
   */
  record Claim(int connectorId, Set<MainsPhase> phases, double ceilingA) {
    /** Copies the phases; checks that the ceiling is 0 A or more and finite. */
    public Claim {
      phases = Set.copyOf(phases);
      if (!(ceilingA >= 0) || Double.isInfinite(ceilingA)) {
        throw new IllegalArgumentException("a ceiling is 0 A or more: " + ceilingA);
      }
    }
  }

  /**
   * Divides {@code availableA} on each grid phase among {@code claims}.
   *
   * @param availableA the current per phase the grid limit leaves for the connectors that draw
   * @param claims the connectors that draw, each with its phases and ceiling
   * @return the amperes per claim, in the order of {@code claims}: each between 0 and its ceiling, and on every phase
   *     the claims that load it add up to {@code availableA} at most
   */
  List<Double> share(double availableA, List<Claim> claims);

  /**
   * Equal shares, where what a claim cannot take goes to the others.
   *
   * @return the builder's default strategy
   */
  static SharingStrategy equal() {
    return new EqualSharing();
  }
}
