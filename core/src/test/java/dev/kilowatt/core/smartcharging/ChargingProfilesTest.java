package dev.kilowatt.core.smartcharging;

import static dev.kilowatt.core.message.ChargingProfileStatus.ACCEPTED;
import static dev.kilowatt.core.message.ChargingProfileStatus.NOT_SUPPORTED;
import static dev.kilowatt.core.message.ChargingProfileStatus.REJECTED;
import static dev.kilowatt.core.smartcharging.ProfileBuilder.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ClearChargingProfileRequest;
import dev.kilowatt.core.message.ClearChargingProfileStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SetChargingProfile, ClearChargingProfile and the end of a transaction, rule by rule. */
class ChargingProfilesTest {

  private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
  private static final Optional<RunningTransaction> NO_TRANSACTION = Optional.empty();
  private static final Optional<RunningTransaction> TRANSACTION_7 = Optional.of(new RunningTransaction(Optional.of(7), T0));
  private static final SmartChargingLimits SMALL = new SmartChargingLimits(3, 4, Set.of(ChargingRateUnitType.A), 3);

  private final ChargingProfiles profiles = new ChargingProfiles(SMALL, 2, List.of());

  private ChargingProfileStatus install(int connectorId, ProfileBuilder builder) {
    return profiles.install(connectorId, builder.period(0, 16).build(), NO_TRANSACTION);
  }

  private static ProfileBuilder txDefault(int id) {
    return profile(id);
  }

  @Test
  void aTxDefaultProfileGoesOnConnectorZeroForAllOrOnOneConnector() {
    assertEquals(ACCEPTED, install(0, txDefault(1)));
    assertEquals(ACCEPTED, install(1, txDefault(2)));
    assertEquals(ACCEPTED, install(2, txDefault(3)));
    assertEquals(List.of(0, 1, 2), profiles.installed().stream().map(InstalledProfile::connectorId).toList());
  }

  @Test
  void unknownConnectorsAreRejected() {
    assertEquals(REJECTED, install(-1, txDefault(1)));
    assertEquals(REJECTED, install(3, txDefault(1)));
    assertTrue(profiles.installed().isEmpty());
  }

  @Test
  void aChargePointMaxProfileOnlyOnConnectorZero() {
    assertEquals(REJECTED, install(1, txDefault(1).chargePointMax()));
    assertEquals(ACCEPTED, install(0, txDefault(1).chargePointMax()));
  }

  @Test
  void aTxProfileOnlyOnAConnectorWithARunningTransaction() {
    ChargingProfile tx = profile(1).txProfile().period(0, 10).build();
    assertEquals(REJECTED, profiles.install(0, tx, TRANSACTION_7));
    assertEquals(REJECTED, profiles.install(1, tx, NO_TRANSACTION));
    assertEquals(ACCEPTED, profiles.install(1, tx, TRANSACTION_7));
  }

  @Test
  void aTxProfileThatNamesATransactionMustNameTheRunningOne() {
    assertEquals(REJECTED, profiles.install(1, profile(1).txProfile().transactionId(8).period(0, 10).build(), TRANSACTION_7));
    Optional<RunningTransaction> withoutIdYet = Optional.of(new RunningTransaction(Optional.empty(), T0));
    assertEquals(REJECTED, profiles.install(1, profile(1).txProfile().transactionId(7).period(0, 10).build(), withoutIdYet));
    assertEquals(ACCEPTED, profiles.install(1, profile(1).txProfile().period(0, 10).build(), withoutIdYet));
    assertEquals(ACCEPTED, profiles.install(1, profile(2).stack(1).txProfile().transactionId(7).period(0, 10).build(), TRANSACTION_7));
  }

  @Test
  void stackLevelsFromZeroToChargeProfileMaxStackLevel() {
    assertEquals(REJECTED, install(0, txDefault(1).stack(-1)));
    assertEquals(REJECTED, install(0, txDefault(1).stack(4)));
    assertEquals(ACCEPTED, install(0, txDefault(1).stack(3)));
    assertEquals(ACCEPTED, install(0, txDefault(2).stack(0)));
  }

