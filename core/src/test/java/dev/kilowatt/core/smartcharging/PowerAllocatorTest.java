package dev.kilowatt.core.smartcharging;

import static dev.kilowatt.core.smartcharging.ProfileBuilder.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Connectors sharing one grid limit on virtual time, with EVs arriving, pausing and leaving. The rig re-divides on
 * every event and on every meter reading (once a second), and checks at each division that no phase is offered more
 * than the grid limit, that no connector is offered more than its own limit, and that an offer is 0 or one a pilot
 * can signal.
 */
class PowerAllocatorTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final ConnectorRating INSTALLATION_32A = new ConnectorRating(230, 3, 32);
  private static final ConnectorRating CONNECTOR_32A = new ConnectorRating(230, 1, 32);
  /** ChargePointMaxProfile 7 on connector 0: 16 A for the whole charge point. */
  private static final InstalledProfile MAX_16A =
      new InstalledProfile(0, profile(7).chargePointMax().stack(2).absolute(T0).period(0, 16).build());
  private static final LimitBound.Profile MAX_16A_BOUND =
      new LimitBound.Profile(7, LimitBound.Purpose.CHARGE_POINT_MAX, 2, 0, 0, 0, 16, LimitBound.RateUnit.AMPERES, 3);

  private final VirtualTime time = new VirtualTime(T0);

  /** One connector and the EV on it: the EV draws what it is offered, up to what it takes. */
  private static final class Point {
    final int id;
    final Set<MainsPhase> phases;
    List<InstalledProfile> profiles = List.of();
    double ratingA = 32;
    boolean asking;
    double evTakesA;
    double drawA;

    Point(int id, Set<MainsPhase> phases) {
      this.id = id;
      this.phases = phases;
    }
  }

  private final class Rig {
    final PowerAllocator allocator;
    final List<InstalledProfile> gridProfiles;
    final ConnectorRating installation;
    final Map<Integer, Point> points = new TreeMap<>();
    final List<Allocation> divisions = new ArrayList<>();
    Allocation last = Allocation.none(T0);

    Rig(PowerAllocator allocator, List<InstalledProfile> gridProfiles, ConnectorRating installation, int connectors) {
      this.allocator = allocator;
      this.gridProfiles = gridProfiles;
      this.installation = installation;
      for (int id = 1; id <= connectors; id++) {
        points.put(id, new Point(id, MainsPhase.first(1)));
      }
      meterTick();
    }

    Point point(int id) {
      return points.get(id);
    }

    void arrive(int id, double evTakesA) {
      point(id).asking = true;
      point(id).evTakesA = evTakesA;
      divide();
    }

    /** EVs taking up to 32 A arrive in this order, {@code gap} apart; the last one at the end. */
    void arriveInTurn(Duration gap, int... ids) {
      for (int i = 0; i < ids.length; i++) {
        if (i > 0) {
          run(gap);
        }
        arrive(ids[i], 32);
      }
    }

    void pause(int id) {
      point(id).asking = false;
      divide();
    }

    void resume(int id) {
      point(id).asking = true;
      divide();
    }

    void leave(int id) {
      point(id).asking = false;
      point(id).evTakesA = 0;
      divide();
    }

    void evTakes(int id, double amperes) {
      point(id).evTakesA = amperes;
    }

    void divide() {
      ExplainedLimit grid = ExplainedLimits.forGrid(gridProfiles, time.now(), installation);
      List<ConnectorDemand> demands = points.values().stream()
          .map(p -> new ConnectorDemand(p.id, p.asking,
              ExplainedLimits.forConnector(p.profiles, p.id, time.now(), Optional.empty(), CONNECTOR_32A), p.ratingA,
              p.phases, Optional.of(p.drawA)))
          .toList();
      last = allocator.allocate(time.now(), grid, demands, last);
      for (MainsPhase phase : MainsPhase.values()) {
        assertTrue(last.loadOn(phase) <= grid.amperes() + 1e-9, () -> "over the grid limit on " + phase + ": " + last);
      }
      for (ConnectorDemand demand : demands) {
        Offer offer = last.offer(demand.connectorId()).orElseThrow();
        assertTrue(offer.amperes() <= Math.min(demand.ownLimit().amperes(), demand.ratingA()) + 1e-9, () -> "over its own limit: " + offer);
        assertTrue(offer.amperes() == 0 || offer.amperes() >= PowerAllocator.PILOT_MINIMUM_A, () -> "not signalable: " + offer);
        Point p = point(demand.connectorId());
        p.drawA = p.asking ? Math.min(offer.amperes(), p.evTakesA) : 0;
      }
      divisions.add(last);
    }

    private void meterTick() {
      time.schedule(Duration.ofSeconds(1), () -> {
        divide();
        meterTick();
      });
    }

    void run(Duration duration) {
      time.advance(duration);
    }

    double offered(int id) {
      return last.offer(id).orElseThrow().amperes();
    }

    LimitBound bound(int id) {
      return last.offer(id).orElseThrow().bound();
    }
  }

  private static LimitBound.Share shareOf16(int sharing) {
    return new LimitBound.Share(new ExplainedLimit(16, MAX_16A_BOUND), sharing);
  }

  @Test
  void twoEvsUnderA16AmpereChargePointMaxProfileDrawSixteenTogether() {
    Rig rig = new Rig(new PowerAllocator(), List.of(MAX_16A), INSTALLATION_32A, 2);

    rig.arrive(1, 32);
    assertEquals(16, rig.offered(1));
    assertEquals(MAX_16A_BOUND, rig.bound(1), "alone, the EV is bound by the grid limit itself, not by a share of it");
    assertEquals(new LimitBound.NotCharging(), rig.bound(2));

    rig.run(Duration.ofSeconds(30));
    rig.arrive(2, 32);
    assertEquals(List.of(8.0, 8.0), List.of(rig.offered(1), rig.offered(2)));
    assertEquals(shareOf16(2), rig.bound(2));

    rig.run(Duration.ofSeconds(30));
    rig.pause(1);
    assertEquals(List.of(0.0, 16.0), List.of(rig.offered(1), rig.offered(2)));
    Offer raised = rig.last.offer(2).orElseThrow();
    assertEquals(T0.plusSeconds(60), raised.raisedAt(), "the EV gets time to take the raised offer");
    assertEquals(T0.plusSeconds(30), raised.chargingSince(), "and keeps its place in the queue");

    rig.run(Duration.ofSeconds(30));
    rig.resume(1);
    rig.run(Duration.ofSeconds(30));
    assertEquals(List.of(8.0, 8.0), List.of(rig.offered(1), rig.offered(2)));

    rig.leave(2);
    rig.run(Duration.ofSeconds(30));
    assertEquals(List.of(16.0, 0.0), List.of(rig.offered(1), rig.offered(2)));
    assertTrue(rig.divisions.size() > 150, "the meter ticks re-divide once a second");
  }

  @Test
  void aThirdEvWaitsWhileSixteenAmperesCannotGiveEachOfThreeTheSixAPilotMinimum() {
    Rig rig = new Rig(new PowerAllocator(), List.of(MAX_16A), INSTALLATION_32A, 3);
    rig.arriveInTurn(Duration.ofSeconds(5), 2, 1, 3);

    assertEquals(List.of(8.0, 8.0, 0.0), List.of(rig.offered(1), rig.offered(2), rig.offered(3)));
    assertEquals(new LimitBound.Waiting(new ExplainedLimit(16, MAX_16A_BOUND)), rig.bound(3));
    rig.run(Duration.ofMinutes(1));
    assertEquals(0.0, rig.offered(3));

    rig.leave(2);
    assertEquals(List.of(8.0, 0.0, 8.0), List.of(rig.offered(1), rig.offered(2), rig.offered(3)));
    assertEquals(shareOf16(2), rig.bound(3));
  }

  @Test
  void threeEvsShareTwentyAmperesAndTheEarliestKeepsItsPlaceWhenTheLimitDrops() {
    InstalledProfile max20then12 = new InstalledProfile(0,
        profile(9).chargePointMax().absolute(T0).period(0, 20).period(600, 12).build());
    Rig rig = new Rig(new PowerAllocator(), List.of(max20then12), INSTALLATION_32A, 3);
    rig.arrive(3, 32);
    rig.run(Duration.ofSeconds(1));
    rig.arrive(1, 32);
    rig.arrive(2, 32);
    assertEquals(List.of(6.6, 6.6, 6.6), List.of(rig.offered(1), rig.offered(2), rig.offered(3)));

    rig.run(Duration.ofMinutes(10));

    assertEquals(List.of(6.0, 0.0, 6.0), List.of(rig.offered(1), rig.offered(2), rig.offered(3)));
    LimitBound.Profile second = new LimitBound.Profile(9, LimitBound.Purpose.CHARGE_POINT_MAX, 0, 0, 1, 600, 12,
        LimitBound.RateUnit.AMPERES, 3);
    assertEquals(new LimitBound.Share(new ExplainedLimit(12, second), 2), rig.bound(3));
    assertEquals(new LimitBound.Waiting(new ExplainedLimit(12, second)), rig.bound(2));
  }

  @Test
  void whatAnEvDoesNotTakeGoesToTheOtherAndTheCutHoldsSteady() {
    Rig rig = new Rig(new PowerAllocator(), List.of(), new ConnectorRating(230, 1, 32), 2);
    rig.arrive(1, 10);
    rig.arrive(2, 32);
    assertEquals(List.of(16.0, 16.0), List.of(rig.offered(1), rig.offered(2)));
    assertEquals(new LimitBound.Share(new ExplainedLimit(32, new LimitBound.InstallationLimit(32)), 2), rig.bound(1));

    rig.run(PowerAllocator.SETTLE_TIME.minusSeconds(1));
    assertEquals(16.0, rig.offered(1), "the EV gets time to take its offer");
    rig.run(Duration.ofSeconds(1));
    assertEquals(List.of(11.0, 21.0), List.of(rig.offered(1), rig.offered(2)));
    assertEquals(new LimitBound.EvDraw(10), rig.bound(1));

    int from = rig.divisions.size();
    rig.run(Duration.ofMinutes(5));
    assertTrue(rig.divisions.subList(from, rig.divisions.size()).stream()
        .allMatch(a -> a.offer(1).orElseThrow().amperes() == 11 && a.offer(2).orElseThrow().amperes() == 21),
        "no swinging while the EV draws steadily");

    rig.evTakes(1, 32);
    rig.run(Duration.ofSeconds(2));
    assertEquals(List.of(16.0, 16.0), List.of(rig.offered(1), rig.offered(2)), "it draws its whole cut offer: the share comes back");
  }

  @Test
  void eachConnectorIsHeldToItsOwnProfileAndRating() {
    Rig rig = new Rig(new PowerAllocator(), List.of(), new ConnectorRating(230, 1, 40), 2);
    rig.point(1).profiles = List.of(new InstalledProfile(1, profile(3).txProfile().stack(1).absolute(T0)
        .period(0, 10).build()));
    rig.point(2).ratingA = 13;
    rig.arrive(1, 32);
    rig.arrive(2, 32);

    assertEquals(List.of(10.0, 13.0), List.of(rig.offered(1), rig.offered(2)));
    assertEquals(new LimitBound.Profile(3, LimitBound.Purpose.TX, 1, 1, 0, 0, 10, LimitBound.RateUnit.AMPERES, 1), rig.bound(1));
    assertEquals(new LimitBound.HardwareRating(13), rig.bound(2));
  }

  @Test
  void aLimitBelowTheSixAmperePilotMinimumOffersNothingAndSaysSo() {
    Rig rig = new Rig(new PowerAllocator(), List.of(), INSTALLATION_32A, 1);
    InstalledProfile four = new InstalledProfile(1, profile(4).absolute(T0).period(0, 4).minChargingRate(2).build());
    rig.point(1).profiles = List.of(four);

    rig.arrive(1, 32);

    assertEquals(0.0, rig.offered(1));
    assertEquals(new LimitBound.BelowPilotMinimum(6, new ExplainedLimit(4,
        new LimitBound.Profile(4, LimitBound.Purpose.TX_DEFAULT, 0, 1, 0, 0, 4, LimitBound.RateUnit.AMPERES, 1))), rig.bound(1));
  }

  @Test
  void singlePhaseConnectorsOnDifferentPhasesEachGetTheWholeLimitOfTheirPhase() {
    Rig rig = new Rig(new PowerAllocator(), List.of(MAX_16A), INSTALLATION_32A, 3);
    rig.points.put(2, new Point(2, Set.of(MainsPhase.L2)));
    rig.points.put(3, new Point(3, MainsPhase.first(3)));
    rig.arrive(1, 32);
    rig.arrive(2, 32);
    assertEquals(List.of(16.0, 16.0), List.of(rig.offered(1), rig.offered(2)));

    rig.arrive(3, 32);

    assertEquals(List.of(8.0, 8.0, 8.0), List.of(rig.offered(1), rig.offered(2), rig.offered(3)));
    assertEquals(16.0, rig.last.loadOn(MainsPhase.L1));
    assertEquals(8.0, rig.last.loadOn(MainsPhase.L3));
  }

  /** 10 A per phase: two on L1 cannot both have 6 A, so the later of them waits; the latest arrival, on L2, charges. */
  @Test
  void anEvOnAPhaseWithRoomChargesWhileOneOnAFullPhaseWaits() {
    InstalledProfile max10 = new InstalledProfile(0, profile(5).chargePointMax().absolute(T0).period(0, 10).build());
    Rig rig = new Rig(new PowerAllocator(), List.of(max10), INSTALLATION_32A, 3);
    rig.points.put(3, new Point(3, Set.of(MainsPhase.L2)));
    rig.arriveInTurn(Duration.ofSeconds(1), 1, 2, 3);

    assertEquals(List.of(10.0, 0.0, 10.0), List.of(rig.offered(1), rig.offered(2), rig.offered(3)));
    assertEquals(LimitBound.Waiting.class, rig.bound(2).getClass());
  }

  @Test
  void aManufacturersStrategyDecidesWithinTheLimitAndOneThatOverstepsIsReplacedByEqualShares() {
    SharingStrategy firstComesFirst = (available, claims) -> {
      List<Double> shares = new ArrayList<>();
      double left = available;
      for (SharingStrategy.Claim claim : claims) {
        double share = Math.min(left, claim.ceilingA());
        shares.add(share);
        left -= share;
      }
      return shares;
    };
    Rig priority = new Rig(new PowerAllocator(firstComesFirst), List.of(), new ConnectorRating(230, 1, 40), 2);
    priority.arrive(1, 32);
    priority.arrive(2, 32);
    assertEquals(List.of(32.0, 8.0), List.of(priority.offered(1), priority.offered(2)));

    SharingStrategy greedy = (available, claims) -> claims.stream().map(SharingStrategy.Claim::ceilingA).toList();
    Rig overstepping = new Rig(new PowerAllocator(greedy), List.of(), new ConnectorRating(230, 1, 40), 2);
    overstepping.arrive(1, 32);
    overstepping.arrive(2, 32);
    assertEquals(List.of(20.0, 20.0), List.of(overstepping.offered(1), overstepping.offered(2)));
  }
}
