package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import java.util.List;
import java.util.Optional;

/**
 * Whether a charging profile may be installed on a connector (OCPP 1.6 sections 3.13, 5.16, 7.7-7.10,
 * 9.4 and errata), before the count of installed profiles is considered.
 */
final class ProfileRules {

  /** Why a profile is refused, and the status that says so. */
  record Refusal(ChargingProfileStatus status, String reason) {}

  private ProfileRules() {
  }

  static Optional<Refusal> check(SmartChargingLimits limits, int numberOfConnectors, int connectorId, ChargingProfile profile,
      Optional<RunningTransaction> running) {
    return placement(numberOfConnectors, connectorId, profile, running)
        .or(() -> stacking(limits, profile))
        .or(() -> timing(profile))
        .or(() -> periods(limits, profile.chargingSchedule()))
        .or(() -> unit(limits, profile.chargingSchedule()));
  }

  private static Optional<Refusal> placement(int numberOfConnectors, int connectorId, ChargingProfile profile,
      Optional<RunningTransaction> running) {
    if (connectorId < 0 || connectorId > numberOfConnectors) {
      return rejected("connector " + connectorId + " does not exist");
    }
    return switch (profile.chargingProfilePurpose()) {
      case CHARGE_POINT_MAX_PROFILE -> connectorId == 0 ? Optional.empty() : rejected("a ChargePointMaxProfile belongs on connector 0");
      case TX_DEFAULT_PROFILE -> Optional.empty();
      case TX_PROFILE -> transactionProfile(connectorId, profile, running);
    };
  }

  /** A TxProfile only for the transaction running on its connector (spec 3.13.1, 5.16.4; errata on transactionId). */
  private static Optional<Refusal> transactionProfile(int connectorId, ChargingProfile profile, Optional<RunningTransaction> running) {
    if (connectorId == 0) {
      return rejected("a TxProfile belongs on a connector, not on connector 0");
    }
    if (running.isEmpty()) {
      return rejected("no transaction runs on connector " + connectorId + " for a TxProfile");
    }
    Optional<Integer> wanted = profile.transactionId();
    if (wanted.isPresent() && !wanted.equals(running.get().transactionId())) {
      return rejected("TxProfile for transaction " + wanted.get() + ", but connector " + connectorId + " runs "
          + running.get().transactionId().map(String::valueOf).orElse("a transaction without id yet"));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> stacking(SmartChargingLimits limits, ChargingProfile profile) {
    if (profile.stackLevel() < 0 || profile.stackLevel() > limits.maxStackLevel()) {
      return rejected("stack level " + profile.stackLevel() + " outside 0.." + limits.maxStackLevel());
    }
    return Optional.empty();
  }

  private static Optional<Refusal> timing(ChargingProfile profile) {
    ChargingSchedule schedule = profile.chargingSchedule();
    boolean hasStart = schedule.startSchedule().isPresent();
    if (profile.chargingProfileKind() == ChargingProfileKindType.RELATIVE && hasStart) {
      return rejected("a Relative schedule starts with the transaction and has no startSchedule");
    }
    if (profile.chargingProfileKind() != ChargingProfileKindType.RELATIVE && !hasStart) {
      return rejected("the " + profile.chargingProfileKind().ocppValue() + " schedule needs a startSchedule");
    }
    if (profile.chargingProfileKind() == ChargingProfileKindType.RECURRING && profile.recurrencyKind().isEmpty()) {
      return rejected("a Recurring profile needs a recurrencyKind");
    }
    if (profile.validFrom().isPresent() && profile.validTo().isPresent() && !profile.validFrom().get().isBefore(profile.validTo().get())) {
      return rejected("validFrom " + profile.validFrom().get() + " is not before validTo " + profile.validTo().get());
    }
    if (schedule.duration().isPresent() && schedule.duration().get() < 0) {
      return rejected("negative duration " + schedule.duration().get());
    }
    return Optional.empty();
  }

  private static Optional<Refusal> periods(SmartChargingLimits limits, ChargingSchedule schedule) {
    List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
    if (periods.isEmpty() || periods.size() > limits.maxPeriods()) {
      return rejected(periods.size() + " schedule periods, allowed 1.." + limits.maxPeriods());
    }
    if (periods.get(0).startPeriod() != 0) {
      return rejected("the first period starts at " + periods.get(0).startPeriod() + ", not 0");
    }
    for (int i = 0; i < periods.size(); i++) {
      ChargingSchedulePeriod period = periods.get(i);
      if (i > 0 && period.startPeriod() <= periods.get(i - 1).startPeriod()) {
        return rejected("period start " + period.startPeriod() + " does not follow " + periods.get(i - 1).startPeriod());
      }
      if (!(period.limit() >= 0) || Double.isInfinite(period.limit())) {
        return rejected("limit " + period.limit() + " is not a usable rate");
      }
      if (period.numberPhases().isPresent() && (period.numberPhases().get() < 1 || period.numberPhases().get() > 3)) {
        return rejected("numberPhases " + period.numberPhases().get() + " outside 1..3");
      }
    }
    Optional<Double> minimum = schedule.minChargingRate();
    if (minimum.isPresent() && (!(minimum.get() >= 0) || minimum.get().isInfinite())) {
      return rejected("minChargingRate " + minimum.get() + " is not a usable rate");
    }
    return Optional.empty();
  }

  private static Optional<Refusal> unit(SmartChargingLimits limits, ChargingSchedule schedule) {
    if (!limits.allowedUnits().contains(schedule.chargingRateUnit())) {
      return Optional.of(new Refusal(ChargingProfileStatus.NOT_SUPPORTED,
          "charging rate unit " + schedule.chargingRateUnit().ocppValue() + " is not in " + limits.allowedUnitsConfigValue()));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> rejected(String reason) {
    return Optional.of(new Refusal(ChargingProfileStatus.REJECTED, reason));
  }
}