  @Test
  void atMostChargingScheduleMaxPeriodsPeriods() {
    ProfileBuilder four = txDefault(1).period(0, 6).period(60, 8).period(120, 10).period(180, 12);
    assertEquals(ACCEPTED, profiles.install(0, four.build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, four.period(240, 14).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(2).build(), NO_TRANSACTION), "no period at all");
  }

  @Test
  void periodsStartAtZeroAndIncreaseStrictly() {
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(10, 6).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, 6).period(60, 8).period(60, 10).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, 6).period(60, 8).period(30, 10).build(), NO_TRANSACTION));
    assertEquals(ACCEPTED, profiles.install(0, txDefault(1).period(0, 6).period(60, 8).period(61, 10).build(), NO_TRANSACTION));
  }

  @Test
  void limitsAndPhasesMustBeUsable() {
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, -1).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, Double.NaN).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, Double.POSITIVE_INFINITY).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, 16, 0).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).period(0, 16, 4).build(), NO_TRANSACTION));
    assertEquals(REJECTED, profiles.install(0, txDefault(1).minChargingRate(-0.1).period(0, 16).build(), NO_TRANSACTION));
    assertEquals(ACCEPTED, profiles.install(0, txDefault(1).minChargingRate(6).period(0, 0).period(60, 16, 3).build(), NO_TRANSACTION));
  }

  @Test
  void aUnitOutsideChargingScheduleAllowedChargingRateUnitIsNotSupported() {
    assertEquals(NOT_SUPPORTED, install(0, txDefault(1).watts()));
    assertEquals(ACCEPTED, new ChargingProfiles(SmartChargingLimits.DEFAULT, 1, List.of())
        .install(0, txDefault(1).watts().period(0, 11000).build(), NO_TRANSACTION));
  }

  @Test
  void atMostMaxChargingProfilesInstalledButAReplacementAlwaysFits() {
    assertEquals(ACCEPTED, install(0, txDefault(1).stack(0)));
    assertEquals(ACCEPTED, install(0, txDefault(2).stack(1)));
    assertEquals(ACCEPTED, install(1, txDefault(3).stack(0)));
    assertEquals(REJECTED, install(2, txDefault(4).stack(0)));
    assertEquals(ACCEPTED, install(2, txDefault(3).stack(0)), "replaces profile 3");
    assertEquals(ACCEPTED, install(0, txDefault(5).stack(1)), "replaces profile 2");
    assertEquals(List.of(1, 3, 5), ids());
  }

  @Test
  void absoluteAndRecurringSchedulesNeedAStartRelativeOnesHaveNone() {
    assertEquals(REJECTED, install(0, txDefault(1).kind(ChargingProfileKindType.ABSOLUTE)));
    assertEquals(REJECTED, install(0, txDefault(1).daily(T0).startSchedule(Optional.empty())));
    assertEquals(REJECTED, install(0, txDefault(1).startSchedule(Optional.of(T0))), "Relative with a start");
    assertEquals(ACCEPTED, install(0, txDefault(1).absolute(T0)));
    assertEquals(ACCEPTED, install(0, txDefault(2).stack(1)));
  }

  @Test
  void aRecurringProfileNeedsARecurrencyKind() {
    assertEquals(REJECTED, install(0, txDefault(1).daily(T0).recurrency(Optional.empty())));
    assertEquals(ACCEPTED, install(0, txDefault(1).weekly(T0)));
  }

  @Test
  void validFromMustComeBeforeValidTo() {
    assertEquals(REJECTED, install(0, txDefault(1).validFrom(T0).validTo(T0)));
    assertEquals(REJECTED, install(0, txDefault(1).validFrom(T0.plusSeconds(1)).validTo(T0)));
    assertEquals(ACCEPTED, install(0, txDefault(1).validFrom(T0).validTo(T0.plusSeconds(1))));
  }

  @Test
  void aDurationIsNotNegative() {
    assertEquals(REJECTED, install(0, txDefault(1).duration(-1)));
    assertEquals(ACCEPTED, install(0, txDefault(1).duration(0)));
  }

  @Test
  void aRefusedProfileLeavesTheInstalledOnesAlone() {
    assertEquals(ACCEPTED, install(0, txDefault(1).stack(2)));
    assertEquals(REJECTED, install(0, txDefault(1).stack(2).validFrom(T0).validTo(T0)));
    assertEquals(REJECTED, install(0, txDefault(1).stack(2).kind(ChargingProfileKindType.ABSOLUTE)));
    assertEquals(List.of(1), ids());
    assertEquals(Optional.empty(), profiles.installed().get(0).profile().validFrom());
  }

  @Test
  void theSameChargingProfileIdReplacesWhateverItWas() {
    assertEquals(ACCEPTED, install(1, txDefault(1).stack(2)));
    assertEquals(ACCEPTED, install(0, txDefault(1).stack(0).chargePointMax()));
    assertEquals(List.of(new InstalledProfile(0, txDefault(1).stack(0).chargePointMax().period(0, 16).build())), profiles.installed());
  }

  @Test
  void theSameStackLevelAndPurposeOnTheSameConnectorReplaces() {
    assertEquals(ACCEPTED, install(1, txDefault(1).stack(2)));
    assertEquals(ACCEPTED, install(1, txDefault(2).stack(2)));
    assertEquals(List.of(2), ids());
  }

  @Test
  void theSameStackLevelOnAnotherConnectorOrForAnotherPurposeIsAdded() {
    assertEquals(ACCEPTED, install(0, txDefault(1).stack(2)));
    assertEquals(ACCEPTED, install(1, txDefault(2).stack(2)));
    assertEquals(ACCEPTED, install(0, txDefault(3).stack(2).chargePointMax()));
    assertEquals(List.of(1, 2, 3), ids());
  }

  @Test
  void aTxProfileFromSetChargingProfileReplacesTheOneOfRemoteStartWithTheSameStackLevel() {
    assertEquals(ACCEPTED, profiles.install(1, profile(1).txProfile().period(0, 10).build(), TRANSACTION_7));
    assertEquals(ACCEPTED, profiles.install(1, profile(2).txProfile().transactionId(7).period(0, 12).build(), TRANSACTION_7));
    assertEquals(List.of(2), ids());
  }

  @Test
  void clearingByIdIgnoresTheOtherCriteria() {
    installThree();
    assertEquals(ClearChargingProfileStatus.ACCEPTED, profiles.clear(new ClearChargingProfileRequest(Optional.of(2), Optional.of(0),
        Optional.of(ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE), Optional.of(3))));
    assertEquals(List.of(1, 3), ids());
    assertEquals(ClearChargingProfileStatus.UNKNOWN, profiles.clear(clear(Optional.of(2), Optional.empty(), Optional.empty(), Optional.empty())));
  }

  @Test
  void clearingByCriteriaRemovesWhatMatchesThemAll() {
    installThree();
    assertEquals(ClearChargingProfileStatus.UNKNOWN, profiles.clear(
        clear(Optional.empty(), Optional.of(1), Optional.of(ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE), Optional.empty())));
    assertEquals(ClearChargingProfileStatus.UNKNOWN, profiles.clear(
        clear(Optional.empty(), Optional.of(1), Optional.empty(), Optional.of(0))));
    assertEquals(ClearChargingProfileStatus.ACCEPTED, profiles.clear(
        clear(Optional.empty(), Optional.of(1), Optional.empty(), Optional.of(1))));
    assertEquals(List.of(1, 3), ids());
    assertEquals(ClearChargingProfileStatus.ACCEPTED, profiles.clear(
        clear(Optional.empty(), Optional.empty(), Optional.of(ChargingProfilePurposeType.TX_DEFAULT_PROFILE), Optional.empty())));
    assertEquals(List.of(3), ids());
  }

  @Test
  void clearingByConnectorZeroLeavesTheConnectorsProfiles() {
    installThree();
    assertEquals(ClearChargingProfileStatus.ACCEPTED, profiles.clear(
        clear(Optional.empty(), Optional.of(0), Optional.empty(), Optional.empty())));
    assertEquals(List.of(2), ids());
  }

  @Test
  void clearingWithoutCriteriaRemovesEverything() {
    assertEquals(ClearChargingProfileStatus.UNKNOWN, profiles.clear(clear(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    installThree();
    assertEquals(ClearChargingProfileStatus.ACCEPTED, profiles.clear(clear(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    assertTrue(profiles.installed().isEmpty());
  }

  @Test
  void theEndOfATransactionRemovesItsConnectorsTxProfilesOnly() {
    ChargingProfiles roomy = new ChargingProfiles(SmartChargingLimits.DEFAULT, 2, List.of());
    roomy.install(1, profile(1).txProfile().period(0, 10).build(), TRANSACTION_7);
    roomy.install(2, profile(2).txProfile().period(0, 10).build(), TRANSACTION_7);
    roomy.install(1, profile(3).period(0, 10).build(), NO_TRANSACTION);
    assertTrue(roomy.transactionEnded(1));
    assertEquals(List.of(2, 3), roomy.installed().stream().map(i -> i.profile().chargingProfileId()).toList());
    assertFalse(roomy.transactionEnded(1));
  }

  @Test
  void restoredProfilesAreTheInstalledOnes() {
    installThree();
    ChargingProfiles restored = new ChargingProfiles(SMALL, 2, profiles.installed());
    assertEquals(profiles.installed(), restored.installed());
    assertEquals(REJECTED, restored.install(2, txDefault(4).stack(3).period(0, 16).build(), NO_TRANSACTION), "still full");
  }

  @Test
  void theCompositeScheduleOfAnUnknownConnectorOrOfANegativeOrOverlongDurationIsRefused() {
    ConnectorRating rating = new ConnectorRating(230, 1, 16);
    assertEquals(Optional.empty(), profiles.compositeSchedule(3, T0, 60, NO_TRANSACTION, ChargingRateUnitType.A, rating));
    assertEquals(Optional.empty(), profiles.compositeSchedule(-1, T0, 60, NO_TRANSACTION, ChargingRateUnitType.A, rating));
    assertEquals(Optional.empty(), profiles.compositeSchedule(1, T0, -1, NO_TRANSACTION, ChargingRateUnitType.A, rating));
    assertEquals(Optional.empty(), profiles.compositeSchedule(1, T0, 31 * 86_400 + 1, NO_TRANSACTION, ChargingRateUnitType.A, rating));
    assertTrue(profiles.compositeSchedule(1, T0, 31 * 86_400, NO_TRANSACTION, ChargingRateUnitType.A, rating).isPresent());
    assertTrue(profiles.compositeSchedule(0, T0, 0, NO_TRANSACTION, ChargingRateUnitType.A, rating).isPresent());
    assertThrows(IllegalArgumentException.class, () -> profiles.nextChange(0, T0, NO_TRANSACTION));
  }

  @Test
  void limitsDescribeThemselvesAsTheConfigurationKeysDo() {
    assertEquals("Current,Power", SmartChargingLimits.DEFAULT.allowedUnitsConfigValue());
    assertEquals("Current", SMALL.allowedUnitsConfigValue());
    assertEquals("Power", new SmartChargingLimits(0, 1, Set.of(ChargingRateUnitType.W), 1).allowedUnitsConfigValue());
    assertThrows(IllegalArgumentException.class, () -> new SmartChargingLimits(-1, 1, Set.of(ChargingRateUnitType.A), 1));
    assertThrows(IllegalArgumentException.class, () -> new SmartChargingLimits(0, 0, Set.of(ChargingRateUnitType.A), 1));
    assertThrows(IllegalArgumentException.class, () -> new SmartChargingLimits(0, 1, Set.of(), 1));
    assertThrows(IllegalArgumentException.class, () -> new SmartChargingLimits(0, 1, Set.of(ChargingRateUnitType.A), 0));
    assertThrows(IllegalArgumentException.class, () -> new ConnectorRating(0, 1, 16));
    assertThrows(IllegalArgumentException.class, () -> new ConnectorRating(230, 4, 16));
    assertThrows(IllegalArgumentException.class, () -> new ConnectorRating(230, 1, Double.NaN));
  }

  private void installThree() {
    assertEquals(ACCEPTED, install(0, txDefault(1).stack(0)));
    assertEquals(ACCEPTED, install(1, txDefault(2).stack(1)));
    assertEquals(ACCEPTED, install(0, txDefault(3).stack(1).chargePointMax()));
  }

  private static ClearChargingProfileRequest clear(Optional<Integer> id, Optional<Integer> connectorId,
      Optional<ChargingProfilePurposeType> purpose, Optional<Integer> stackLevel) {
    return new ClearChargingProfileRequest(id, connectorId, purpose, stackLevel);
  }

  private List<Integer> ids() {
    return profiles.installed().stream().map(i -> i.profile().chargingProfileId()).toList();
  }
}
