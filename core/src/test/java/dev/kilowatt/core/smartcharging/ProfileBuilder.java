package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.RecurrencyKindType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Charging profiles for tests, written the way a person reads them. Defaults: TxDefaultProfile, stack 0, Relative, A. */
final class ProfileBuilder {

  private final int id;
  private int stackLevel;
  private ChargingProfilePurposeType purpose = ChargingProfilePurposeType.TX_DEFAULT_PROFILE;
  private ChargingProfileKindType kind = ChargingProfileKindType.RELATIVE;
  private Optional<RecurrencyKindType> recurrency = Optional.empty();
  private Optional<Instant> validFrom = Optional.empty();
  private Optional<Instant> validTo = Optional.empty();
  private Optional<Integer> transactionId = Optional.empty();
  private Optional<Integer> duration = Optional.empty();
  private Optional<Instant> startSchedule = Optional.empty();
  private ChargingRateUnitType unit = ChargingRateUnitType.A;
  private final List<ChargingSchedulePeriod> periods = new ArrayList<>();
  private Optional<Double> minChargingRate = Optional.empty();

  private ProfileBuilder(int id) {
    this.id = id;
  }

  static ProfileBuilder profile(int id) {
    return new ProfileBuilder(id);
  }

  ProfileBuilder stack(int level) {
    stackLevel = level;
    return this;
  }

  ProfileBuilder purpose(ChargingProfilePurposeType value) {
    purpose = value;
    return this;
  }

  ProfileBuilder chargePointMax() {
    return purpose(ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE);
  }

  ProfileBuilder txProfile() {
    return purpose(ChargingProfilePurposeType.TX_PROFILE);
  }

  ProfileBuilder kind(ChargingProfileKindType value) {
    kind = value;
    return this;
  }

  ProfileBuilder absolute(Instant start) {
    kind = ChargingProfileKindType.ABSOLUTE;
    startSchedule = Optional.of(start);
    return this;
  }

  ProfileBuilder daily(Instant start) {
    return recurring(RecurrencyKindType.DAILY, start);
  }

  ProfileBuilder weekly(Instant start) {
    return recurring(RecurrencyKindType.WEEKLY, start);
  }

  ProfileBuilder recurring(RecurrencyKindType recurrencyKind, Instant start) {
    kind = ChargingProfileKindType.RECURRING;
    recurrency = Optional.of(recurrencyKind);
    startSchedule = Optional.of(start);
    return this;
  }

  ProfileBuilder recurrency(Optional<RecurrencyKindType> value) {
    recurrency = value;
    return this;
  }

  ProfileBuilder startSchedule(Optional<Instant> value) {
    startSchedule = value;
    return this;
  }

  ProfileBuilder validFrom(Instant value) {
    validFrom = Optional.of(value);
    return this;
  }

  ProfileBuilder validTo(Instant value) {
    validTo = Optional.of(value);
    return this;
  }

  ProfileBuilder transactionId(int value) {
    transactionId = Optional.of(value);
    return this;
  }

  ProfileBuilder duration(int seconds) {
    duration = Optional.of(seconds);
    return this;
  }

  ProfileBuilder watts() {
    unit = ChargingRateUnitType.W;
    return this;
  }

  ProfileBuilder unit(ChargingRateUnitType value) {
    unit = value;
    return this;
  }

  ProfileBuilder period(int start, double limit) {
    periods.add(new ChargingSchedulePeriod(start, limit, Optional.empty()));
    return this;
  }

  ProfileBuilder period(int start, double limit, int phases) {
    periods.add(new ChargingSchedulePeriod(start, limit, Optional.of(phases)));
    return this;
  }

  ProfileBuilder minChargingRate(double rate) {
    minChargingRate = Optional.of(rate);
    return this;
  }

  ChargingProfile build() {
    return new ChargingProfile(id, transactionId, stackLevel, purpose, kind, recurrency, validFrom, validTo,
        new ChargingSchedule(duration, startSchedule, unit, periods, minChargingRate));
  }
}
