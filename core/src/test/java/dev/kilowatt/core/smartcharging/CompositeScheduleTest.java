package dev.kilowatt.core.smartcharging;

import static dev.kilowatt.core.message.ChargingRateUnitType.A;
import static dev.kilowatt.core.message.ChargingRateUnitType.W;
import static dev.kilowatt.core.smartcharging.ProfileBuilder.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The composite schedule and the current limit, on the spec's example and on cases modelled on the OCA test cases. */
class CompositeScheduleTest {

  private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
  private static final ConnectorRating SINGLE_PHASE_32A = new ConnectorRating(230, 1, 32);
  private static final ConnectorRating THREE_PHASE_32A = new ConnectorRating(230, 3, 32);
  private static final Optional<RunningTransaction> NO_TRANSACTION = Optional.empty();

  private final ChargingProfiles profiles = new ChargingProfiles(SmartChargingLimits.DEFAULT, 2, List.of());

  private void install(int connectorId, ChargingProfile profile) {
    assertEquals(ChargingProfileStatus.ACCEPTED, profiles.install(connectorId, profile, NO_TRANSACTION));
  }

  private void install(int connectorId, ChargingProfile profile, RunningTransaction running) {
    assertEquals(ChargingProfileStatus.ACCEPTED, profiles.install(connectorId, profile, Optional.of(running)));
  }

  private List<String> composite(int connectorId, Instant start, int duration, Optional<RunningTransaction> running,
      ChargingRateUnitType unit, ConnectorRating rating) {
    ChargingSchedule schedule = profiles.compositeSchedule(connectorId, start, duration, running, unit, rating).orElseThrow();
    assertEquals(Optional.of(duration), schedule.duration());
    assertEquals(Optional.of(start), schedule.startSchedule());
    assertEquals(unit, schedule.chargingRateUnit());
    return periods(schedule);
  }

  /** Periods as "offset=limit" with "/phases" appended. */
  static List<String> periods(ChargingSchedule schedule) {
    return schedule.chargingSchedulePeriod().stream()
        .map(p -> String.format(Locale.ROOT, "%d=%.1f/%d", p.startPeriod(), p.limit(), p.numberPhases().orElseThrow()))
        .toList();
  }

  @Test
  void theSpecsDailyDefaultProfileLimitsTo6KwFrom8To20() {
    Instant newYear = Instant.parse("2013-01-01T00:00:00Z");
    install(0, profile(100).daily(newYear).duration(86_400).watts()
        .period(0, 11_000, 3).period(28_800, 6_000, 3).period(72_000, 11_000, 3).build());
    Instant someDay = Instant.parse("2025-06-17T00:00:00Z");
    assertEquals(List.of("0=11000.0/3", "28800=6000.0/3", "72000=11000.0/3"),
        composite(1, someDay, 86_400, NO_TRANSACTION, W, THREE_PHASE_32A));
    assertEquals(List.of("0=15.9/3", "28800=8.6/3", "72000=15.9/3"),
        composite(1, someDay, 86_400, NO_TRANSACTION, A, THREE_PHASE_32A));
    assertEquals(List.of("0=15.9/3", "7200=8.6/3", "50400=15.9/3", "93600=8.6/3", "136800=15.9/3"),
        composite(1, someDay.plusSeconds(6 * 3600), 2 * 86_400, NO_TRANSACTION, A, THREE_PHASE_32A));
  }

  @Test
  void onASinglePhaseConnectorTheSpecsProfileAllowsThePowerOnOnePhase() {
    install(0, profile(100).daily(Instant.parse("2013-01-01T00:00:00Z")).duration(86_400).watts()
        .period(0, 11_000, 3).period(28_800, 6_000, 3).period(72_000, 11_000, 3).build());
    assertEquals(List.of("0=32.0/1", "28800=26.0/1", "72000=32.0/1"),
        composite(1, Instant.parse("2025-06-17T00:00:00Z"), 86_400, NO_TRANSACTION, A, SINGLE_PHASE_32A));
    assertEquals(List.of("0=7360.0/1", "28800=6000.0/1", "72000=7360.0/1"),
        composite(1, Instant.parse("2025-06-17T00:00:00Z"), 86_400, NO_TRANSACTION, W, SINGLE_PHASE_32A));
  }

