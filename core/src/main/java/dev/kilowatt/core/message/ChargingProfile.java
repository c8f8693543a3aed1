package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * A smart-charging profile: its purpose, stacking level, validity window and schedule.
 *
 * @param chargingProfileId the profile's id, unique on the charge point
 * @param transactionId the transaction a TxProfile limits; only for TxProfile
 * @param stackLevel the profile's precedence among profiles of the same purpose: a higher level overrides a lower one
 * @param chargingProfilePurpose what the profile limits: the charge point, new transactions, or one transaction
 * @param chargingProfileKind how the schedule's periods are anchored in time
 * @param recurrencyKind whether a Recurring schedule starts over daily or weekly; only for Recurring
 * @param validFrom when the profile starts to apply; absent means from the moment it is received
 * @param validTo when the profile stops applying; absent means until it is replaced or cleared
 * @param chargingSchedule the limits over time
 */
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

  /**
   * Rejects a null {@code chargingProfilePurpose}, {@code chargingProfileKind} or {@code chargingSchedule}; a null
   * optional component reads as absent.
   */
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
