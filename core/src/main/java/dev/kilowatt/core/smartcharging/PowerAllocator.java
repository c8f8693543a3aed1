package dev.kilowatt.core.smartcharging;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Divides the grid limit among the connectors of one charge point. With more than one connector the
 * ChargePointMaxProfile limits all of them combined (OCPP 1.6 section 3.13.3), and so does the installation's own
 * limit; each connector is further held to its own profiles and rating.
 *
 * <p>A pure function of its inputs and the previous {@link Allocation}, which carries what it must remember: call it
 * whenever an EV starts, pauses or stops asking for energy, a limit changes, or the meter reports. What an EV does
 * not take goes to the others: once an EV has had {@link #SETTLE_TIME} to take its offer and draws more than
 * {@link #CUT_BELOW_A} less, its offer is cut to its draw plus {@link #HEADROOM_A}, and it gets its full share back as
 * soon as it draws within {@link #RELEASE_WITHIN_A} of the cut offer. The gap between those two margins is the
 * hysteresis that keeps a steady EV from swinging between the two offers.
 *
 * <p>A control pilot cannot signal less than {@link #PILOT_MINIMUM_A} (IEC 61851-1), so a connector is never
 * offered less than that but more than 0: when the grid cannot give every EV that much, those that asked last among
 * the ones left short wait, and an EV on a phase with room charges on.
 * minChargingRate plays no part: section 3.13.4 makes it a hint for the central system's balancing, not a floor.
 */
final class PowerAllocator {

  /** The least current a PWM pilot signals. */
  static final double PILOT_MINIMUM_A = 6;
  /** IEC 61851-1 gives an EV 5 s to follow a new duty cycle; twice that covers a slow meter too. */
  static final Duration SETTLE_TIME = Duration.ofSeconds(10);
  private static final double CUT_BELOW_A = 2;
  private static final double HEADROOM_A = 1;
  private static final double RELEASE_WITHIN_A = 0.5;

  private static final System.Logger LOG = System.getLogger(PowerAllocator.class.getName());

  private final SharingStrategy strategy;

  /** An allocator with equal sharing. */
  PowerAllocator() {
    this(SharingStrategy.equal());
  }

  PowerAllocator(SharingStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  /**
   * The offers for {@code demands} under {@code grid}.
   *
   * @param now the current time
   * @param grid the grid limit per phase, from {@link ExplainedLimits#forGrid}
   * @param demands one per connector
   * @param previous the allocation made last, or {@link Allocation#none}
   */
  Allocation allocate(Instant now, ExplainedLimit grid, List<ConnectorDemand> demands, Allocation previous) {
    Map<Integer, Offer> offers = new HashMap<>();
    Map<Integer, ExplainedLimit> ceilings = new HashMap<>();
    List<ConnectorDemand> asking = new ArrayList<>();
    for (ConnectorDemand demand : demands) {
      Optional<Offer> before = previous.offer(demand.connectorId()).filter(o -> o.amperes() > 0);
      ExplainedLimit ceiling = demand.ownLimit()
          .lower(new ExplainedLimit(demand.ratingA(), new LimitBound.HardwareRating(demand.ratingA())));
      if (!demand.wantsEnergy()) {
        offers.put(demand.connectorId(), idle(demand, new LimitBound.NotCharging(), now));
      } else if (ceiling.amperes() < PILOT_MINIMUM_A) {
        offers.put(demand.connectorId(), idle(demand, new LimitBound.BelowPilotMinimum(PILOT_MINIMUM_A, ceiling), now));
      } else {
        Optional<Double> cut = before.flatMap(o -> drawCut(now, o, demand.measuredDrawA()));
        ceilings.put(demand.connectorId(), cut
            .map(draw -> ceiling.lower(new ExplainedLimit(tenths(Math.max(PILOT_MINIMUM_A, draw + HEADROOM_A)), new LimitBound.EvDraw(draw))))
            .orElse(ceiling));
        asking.add(demand);
      }
    }
    // those charging already keep their place; the others queue by connector
    asking.sort(Comparator
        .comparing((ConnectorDemand d) -> previous.offer(d.connectorId()).filter(o -> o.amperes() > 0).map(Offer::chargingSince).orElse(Instant.MAX))
        .thenComparingInt(ConnectorDemand::connectorId));
    List<Double> shares = shares(grid.amperes(), asking, ceilings);
    // the last in the queue of those left below the minimum waits: a connector on a phase with room keeps charging
    for (int shortIndex = lastBelowMinimum(shares); shortIndex >= 0; shortIndex = lastBelowMinimum(shares)) {
      ConnectorDemand waiting = asking.remove(shortIndex);
      offers.put(waiting.connectorId(), idle(waiting, new LimitBound.Waiting(grid), now));
      shares = shares(grid.amperes(), asking, ceilings);
    }
    for (int i = 0; i < asking.size(); i++) {
      ConnectorDemand demand = asking.get(i);
      ExplainedLimit ceiling = ceilings.get(demand.connectorId());
      double amperes = tenths(shares.get(i));
      LimitBound bound = amperes >= tenths(ceiling.amperes()) ? ceiling.bound()
          : asking.size() == 1 ? grid.bound() : new LimitBound.Share(grid, asking.size());
      Optional<Offer> before = previous.offer(demand.connectorId()).filter(o -> o.amperes() > 0);
      Instant raisedAt = before.filter(o -> amperes <= o.amperes()).map(Offer::raisedAt).orElse(now);
      Instant chargingSince = before.map(Offer::chargingSince).orElse(now);
      offers.put(demand.connectorId(), new Offer(demand.connectorId(), amperes, bound, demand.phases(),
          ceiling.bound() instanceof LimitBound.EvDraw, raisedAt, chargingSince));
    }
    return new Allocation(now, grid, demands.stream().map(d -> offers.get(d.connectorId())).toList());
  }

  private static int lastBelowMinimum(List<Double> shares) {
    for (int i = shares.size() - 1; i >= 0; i--) {
      if (tenths(shares.get(i)) < PILOT_MINIMUM_A) {
        return i;
      }
    }
    return -1;
  }

  /** The draw to cut the offer to, if the EV leaves enough of it unused. */
  private static Optional<Double> drawCut(Instant now, Offer before, Optional<Double> measured) {
    return measured.filter(draw -> before.followsDraw()
        ? draw < before.amperes() - RELEASE_WITHIN_A
        : !now.isBefore(before.raisedAt().plus(SETTLE_TIME)) && draw < before.amperes() - CUT_BELOW_A);
  }

  private List<Double> shares(double availableA, List<ConnectorDemand> asking, Map<Integer, ExplainedLimit> ceilings) {
    List<SharingStrategy.Claim> claims = asking.stream()
        .map(d -> new SharingStrategy.Claim(d.connectorId(), d.phases(), ceilings.get(d.connectorId()).amperes()))
        .toList();
    List<Double> shares = strategy.share(availableA, claims);
    if (keeps(availableA, claims, shares)) {
      return shares;
    }
    LOG.log(Level.WARNING, "sharing strategy {0} offered more than {1} A allows ({2}); sharing equally instead",
        strategy.getClass().getName(), availableA, shares);
    return SharingStrategy.equal().share(availableA, claims);
  }

  /** Whether {@code shares} keep the promise of {@link SharingStrategy#share}, to within rounding. */
  private static boolean keeps(double availableA, List<SharingStrategy.Claim> claims, List<Double> shares) {
    Objects.requireNonNull(shares, "shares");
    if (shares.size() != claims.size()) {
      return false;
    }
    for (int i = 0; i < claims.size(); i++) {
      Double share = shares.get(i);
      if (share == null || !(share >= 0) || share > claims.get(i).ceilingA() + 1e-9) {
        return false;
      }
    }
    for (MainsPhase phase : MainsPhase.values()) {
      double load = 0;
      for (int i = 0; i < claims.size(); i++) {
        load += claims.get(i).phases().contains(phase) ? shares.get(i) : 0;
      }
      if (load > availableA + 1e-9) {
        return false;
      }
    }
    return true;
  }

  private static Offer idle(ConnectorDemand demand, LimitBound bound, Instant now) {
    return new Offer(demand.connectorId(), 0, bound, demand.phases(), false, now, now);
  }

  /** Rounded down to 0.1 A, so rounding never makes the sum exceed the grid limit. */
  private static double tenths(double amperes) {
    return Math.floor(amperes * 10 + 1e-9) / 10;
  }
}
