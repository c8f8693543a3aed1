package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The composite schedule of OCPP 1.6 section 3.13, as the package documentation describes it: a pure function
 * of the installed profiles, a connector, the time, the start of the connector's transaction and the
 * connector's rating. It steps from one profile boundary to the next, so its cost follows the number of
 * boundaries, not the length of the window.
 */
final class Composite {

  /** A limit in the unit asked for, and the phases it is meant for. */
  private record Level(double limit, int phases) {}

  private record Prevailing(ChargingProfile profile, ChargingSchedulePeriod period) {}

  /** Installed profiles never tie on stack level within a group; the id keeps any restored set deterministic. */
  private static final Comparator<ChargingProfile> PRECEDENCE = Comparator
      .comparingInt(ChargingProfile::stackLevel)
      .thenComparingInt(ChargingProfile::chargingProfileId);

  private final List<ChargingProfile> chargePointMax;
  /** The transaction's profile groups, in the order in which they take precedence. */
  private final List<List<ChargingProfile>> transaction;
  private final long anchor;
  private final ConnectorRating rating;

  private Composite(List<InstalledProfile> installed, int connectorId, long anchor, ConnectorRating rating) {
    this.chargePointMax = of(installed, 0, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE);
    this.transaction = connectorId == 0
        ? List.of()
        : List.of(
            of(installed, connectorId, ChargingProfilePurposeType.TX_PROFILE),
            of(installed, connectorId, ChargingProfilePurposeType.TX_DEFAULT_PROFILE),
            of(installed, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE));
    this.anchor = anchor;
    this.rating = rating;
  }

  /**
   * The composite schedule over [start, start + duration), with period offsets from start (whole seconds).
   * Relative schedules count from the transaction start, or from start when no transaction runs.
   */
  static ChargingSchedule schedule(List<InstalledProfile> installed, int connectorId, Instant start, int duration,
      Optional<Instant> transactionStart, ChargingRateUnitType unit, ConnectorRating rating) {
    long from = start.getEpochSecond();
    long to = from + duration;
    Composite composite = new Composite(installed, connectorId, transactionStart.map(Instant::getEpochSecond).orElse(from), rating);
    List<ChargingSchedulePeriod> periods = new ArrayList<>();
    Level previous = null;
    long t = from;
    do {
      Level level = composite.levelAt(t, unit);
      if (!level.equals(previous)) {
        periods.add(new ChargingSchedulePeriod((int) (t - from), level.limit(), Optional.of(level.phases())));
        previous = level;
      }
      t = composite.nextBoundaryAfter(t);
    } while (t < to);
    return new ChargingSchedule(Optional.of(duration), Optional.of(Instant.ofEpochSecond(from)), unit, periods, Optional.empty());
  }

  /**
   * The next instant after {@code at} at which a profile that concerns {@code connectorId} changes its limit; Relative
   * schedules count from the transaction start, or from {@code at}. Empty when none ever will.
   */
  static Optional<Instant> nextChange(List<InstalledProfile> installed, int connectorId, Instant at, Optional<Instant> transactionStart) {
    long t = at.getEpochSecond();
    // the rating plays no part in where boundaries fall
    ConnectorRating anyRating = new ConnectorRating(1, 1, 0);
    long next = new Composite(installed, connectorId, transactionStart.map(Instant::getEpochSecond).orElse(t), anyRating).nextBoundaryAfter(t);
    return next == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochSecond(next));
  }

  private static List<ChargingProfile> of(List<InstalledProfile> installed, int connectorId, ChargingProfilePurposeType purpose) {
    return installed.stream()
        .filter(i -> i.connectorId() == connectorId && i.profile().chargingProfilePurpose() == purpose)
        .map(InstalledProfile::profile)
        .toList();
  }

  private Level levelAt(long t, ChargingRateUnitType unit) {
    Optional<Prevailing> tx = transaction.stream().map(group -> prevailing(group, t)).flatMap(Optional::stream).findFirst();
    List<Prevailing> prevailing = new ArrayList<>(2);
    prevailing(chargePointMax, t).ifPresent(prevailing::add);
    tx.ifPresent(prevailing::add);
    int phases = rating.phases();
    for (Prevailing p : prevailing) {
      phases = Math.min(phases, p.period().numberPhases().orElse(phases));
    }
    double wattsPerAmpere = rating.voltage() * phases;
    double limit = convert(rating.maxCurrentA(), ChargingRateUnitType.A, unit, wattsPerAmpere);
    for (Prevailing p : prevailing) {
      limit = Math.min(limit, convert(p.period().limit(), p.profile().chargingSchedule().chargingRateUnit(), unit, wattsPerAmpere));
    }
    // the epsilon keeps a conversion that lands a hair below a tenth (15.999999…) from losing that tenth
    return new Level(Math.floor(limit * 10 + 1e-9) / 10, phases);
  }

  private long nextBoundaryAfter(long t) {
    long next = Long.MAX_VALUE;
    for (ChargingProfile profile : chargePointMax) {
      next = Math.min(next, ProfileTimeline.nextBoundaryAfter(profile, t, anchor));
    }
    for (List<ChargingProfile> group : transaction) {
      for (ChargingProfile profile : group) {
        next = Math.min(next, ProfileTimeline.nextBoundaryAfter(profile, t, anchor));
      }
    }
    return next;
  }

  private Optional<Prevailing> prevailing(List<ChargingProfile> group, long t) {
    return group.stream()
        .flatMap(profile -> ProfileTimeline.periodAt(profile, t, anchor).map(period -> new Prevailing(profile, period)).stream())
        .max(Comparator.comparing(Prevailing::profile, PRECEDENCE));
  }

  private static double convert(double value, ChargingRateUnitType from, ChargingRateUnitType to, double wattsPerAmpere) {
    if (from == to) {
      return value;
    }
    return from == ChargingRateUnitType.A ? value * wattsPerAmpere : value / wattsPerAmpere;
  }
}
