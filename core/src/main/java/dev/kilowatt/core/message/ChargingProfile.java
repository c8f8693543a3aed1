package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** A smart-charging profile: its purpose, stacking level, validity window and schedule. */
public record ChargingProfile(
    int chargingProfileId,
    Optional<Integer> transactionId,
    int stackLevel,
    ChargingProfilePurposeType chargingProfilePurpose,
    ChargingProfileKindType chargingProfileKind,
    Optional<RecurrencyKindType> recurrencyKind,
    Optional<Instant> validFrom,
    Optional<Instant> validTo,
    ChargingSchedule chargingSchedule) {

  public ChargingProfile {
    transactionId = Fields.opt(transactionId);
    Fields.required(chargingProfilePurpose, "chargingProfilePurpose");
    Fields.required(chargingProfileKind, "chargingProfileKind");
    recurrencyKind = Fields.opt(recurrencyKind);
    validFrom = Fields.opt(validFrom);
    validTo = Fields.opt(validTo);
    Fields.required(chargingSchedule, "chargingSchedule");
  }
}