  /** Modelled on TC_072_CS: stack level 1 prevails for its duration, then stack level 0 is followed again. */
  @Test
  void aHigherStackLevelPrevailsUntilItsDurationEnds() {
    install(1, profile(1).stack(0).absolute(T0).duration(400).period(0, 6).period(100, 8).period(200, 10).build());
    install(1, profile(2).stack(1).absolute(T0).duration(150).period(0, 10).period(100, 7).build());
    assertEquals(List.of("0=10.0/1", "100=7.0/1", "150=8.0/1", "200=10.0/1", "400=32.0/1"),
        composite(1, T0, 500, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  /** Modelled on TC_066_CS: ChargePointMaxProfile, TxDefaultProfile and TxProfile together. */
  @Test
  void theTransactionsProfileIsCappedByTheChargePointMaximum() {
    RunningTransaction running = new RunningTransaction(Optional.of(42), T0);
    install(0, profile(1).chargePointMax().absolute(T0.minusSeconds(60)).duration(86_400).period(0, 10).build());
    install(1, profile(2).absolute(T0.minusSeconds(60)).duration(86_400).period(0, 6).build());
    install(1, profile(3).txProfile().transactionId(42).duration(300).period(0, 8).period(100, 12).period(200, 5).build(), running);
    assertEquals(List.of("0=8.0/1", "100=10.0/1", "200=5.0/1", "300=6.0/1"),
        composite(1, T0, 400, Optional.of(running), A, SINGLE_PHASE_32A));
    assertEquals(List.of("0=10.0/1"), composite(0, T0, 400, Optional.of(running), A, SINGLE_PHASE_32A));
  }

  @Test
  void aConnectorsOwnTxDefaultProfilePrevailsOverTheOneForAllConnectorsWhileItLasts() {
    install(0, profile(1).stack(5).period(0, 6).build());
    install(1, profile(2).stack(0).duration(100).period(0, 20).build());
    assertEquals(List.of("0=20.0/1", "100=6.0/1"), composite(1, T0, 300, NO_TRANSACTION, A, SINGLE_PHASE_32A));
    assertEquals(List.of("0=6.0/1"), composite(2, T0, 300, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void aProfileValidFromLaterLeavesTheDefaultUntilThen() {
    install(1, profile(1).stack(0).period(0, 10).build());
    install(1, profile(2).stack(1).validFrom(T0.plusSeconds(600)).validTo(T0.plusSeconds(900)).period(0, 16).build());
    assertEquals(List.of("0=10.0/1", "600=16.0/1", "900=10.0/1"), composite(1, T0, 1200, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void aWeeklyProfileRepeatsOnTheSameWeekday() {
    Instant monday = Instant.parse("2025-03-03T00:00:00Z");
    install(0, profile(1).weekly(monday.minusSeconds(4 * 7 * 86_400)).duration(2 * 86_400).period(0, 8).period(86_400, 12).build());
    Instant sunday = monday.minusSeconds(86_400);
    assertEquals(List.of("0=32.0/1", "86400=8.0/1", "172800=12.0/1", "259200=32.0/1", "691200=8.0/1"),
        composite(1, sunday, 9 * 86_400, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void aRecurringScheduleNeverRunsBeforeItsFirstStartNorBeyondItsRecurrence() {
    install(0, profile(1).daily(T0.plusSeconds(3600)).duration(100_000).period(0, 8).period(90_000, 4).build());
    assertEquals(List.of("0=32.0/1", "3600=8.0/1"), composite(1, T0, 3 * 86_400, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void aDailyScheduleShorterThanADayFallsBackToTheLowerStackLevel() {
    install(0, profile(1).stack(0).period(0, 10).build());
    install(0, profile(2).stack(1).daily(T0).duration(8 * 3600).period(0, 16).build());
    assertEquals(List.of("0=16.0/1", "28800=10.0/1", "86400=16.0/1", "115200=10.0/1"),
        composite(1, T0, 2 * 86_400, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void aRelativeScheduleCountsFromTheTransactionStartOrFromNow() {
    install(1, profile(1).period(0, 10).period(900, 16).build());
    RunningTransaction running = new RunningTransaction(Optional.of(1), T0.minusSeconds(600));
    assertEquals(List.of("0=10.0/1", "300=16.0/1"), composite(1, T0, 3600, Optional.of(running), A, SINGLE_PHASE_32A));
    assertEquals(List.of("0=10.0/1", "900=16.0/1"), composite(1, T0, 3600, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  /** Section 3.13.4: minChargingRate is a hint for the central system's balancing; a 6 A period below 8 A stays 6 A. */
  @Test
  void belowTheEvsMinimumChargingRateTheLimitStays() {
    install(1, profile(1).minChargingRate(8).period(0, 16).period(100, 6).period(200, 8).build());
    assertEquals(List.of("0=16.0/1", "100=6.0/1", "200=8.0/1"), composite(1, T0, 300, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  /** 4 000 W on three phases of 230 V are 4 000 / 690 = 5.797 A, 5.7 A rounded down, whatever the minimum of 4 140 W. */
  @Test
  void aMinimumChargingRateInWattsDoesNotZeroAPeriodEither() {
    install(1, profile(1).watts().minChargingRate(4_140).period(0, 11_040).period(100, 4_000).build());
    assertEquals(List.of("0=16.0/3", "100=5.7/3"), composite(1, T0, 200, NO_TRANSACTION, A, THREE_PHASE_32A));
  }

  /**
   * Without numberPhases a period counts on 3 phases (the spec's default), never more than the connector has:
   * 11 040 W are 11 040 / (230 × 3) = 16 A on a three-phase connector and 11 040 / 230 = 48 A, capped by the 32 A
   * rating, on a single-phase one; 5 520 W on it are 24 A.
   */
  @Test
  void wattsWithoutNumberPhasesConvertOnThreePhasesOrOnTheConnectorsOne() {
    install(1, profile(1).watts().period(0, 11_040).period(100, 5_520).build());
    assertEquals(List.of("0=16.0/3", "100=8.0/3"), composite(1, T0, 200, NO_TRANSACTION, A, THREE_PHASE_32A));
    assertEquals(List.of("0=32.0/1", "100=24.0/1"), composite(1, T0, 200, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void numberPhasesOfAPeriodConvertsItsPower() {
    install(1, profile(1).watts().period(0, 3680, 1).period(100, 11_040).build());
    assertEquals(List.of("0=16.0/1", "100=16.0/3"), composite(1, T0, 200, NO_TRANSACTION, A, THREE_PHASE_32A));
    assertEquals(List.of("0=3680.0/1", "100=11040.0/3"), composite(1, T0, 200, NO_TRANSACTION, W, THREE_PHASE_32A));
  }

  @Test
  void withoutProfilesTheConnectorsRatingIsTheLimit() {
    assertEquals(List.of("0=32.0/3"), composite(1, T0, 86_400, NO_TRANSACTION, A, THREE_PHASE_32A));
    assertEquals(List.of("0=22080.0/3"), composite(1, T0, 86_400, NO_TRANSACTION, W, THREE_PHASE_32A));
    assertEquals(List.of("0=32.0/3"), composite(1, T0, 0, NO_TRANSACTION, A, THREE_PHASE_32A));
    assertEquals(Optional.empty(), profiles.nextChange(1, T0, NO_TRANSACTION));
  }

  @Test
  void limitsAreRoundedDownToATenth() {
    install(1, profile(1).watts().period(0, 1000).build());
    assertEquals(List.of("0=4.3/1"), composite(1, T0, 60, NO_TRANSACTION, A, SINGLE_PHASE_32A));
  }

  @Test
  void theLimitNowSaysWhenToLookAgain() {
    RunningTransaction running = new RunningTransaction(Optional.of(3), T0);
    install(0, profile(1).chargePointMax().daily(Instant.parse("2025-01-01T00:00:00Z")).period(0, 32).period(18 * 3600, 10).build());
    install(1, profile(2).txProfile().duration(7200).period(0, 16).period(3600, 20).build(), running);
    Instant tenOClock = Instant.parse("2025-03-03T10:00:00Z");
    assertEquals(Optional.of(T0.plusSeconds(3600)), profiles.nextChange(1, T0, Optional.of(running)));
    assertEquals(Optional.of(tenOClock), profiles.nextChange(1, T0.plusSeconds(3600).plusMillis(500), Optional.of(running)));
    assertEquals(Optional.of(Instant.parse("2025-03-03T18:00:00Z")), profiles.nextChange(1, tenOClock, Optional.of(running)));
    assertEquals(Optional.of(Instant.parse("2025-03-04T00:00:00Z")),
        profiles.nextChange(1, Instant.parse("2025-03-03T19:00:00Z"), Optional.of(running)));
  }
}
