package dev.kilowatt.core.smartcharging;

import static dev.kilowatt.core.message.ChargingRateUnitType.A;
import static dev.kilowatt.core.message.ChargingRateUnitType.W;
import static dev.kilowatt.core.smartcharging.ProfileBuilder.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Composite schedules worked out by hand from the text of OCPP 1.6 sections 3.13 and 5.16, written down as literal
 * periods ("offset=limit/phases"), so that they check the code's reading of the spec instead of sharing it. The
 * arithmetic stands next to each case.
 *
 * <p>W and A convert per phase with the nominal 230 V: A = W / (230 × phases). The phases are the period's
 * numberPhases, 3 when it gives none (the spec: "numberPhases=3 will be assumed unless another number is given"),
 * never more than the connector has; so a single-phase connector converts with 230 V × 1 either way.
 */
class HandWorkedScheduleTest {

  /** A Monday. */
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final ConnectorRating SINGLE_PHASE_32A = new ConnectorRating(230, 1, 32);
  private static final ConnectorRating THREE_PHASE_32A = new ConnectorRating(230, 3, 32);

  private final ChargingProfiles profiles = new ChargingProfiles(SmartChargingLimits.DEFAULT, 2, List.of());

  private void install(int connectorId, ChargingProfile profile, Optional<RunningTransaction> running) {
    assertEquals(ChargingProfileStatus.ACCEPTED, profiles.install(connectorId, profile, running));
  }

  private void install(int connectorId, ChargingProfile profile) {
    install(connectorId, profile, Optional.empty());
  }

  private List<String> composite(int connectorId, Instant start, int duration, Optional<RunningTransaction> running,
      ChargingRateUnitType unit, ConnectorRating rating) {
    return CompositeScheduleTest.periods(profiles.compositeSchedule(connectorId, start, duration, running, unit, rating).orElseThrow());
  }

  /**
   * TxDefault stack 0: 16 A, 10 A from 3600 s. Stack 1 from 1800 s for 1200 s: 8 A, prevailing over stack 0 while it
   * lasts (3.13.2). ChargePointMax 12 A from 2400 s for 2400 s caps everything (3.13.1).
   * 0-1800: 16; 1800-3000: min(8, 12) = 8; 3000-3600: min(16, 12) = 12; 3600-4800: min(10, 12) = 10; 4800-7200: 10.
   */
  @Test
  void stackingAndTheChargePointMaximum() {
    install(1, profile(1).stack(0).absolute(T0).duration(7200).period(0, 16).period(3600, 10).build());
    install(1, profile(2).stack(1).absolute(T0.plusSeconds(1800)).duration(1200).period(0, 8).build());
    install(0, profile(3).chargePointMax().absolute(T0.plusSeconds(2400)).duration(2400).period(0, 12).build());

    assertEquals(List.of("0=16.0/1", "1800=8.0/1", "3000=12.0/1", "3600=10.0/1"),
        composite(1, T0, 7200, Optional.empty(), A, SINGLE_PHASE_32A));
  }

  /**
   * Daily from 2026-03-01 00:00: 32 A, 10 A from 06:00 (21 600 s), 32 A from 18:00 (64 800 s). Asked from
   * 2026-03-05 12:00 for a day: 10 A until 18:00 (offset 21 600), 32 A until 06:00 next day (offset 64 800), then 10 A.
   */
  @Test
  void aDailyProfileRepeatsEachDay() {
    install(0, profile(1).daily(Instant.parse("2026-03-01T00:00:00Z")).duration(86_400)
        .period(0, 32).period(21_600, 10).period(64_800, 32).build());

    assertEquals(List.of("0=10.0/1", "21600=32.0/1", "64800=10.0/1"),
        composite(1, Instant.parse("2026-03-05T12:00:00Z"), 86_400, Optional.empty(), A, SINGLE_PHASE_32A));
  }

  /**
   * Weekly from Monday 2026-03-02 00:00: 16 A on weekdays, 32 A from Saturday 00:00 (5 days = 432 000 s). Asked from
   * Friday 2026-03-13 12:00 for 3 days: 16 A, Saturday 00:00 at offset 43 200, Monday 00:00 at 43 200 + 172 800 = 216 000.
   */
  @Test
  void aWeeklyProfileRepeatsEachWeek() {
    install(0, profile(1).weekly(Instant.parse("2026-03-02T00:00:00Z")).duration(604_800)
        .period(0, 16).period(432_000, 32).build());

    assertEquals(List.of("0=16.0/1", "43200=32.0/1", "216000=16.0/1"),
        composite(1, Instant.parse("2026-03-13T12:00:00Z"), 259_200, Optional.empty(), A, SINGLE_PHASE_32A));
  }

