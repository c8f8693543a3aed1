package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.RecurrencyKindType;
import java.util.ArrayList;
import java.util.List;

/**
 * The composite limit at one instant, worked out the plain way, independently of the production code: walk
 * every profile, step recurring schedules forward one repetition at a time, keep the highest stack level
 * per purpose, take the minimum.
 */
final class BruteForce {

  /** A profile in effect at an instant, with the period that applies. */
  record InEffect(ChargingProfile profile, ChargingSchedulePeriod period) {}

  /** The limit at an instant in the unit asked for, and the phases it is for. */
  record Sample(double limit, int phases) {}

  private BruteForce() {
  }

  static Sample sample(List<InstalledProfile> installed, int connectorId, long t, long anchor, ChargingRateUnitType unit,
      ConnectorRating rating) {
    List<InEffect> applicable = applicable(installed, connectorId, t, anchor);
    int phases = rating.phases();
    for (InEffect e : applicable) {
      if (e.period().numberPhases().isPresent() && e.period().numberPhases().get() < phases) {
        phases = e.period().numberPhases().get();
      }
    }
    double factor = rating.voltage() * phases;
    double limit = unit == ChargingRateUnitType.A ? rating.maxCurrentA() : rating.maxCurrentA() * factor;
    for (InEffect e : applicable) {
      limit = Math.min(limit, inUnit(e.period().limit(), e.profile().chargingSchedule().chargingRateUnit(), unit, factor));
    }
    return new Sample(Math.floor(limit * 10 + 1e-9) / 10, phases);
  }

  /** The prevailing ChargePointMaxProfile and the prevailing profile for the transaction, where there are any. */
  static List<InEffect> applicable(List<InstalledProfile> installed, int connectorId, long t, long anchor) {
    List<InEffect> applicable = new ArrayList<>();
    InEffect station = highest(installed, 0, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, t, anchor);
    if (station != null) {
      applicable.add(station);
    }
    if (connectorId > 0) {
      InEffect tx = highest(installed, connectorId, ChargingProfilePurposeType.TX_PROFILE, t, anchor);
      if (tx == null) {
        tx = highest(installed, connectorId, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, t, anchor);
      }
      if (tx == null) {
        tx = highest(installed, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, t, anchor);
      }
      if (tx != null) {
        applicable.add(tx);
      }
    }
    return applicable;
  }

  private static InEffect highest(List<InstalledProfile> installed, int connectorId, ChargingProfilePurposeType purpose, long t,
      long anchor) {
    InEffect best = null;
    for (InstalledProfile i : installed) {
      if (i.connectorId() != connectorId || i.profile().chargingProfilePurpose() != purpose) {
        continue;
      }
      ChargingSchedulePeriod period = periodAt(i.profile(), t, anchor);
      if (period != null && (best == null || i.profile().stackLevel() > best.profile().stackLevel())) {
        best = new InEffect(i.profile(), period);
      }
    }
    return best;
  }

  static ChargingSchedulePeriod periodAt(ChargingProfile profile, long t, long anchor) {
    if (profile.validFrom().isPresent() && t < profile.validFrom().get().getEpochSecond()) {
      return null;
    }
    if (profile.validTo().isPresent() && t >= profile.validTo().get().getEpochSecond()) {
      return null;
    }
    long start = profile.chargingProfileKind() == ChargingProfileKindType.RELATIVE
        ? anchor
        : profile.chargingSchedule().startSchedule().orElseThrow().getEpochSecond();
    if (t < start) {
      return null;
    }
    long length = Long.MAX_VALUE;
    if (profile.chargingProfileKind() == ChargingProfileKindType.RECURRING) {
      length = profile.recurrencyKind().orElseThrow() == RecurrencyKindType.DAILY ? 24 * 3600 : 7 * 24 * 3600;
      while (start + length <= t) {
        start += length;
      }
    }
    long offset = t - start;
    if (offset >= length || (profile.chargingSchedule().duration().isPresent() && offset >= profile.chargingSchedule().duration().get())) {
      return null;
    }
    ChargingSchedulePeriod current = null;
    for (ChargingSchedulePeriod period : profile.chargingSchedule().chargingSchedulePeriod()) {
      if (period.startPeriod() <= offset) {
        current = period;
      }
    }
    return current;
  }

  static double inUnit(double value, ChargingRateUnitType from, ChargingRateUnitType to, double wattsPerAmpere) {
    if (from == to) {
      return value;
    }
    return to == ChargingRateUnitType.W ? value * wattsPerAmpere : value / wattsPerAmpere;
  }
}
