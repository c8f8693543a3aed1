package dev.kilowatt.core.smartcharging;

import static dev.kilowatt.core.smartcharging.ProfileBuilder.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which profile period, rating or installation limit sets a current, with the values worked out by hand. */
class ExplainedLimitsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final ConnectorRating SINGLE_PHASE_32A = new ConnectorRating(230, 1, 32);
  private static final ConnectorRating THREE_PHASE_32A = new ConnectorRating(230, 3, 32);

  private static LimitBound.Profile amperes(int id, LimitBound.Purpose purpose, int stack, int connector, int index, int start,
      double limit, int phases) {
    return new LimitBound.Profile(id, purpose, stack, connector, index, start, limit, LimitBound.RateUnit.AMPERES, phases);
  }

  @Test
  void theTxProfilePrevailsOverTheDefaultsAndNamesItsPeriod() {
    List<InstalledProfile> installed = List.of(
        new InstalledProfile(0, profile(1).stack(0).absolute(T0).period(0, 20).build()),
        new InstalledProfile(1, profile(2).stack(3).absolute(T0).period(0, 18).build()),
        new InstalledProfile(1, profile(3).txProfile().stack(1).absolute(T0).period(0, 12).period(300, 9.5).build()));

    ExplainedLimit at400 = ExplainedLimits.forConnector(installed, 1, T0.plusSeconds(400), Optional.of(T0), SINGLE_PHASE_32A);

    assertEquals(new ExplainedLimit(9.5, amperes(3, LimitBound.Purpose.TX, 1, 1, 1, 300, 9.5, 1)), at400);
  }

  @Test
  void aTxDefaultOnTheConnectorPrevailsOverOneForAllAndConnectorZeroServesTheOthers() {
    List<InstalledProfile> installed = List.of(
        new InstalledProfile(0, profile(1).stack(5).absolute(T0).period(0, 20).build()),
        new InstalledProfile(2, profile(2).stack(0).absolute(T0).period(0, 25).build()));

    assertEquals(new ExplainedLimit(25, amperes(2, LimitBound.Purpose.TX_DEFAULT, 0, 2, 0, 0, 25, 1)),
        ExplainedLimits.forConnector(installed, 2, T0, Optional.empty(), SINGLE_PHASE_32A));
    assertEquals(new ExplainedLimit(20, amperes(1, LimitBound.Purpose.TX_DEFAULT, 5, 0, 0, 0, 20, 1)),
        ExplainedLimits.forConnector(installed, 1, T0, Optional.empty(), SINGLE_PHASE_32A));
  }

  /** Spec 3.13.2: stack level 1 for its 150 s, then stack level 0 again, in its own third period from 200 s. */
  @Test
  void aHigherStackLevelLetsTheLowerThroughOnceItsDurationEnds() {
    List<InstalledProfile> installed = List.of(
        new InstalledProfile(1, profile(1).stack(0).absolute(T0).duration(400).period(0, 6).period(100, 8).period(200, 10).build()),
        new InstalledProfile(1, profile(2).stack(1).absolute(T0).duration(150).period(0, 10).period(100, 7).build()));

    assertEquals(new ExplainedLimit(7, amperes(2, LimitBound.Purpose.TX_DEFAULT, 1, 1, 1, 100, 7, 1)),
        ExplainedLimits.forConnector(installed, 1, T0.plusSeconds(149), Optional.empty(), SINGLE_PHASE_32A));
    assertEquals(new ExplainedLimit(8, amperes(1, LimitBound.Purpose.TX_DEFAULT, 0, 1, 1, 100, 8, 1)),
        ExplainedLimits.forConnector(installed, 1, T0.plusSeconds(150), Optional.empty(), SINGLE_PHASE_32A));
    assertEquals(new ExplainedLimit(32, new LimitBound.HardwareRating(32)),
        ExplainedLimits.forConnector(installed, 1, T0.plusSeconds(400), Optional.empty(), SINGLE_PHASE_32A));
  }

  /** 11 000 W without numberPhases: 3 phases assumed, 11 000 / (230 × 3) = 15.94 A, so 15.9 A. */
  @Test
  void wattsWithoutNumberPhasesConvertOnThreePhasesAndNeverOnMoreThanTheConnectorHas() {
    List<InstalledProfile> installed = List.of(new InstalledProfile(1, profile(4).absolute(T0).watts().period(0, 11_000).build()));
    LimitBound.Profile onThree = new LimitBound.Profile(4, LimitBound.Purpose.TX_DEFAULT, 0, 1, 0, 0, 11_000, LimitBound.RateUnit.WATTS, 3);

    assertEquals(new ExplainedLimit(15.9, onThree), ExplainedLimits.forConnector(installed, 1, T0, Optional.empty(), THREE_PHASE_32A));
    // one phase: 11 000 / 230 = 47.8 A, above the 32 A the connector is built for
    assertEquals(new ExplainedLimit(32, new LimitBound.HardwareRating(32)),
        ExplainedLimits.forConnector(installed, 1, T0, Optional.empty(), SINGLE_PHASE_32A));
    // 4 600 W on one phase: 20 A
    List<InstalledProfile> small = List.of(new InstalledProfile(1, profile(5).absolute(T0).watts().period(0, 4_600).build()));
    assertEquals(new ExplainedLimit(20, new LimitBound.Profile(5, LimitBound.Purpose.TX_DEFAULT, 0, 1, 0, 0, 4_600,
        LimitBound.RateUnit.WATTS, 1)), ExplainedLimits.forConnector(small, 1, T0, Optional.empty(), SINGLE_PHASE_32A));
  }

  /** 7 000 W on numberPhases 1 of a three-phase connector: 7 000 / 230 = 30.43 A on that one phase. */
  @Test
  void numberPhasesOneConvertsTheWattsOnOnePhase() {
    List<InstalledProfile> installed = List.of(new InstalledProfile(1, profile(6).absolute(T0).watts().period(0, 7_000, 1).build()));

    assertEquals(new ExplainedLimit(30.4, new LimitBound.Profile(6, LimitBound.Purpose.TX_DEFAULT, 0, 1, 0, 0, 7_000,
        LimitBound.RateUnit.WATTS, 1)), ExplainedLimits.forConnector(installed, 1, T0, Optional.empty(), THREE_PHASE_32A));
  }

  /** Section 3.13.4: minChargingRate is a hint for the central system; a 5 A limit stays 5 A. */
  @Test
  void minChargingRateIsNoFloor() {
    List<InstalledProfile> installed = List.of(new InstalledProfile(1, profile(7).txProfile().absolute(T0).period(0, 5).minChargingRate(8).build()));

    assertEquals(5, ExplainedLimits.forConnector(installed, 1, T0, Optional.of(T0), SINGLE_PHASE_32A).amperes());
  }

  /** 22 000 W for the charge point on three phases: 22 000 / 690 = 31.88 A; under a 25 A installation the installation bounds. */
  @Test
  void theGridLimitIsTheChargePointMaxProfileOrTheInstallationWhicheverIsLower() {
    List<InstalledProfile> installed = List.of(
        new InstalledProfile(0, profile(8).chargePointMax().stack(1).absolute(T0).watts().period(0, 22_000, 3).build()),
        new InstalledProfile(1, profile(9).absolute(T0).period(0, 6).build()));

    assertEquals(new ExplainedLimit(31.8, new LimitBound.Profile(8, LimitBound.Purpose.CHARGE_POINT_MAX, 1, 0, 0, 0, 22_000,
        LimitBound.RateUnit.WATTS, 3)), ExplainedLimits.forGrid(installed, T0, new ConnectorRating(230, 3, 40)));
    assertEquals(new ExplainedLimit(25, new LimitBound.InstallationLimit(25)),
        ExplainedLimits.forGrid(installed, T0, new ConnectorRating(230, 3, 25)));
  }

  /** A connector's limit leaves the ChargePointMaxProfile to the allocator (section 3.13.3). */
  @Test
  void aConnectorsLimitLeavesTheChargePointMaxProfileOut() {
    List<InstalledProfile> installed = List.of(new InstalledProfile(0, profile(8).chargePointMax().absolute(T0).period(0, 10).build()));

    assertEquals(new ExplainedLimit(32, new LimitBound.HardwareRating(32)),
        ExplainedLimits.forConnector(installed, 1, T0, Optional.empty(), SINGLE_PHASE_32A));
  }

  @Test
  void eachBoundSaysWhyInWords() {
    ExplainedLimit grid = new ExplainedLimit(16, new LimitBound.Profile(7, LimitBound.Purpose.CHARGE_POINT_MAX, 2, 0, 1, 600,
        3_680, LimitBound.RateUnit.WATTS, 1));

    assertEquals("16.0 A: charge point maximum profile 7 on connector 0, stack level 2, period 1 from 600 s: 3680.0 W on 1 phase",
        grid.describe());
    assertEquals("8.0 A: share of 16.0 A among 2 connectors (charge point maximum profile 7 on connector 0, stack level 2,"
        + " period 1 from 600 s: 3680.0 W on 1 phase)", new ExplainedLimit(8, new LimitBound.Share(grid, 2)).describe());
    assertEquals("0.0 A: waiting: 16.0 A cannot give one more EV the pilot's minimum (charge point maximum profile 7 on"
        + " connector 0, stack level 2, period 1 from 600 s: 3680.0 W on 1 phase)", new ExplainedLimit(0, new LimitBound.Waiting(grid)).describe());
    assertEquals("13.0 A: hardware rating 13.0 A", new ExplainedLimit(13, new LimitBound.HardwareRating(13)).describe());
    assertEquals("25.0 A: installation limit 25.0 A", new ExplainedLimit(25, new LimitBound.InstallationLimit(25)).describe());
    assertEquals("11.0 A: the EV draws only 10.0 A", new ExplainedLimit(11, new LimitBound.EvDraw(10)).describe());
    assertEquals("0.0 A: the EV does not ask for energy", new ExplainedLimit(0, new LimitBound.NotCharging()).describe());
    assertEquals("6.0 A: the EV paused and keeps the pilot's 6.0 A to resume with", new ExplainedLimit(6, new LimitBound.Paused(6)).describe());
    assertEquals("0.0 A: 4.0 A is below the pilot's 6.0 A (transaction profile 3 on connector 1, stack level 0, period 0 from 0 s:"
        + " 4.0 A)", new ExplainedLimit(0, new LimitBound.BelowPilotMinimum(6, new ExplainedLimit(4,
            new LimitBound.Profile(3, LimitBound.Purpose.TX, 0, 1, 0, 0, 4, LimitBound.RateUnit.AMPERES, 1)))).describe());
  }

  /** numberPhases drives a 1/3 phase switch: the transaction's 1 from 600 s, the charge point maximum's 2 from 1200 s. */
  @Test
  void thePhasesAConnectorMayUseFollowNumberPhasesOfThePrevailingPeriods() {
    List<InstalledProfile> installed = List.of(
        new InstalledProfile(1, profile(1).absolute(T0).duration(1200).period(0, 16).period(600, 16, 1).build()),
        new InstalledProfile(0, profile(2).chargePointMax().absolute(T0.plusSeconds(1200)).period(0, 32, 2).build()));

    assertEquals(3, ExplainedLimits.phasesFor(installed, 1, T0, Optional.empty(), THREE_PHASE_32A));
    assertEquals(1, ExplainedLimits.phasesFor(installed, 1, T0.plusSeconds(600), Optional.empty(), THREE_PHASE_32A));
    assertEquals(2, ExplainedLimits.phasesFor(installed, 1, T0.plusSeconds(1200), Optional.empty(), THREE_PHASE_32A));
    assertEquals(1, ExplainedLimits.phasesFor(installed, 1, T0, Optional.empty(), SINGLE_PHASE_32A));
  }
}