  /**
   * The transaction started 600 s before T0. Relative TxProfile: 6 A, 16 A from 900 s, duration 1800 s; relative to the
   * transaction start that is T0 + 300 and T0 + 1200. After it, the TxDefault of connector 0 (20 A) applies.
   */
  @Test
  void aRelativeTxProfileCountsFromTheTransactionStart() {
    Optional<RunningTransaction> running = Optional.of(new RunningTransaction(Optional.of(42), T0.minusSeconds(600)));
    install(0, profile(1).period(0, 20).build());
    install(1, profile(2).txProfile().transactionId(42).duration(1800).period(0, 6).period(900, 16).build(), running);

    assertEquals(List.of("0=6.0/1", "300=16.0/1", "1200=20.0/1"), composite(1, T0, 3600, running, A, SINGLE_PHASE_32A));
  }

  /**
   * Three-phase connector: ChargePointMax 11 000 W on 3 phases; TxDefault 10 A, then 16 A on numberPhases 1 from 600 s.
   * In W: 0-600: min(11 000, 10 × 230 × 3 = 6 900) = 6 900 on 3; from 600: one phase, min(11 000, 16 × 230 = 3 680,
   * 32 × 230 = 7 360) = 3 680 on 1. In A: 0-600 min(11 000 / 690 = 15.9, 10) = 10 on 3; from 600 min(11 000 / 230 =
   * 47.8, 16, 32) = 16 on 1.
   */
  @Test
  void wattsAndAmperesOnThreePhasesAndOnOne() {
    install(0, profile(1).chargePointMax().absolute(T0).watts().period(0, 11_000, 3).build());
    install(1, profile(2).absolute(T0).period(0, 10).period(600, 16, 1).build());

    assertEquals(List.of("0=6900.0/3", "600=3680.0/1"), composite(1, T0, 1200, Optional.empty(), W, THREE_PHASE_32A));
    assertEquals(List.of("0=10.0/3", "600=16.0/1"), composite(1, T0, 1200, Optional.empty(), A, THREE_PHASE_32A));
  }

  /**
   * 11 000 W without numberPhases: 3 phases assumed, 11 000 / 690 = 15.94, 15.9 A on a three-phase connector. A
   * single-phase connector cannot use 3: 11 000 / 230 = 47.8 A, capped at its 32 A, which is 7 360 W.
   */
  @Test
  void wattsWithoutNumberPhasesAssumeThreePhasesWhereTheConnectorHasThem() {
    install(1, profile(1).absolute(T0).watts().period(0, 11_000).build());

    assertEquals(List.of("0=15.9/3"), composite(1, T0, 600, Optional.empty(), A, THREE_PHASE_32A));
    assertEquals(List.of("0=32.0/1"), composite(1, T0, 600, Optional.empty(), A, SINGLE_PHASE_32A));
    assertEquals(List.of("0=7360.0/1"), composite(1, T0, 600, Optional.empty(), W, SINGLE_PHASE_32A));
  }

  /**
   * A daily profile of 8 h (stack 1, 16 A from 22:00) over a TxDefault of 10 A (stack 0), with validTo exclusive: the
   * night runs 22:00-06:00; the profile stops being valid at 2026-03-04 00:00. Asked from 2026-03-02 20:00 for 2 days:
   * 10 A, 16 A at 22:00 (7 200), 10 A at 06:00 (36 000), 16 A at 22:00 (93 600), 10 A at validTo (100 800).
   */
  @Test
  void aShortDailyProfileOverADefaultUntilItIsNoLongerValid() {
    install(1, profile(1).stack(0).absolute(T0).period(0, 10).build());
    install(1, profile(2).stack(1).daily(Instant.parse("2026-03-01T22:00:00Z")).duration(8 * 3600)
        .validTo(Instant.parse("2026-03-04T00:00:00Z")).period(0, 16).build());

    assertEquals(List.of("0=10.0/1", "7200=16.0/1", "36000=10.0/1", "93600=16.0/1", "100800=10.0/1"),
        composite(1, Instant.parse("2026-03-02T20:00:00Z"), 172_800, Optional.empty(), A, SINGLE_PHASE_32A));
  }
}
