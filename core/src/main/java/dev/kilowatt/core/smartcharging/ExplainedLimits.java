package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The current the installed profiles allow, with the profile period or rating that sets it. The connector's side and
 * the grid's side are kept apart: a connector's limit leaves the ChargePointMaxProfile out, because with more than one
 * connector that profile is for all of them combined (OCPP 1.6 section 3.13.3) and the {@link PowerAllocator}
 * shares it.
 *
 * <p>W convert to A per phase as W / (nominal voltage × phases), where phases are the period's numberPhases, 3 when
 * it gives none (the spec's default), and never more than the connector has: 11 000 W without numberPhases are
 * 15.9 A on a three-phase connector and, as one phase is all it can use, 47.8 A on a single-phase one before its
 * rating caps them. Limits are rounded down to 0.1 A, as in the composite schedule. minChargingRate does not lower
 * anything here: section 3.13.4 gives it to the central system as a hint for balancing, not as a floor.
 */
final class ExplainedLimits {

  /** The phases the spec assumes for a period without numberPhases. */
  private static final int DEFAULT_PHASES = 3;

  private static final Comparator<ChargingProfile> PRECEDENCE = Comparator
      .comparingInt(ChargingProfile::stackLevel)
      .thenComparingInt(ChargingProfile::chargingProfileId);

  private ExplainedLimits() {
  }

  /**
   * What the transaction's profiles allow {@code connectorId} at {@code at}: its TxProfile, else the TxDefaultProfile
   * installed on it, else the one installed on connector 0, each only while it has a period in effect, capped by the
   * connector's rating. Relative schedules count from {@code transactionStart}, or from {@code at}.
   */
  static ExplainedLimit forConnector(List<InstalledProfile> installed, int connectorId, Instant at,
      Optional<Instant> transactionStart, ConnectorRating rating) {
    if (connectorId < 1) {
      throw new IllegalArgumentException("a connector's limit is asked for connector 1 or above, not " + connectorId);
    }
    long t = at.getEpochSecond();
    long anchor = transactionStart.map(Instant::getEpochSecond).orElse(t);
    ExplainedLimit limit = new ExplainedLimit(rating.maxCurrentA(), new LimitBound.HardwareRating(rating.maxCurrentA()));
    return roundedDown(transactionProfile(installed, connectorId, t, anchor, rating).map(p -> p.lower(limit)).orElse(limit));
  }

  /**
   * How many phases {@code connectorId} may charge on at {@code at}: its own, cut to the numberPhases of the
   * transaction's prevailing period and of the ChargePointMaxProfile's where they give one. A switch between one and
   * three phases goes to three only when three are allowed.
   */
  static int phasesFor(List<InstalledProfile> installed, int connectorId, Instant at, Optional<Instant> transactionStart,
      ConnectorRating rating) {
    long t = at.getEpochSecond();
    long anchor = transactionStart.map(Instant::getEpochSecond).orElse(t);
    return Stream.of(transactionProfile(installed, connectorId, t, anchor, rating),
            prevailing(installed, 0, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, t, t, rating))
        .flatMap(Optional::stream)
        .map(limit -> ((LimitBound.Profile) limit.bound()).phases())
        .reduce(rating.phases(), Math::min);
  }

  private static Optional<ExplainedLimit> transactionProfile(List<InstalledProfile> installed, int connectorId, long t, long anchor,
      ConnectorRating rating) {
    return prevailing(installed, connectorId, ChargingProfilePurposeType.TX_PROFILE, t, anchor, rating)
        .or(() -> prevailing(installed, connectorId, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, t, anchor, rating))
        .or(() -> prevailing(installed, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, t, anchor, rating));
  }

  /**
   * What the ChargePointMaxProfile allows the whole charge point at {@code at}, capped by the installation limit.
   *
   * @param installation the grid connection: its nominal voltage, its phases and the current per phase the installer
   *     allows, reported as {@link LimitBound.InstallationLimit} where it is the lower
   */
  static ExplainedLimit forGrid(List<InstalledProfile> installed, Instant at, ConnectorRating installation) {
    long t = at.getEpochSecond();
    ExplainedLimit limit = new ExplainedLimit(installation.maxCurrentA(), new LimitBound.InstallationLimit(installation.maxCurrentA()));
    Optional<ExplainedLimit> profile = prevailing(installed, 0, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, t, t, installation);
    return roundedDown(profile.map(p -> p.lower(limit)).orElse(limit));
  }

  private static Optional<ExplainedLimit> prevailing(List<InstalledProfile> installed, int connectorId,
      ChargingProfilePurposeType purpose, long t, long anchor, ConnectorRating rating) {
    return installed.stream()
        .filter(i -> i.connectorId() == connectorId && i.profile().chargingProfilePurpose() == purpose)
        .map(InstalledProfile::profile)
        .filter(profile -> ProfileTimeline.periodAt(profile, t, anchor).isPresent())
        .max(PRECEDENCE)
        .map(profile -> explain(profile, connectorId, ProfileTimeline.periodAt(profile, t, anchor).orElseThrow(), rating));
  }

  private static ExplainedLimit explain(ChargingProfile profile, int connectorId, ChargingSchedulePeriod period, ConnectorRating rating) {
    int phases = Math.min(rating.phases(), period.numberPhases().orElse(DEFAULT_PHASES));
    boolean watts = profile.chargingSchedule().chargingRateUnit() == ChargingRateUnitType.W;
    double amperes = watts ? period.limit() / (rating.voltage() * phases) : period.limit();
    LimitBound.Profile bound = new LimitBound.Profile(profile.chargingProfileId(), purpose(profile.chargingProfilePurpose()),
        profile.stackLevel(), connectorId, profile.chargingSchedule().chargingSchedulePeriod().indexOf(period),
        period.startPeriod(), period.limit(), watts ? LimitBound.RateUnit.WATTS : LimitBound.RateUnit.AMPERES, phases);
    return new ExplainedLimit(Math.max(0, amperes), bound);
  }

  private static LimitBound.Purpose purpose(ChargingProfilePurposeType purpose) {
    return switch (purpose) {
      case CHARGE_POINT_MAX_PROFILE -> LimitBound.Purpose.CHARGE_POINT_MAX;
      case TX_DEFAULT_PROFILE -> LimitBound.Purpose.TX_DEFAULT;
      case TX_PROFILE -> LimitBound.Purpose.TX;
    };
  }

  /** The epsilon keeps a conversion that lands a hair below a tenth (15.999999…) from losing that tenth. */
  private static ExplainedLimit roundedDown(ExplainedLimit limit) {
    return new ExplainedLimit(Math.floor(limit.amperes() * 10 + 1e-9) / 10, limit.bound());
  }
}
