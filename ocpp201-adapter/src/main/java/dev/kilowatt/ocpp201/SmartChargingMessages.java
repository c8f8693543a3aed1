package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Block K's messages (part 2 K01, K08, K09, K10), requests and responses as part 2 chapter 1 names them, with the
 * charging profile's types and enumerations, whose values are the schemas'. A schedule's salesTariff (ISO 15118)
 * is not modelled: the schema checks it, the binding skips it.
 */
public final class SmartChargingMessages {

  private SmartChargingMessages() {
  }

  /** ChargingProfilePurposeEnumType. */
  public enum ChargingProfilePurpose {
    /** Limits set by an external system (K11-K14); never set by SetChargingProfile (K01.FR.22). */
    ChargingStationExternalConstraints,
    /** The station's own maximum, on EVSE 0 only. */
    ChargingStationMaxProfile,
    /** The default for new transactions, of one EVSE or of all. */
    TxDefaultProfile,
    /** The profile of one running transaction. */
    TxProfile
  }

  /** ChargingProfileKindEnumType. */
  public enum ChargingProfileKind {
    /** Its schedule starts at a given time. */
    Absolute,
    /** Its schedule repeats daily or weekly from its start. */
    Recurring,
    /** Its schedule starts with the transaction. */
    Relative
  }

  /** RecurrencyKindEnumType. */
  public enum RecurrencyKind {
    /** Every day. */
    Daily,
    /** Every week. */
    Weekly
  }

  /** ChargingRateUnitEnumType. */
  public enum ChargingRateUnit {
    /** Watts. */
    W,
    /** Amperes per phase. */
    A
  }

  /** ChargingProfileStatusEnumType. */
  public enum ChargingProfileStatus {
    /** Installed. */
    Accepted,
    /** Not installed. */
    Rejected
  }

  /** ClearChargingProfileStatusEnumType. */
  public enum ClearChargingProfileStatus {
    /** At least one profile was cleared. */
    Accepted,
    /** No profile matched. */
    Unknown
  }

  /** GenericStatusEnumType. */
  public enum GenericStatus {
    /** Done. */
    Accepted,
    /** Not done. */
    Rejected
  }

  /**
   * ChargingSchedulePeriodType: a limit from {@code startPeriod} seconds into the schedule on.
   *
   * @param startPeriod seconds from the schedule's start
   * @param limit the limit, in the schedule's unit
   * @param numberPhases how many phases may be used
   * @param phaseToUse which phase, when one is used and the station can switch phases
   */
  public record ChargingSchedulePeriod(int startPeriod, double limit, Optional<Integer> numberPhases,
      Optional<Integer> phaseToUse) {
  }

  /**
   * ChargingScheduleType.
   *
   * @param id the schedule's id
   * @param startSchedule when an Absolute or Recurring schedule starts
   * @param duration how long it lasts, in seconds; without it, it lasts until the profile's end
   * @param chargingRateUnit the unit of its limits
   * @param chargingSchedulePeriod its periods, in ascending start order
   * @param minChargingRate the lowest rate the EV charges at efficiently
   */
  public record ChargingSchedule(int id, Optional<Instant> startSchedule, Optional<Integer> duration,
      ChargingRateUnit chargingRateUnit, List<ChargingSchedulePeriod> chargingSchedulePeriod,
      Optional<Double> minChargingRate) {
    /** A null list reads as empty; the list is copied. */
    public ChargingSchedule {
      chargingSchedulePeriod = List.copyOf(chargingSchedulePeriod == null ? List.of() : chargingSchedulePeriod);
    }
  }

  /**
   * ChargingProfileType.
   *
   * @param id the profile's id, unique on the station
   * @param stackLevel its level in the stack of its purpose; higher wins
   * @param chargingProfilePurpose what it limits
   * @param chargingProfileKind how its schedule is placed in time
   * @param recurrencyKind daily or weekly, for a Recurring one
   * @param validFrom from when it applies
   * @param validTo until when it applies
   * @param chargingSchedule one to three schedules (three only for ISO 15118 negotiation)
   * @param transactionId the station's id of the transaction a TxProfile is for
   */
  public record ChargingProfile(int id, int stackLevel, ChargingProfilePurpose chargingProfilePurpose,
      ChargingProfileKind chargingProfileKind, Optional<RecurrencyKind> recurrencyKind, Optional<Instant> validFrom,
      Optional<Instant> validTo, List<ChargingSchedule> chargingSchedule, Optional<String> transactionId) {
    /** A null list reads as empty; the list is copied. */
    public ChargingProfile {
      chargingSchedule = List.copyOf(chargingSchedule == null ? List.of() : chargingSchedule);
    }
  }

  /**
   * K01: the CSMS installs a charging profile.
   *
   * @param evseId the EVSE it is for; 0 for the whole station
   * @param chargingProfile the profile
   */
  public record SetChargingProfileRequest(int evseId, ChargingProfile chargingProfile)
      implements Request<SetChargingProfileResponse> {
  }

  /**
   * K01: whether the profile was installed.
   *
   * @param status the answer
   * @param statusInfo why not, for a rejected one
   */
  public record SetChargingProfileResponse(ChargingProfileStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * ClearChargingProfileType: which profiles to clear, every criterion given having to match.
   *
   * @param evseId the EVSE they are on; 0 for the station's own
   * @param chargingProfilePurpose their purpose
   * @param stackLevel their stack level
   */
  public record ClearChargingProfile(Optional<Integer> evseId, Optional<ChargingProfilePurpose> chargingProfilePurpose,
      Optional<Integer> stackLevel) {
  }

  /**
   * K10: the CSMS clears charging profiles, one by id or those matching criteria.
   *
   * @param chargingProfileId the one profile to clear
   * @param chargingProfileCriteria the criteria, when no id is given
   */
  public record ClearChargingProfileRequest(Optional<Integer> chargingProfileId,
      Optional<ClearChargingProfile> chargingProfileCriteria) implements Request<ClearChargingProfileResponse> {
  }

  /**
   * K10: whether a profile was cleared.
   *
   * @param status Accepted if one was, Unknown if none matched
   * @param statusInfo more about it
   */
  public record ClearChargingProfileResponse(ClearChargingProfileStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * K08: the CSMS asks for the limits an EVSE (0: the station) will have from now on.
   *
   * @param duration how many seconds from now
   * @param chargingRateUnit the unit to give them in; the station's choice without one
   * @param evseId the EVSE, or 0 for the grid connection of the station
   */
  public record GetCompositeScheduleRequest(int duration, Optional<ChargingRateUnit> chargingRateUnit, int evseId)
      implements Request<GetCompositeScheduleResponse> {
  }

  /**
   * CompositeScheduleType.
   *
   * @param chargingSchedulePeriod the limits, from the schedule's start
   * @param evseId the EVSE, or 0
   * @param duration its length in seconds
   * @param scheduleStart when it starts
   * @param chargingRateUnit the unit of its limits
   */
  public record CompositeSchedule(List<ChargingSchedulePeriod> chargingSchedulePeriod, int evseId, int duration,
      Instant scheduleStart, ChargingRateUnit chargingRateUnit) {
    /** A null list reads as empty; the list is copied. */
    public CompositeSchedule {
      chargingSchedulePeriod = List.copyOf(chargingSchedulePeriod == null ? List.of() : chargingSchedulePeriod);
    }
  }

  /**
   * K08: the composite schedule, or why there is none.
   *
   * @param status Accepted with a schedule, else Rejected
   * @param statusInfo why it was rejected
   * @param schedule the schedule
   */
  public record GetCompositeScheduleResponse(GenericStatus status, Optional<StatusInfo> statusInfo,
      Optional<CompositeSchedule> schedule) implements Response {
  }

  /** ChargingLimitSourceEnumType: who set a limit. */
  public enum ChargingLimitSource {
    /** An energy management system. */
    EMS,
    /** Another source. */
    Other,
    /** A system operator. */
    SO,
    /** The charging station operator, through the CSMS: every profile SetChargingProfile installs. */
    CSO
  }

  /** GetChargingProfileStatusEnumType. */
  public enum GetChargingProfileStatus {
    /** Profiles matched: ReportChargingProfiles follow. */
    Accepted,
    /** None matched. */
    NoProfiles
  }

  /**
   * ChargingProfileCriterionType: which profiles to report, every criterion given having to match.
   *
   * @param chargingProfilePurpose their purpose
   * @param stackLevel their stack level
   * @param chargingProfileId their ids
   * @param chargingLimitSource who set them
   */
  public record ChargingProfileCriterion(Optional<ChargingProfilePurpose> chargingProfilePurpose,
      Optional<Integer> stackLevel, List<Integer> chargingProfileId, List<ChargingLimitSource> chargingLimitSource) {
    /** Null lists read as empty; the lists are copied. */
    public ChargingProfileCriterion {
      chargingProfileId = List.copyOf(chargingProfileId == null ? List.of() : chargingProfileId);
      chargingLimitSource = List.copyOf(chargingLimitSource == null ? List.of() : chargingLimitSource);
    }
  }

  /**
   * K09: the CSMS asks for the installed profiles that match.
   *
   * @param requestId the id the reports repeat
   * @param evseId the EVSE whose profiles are asked (0: the station's own); all without one
   * @param chargingProfile the criteria
   */
  public record GetChargingProfilesRequest(int requestId, Optional<Integer> evseId, ChargingProfileCriterion chargingProfile)
      implements Request<GetChargingProfilesResponse> {
  }

  /**
   * K09: whether reports follow.
   *
   * @param status Accepted, or NoProfiles
   * @param statusInfo more about it
   */
  public record GetChargingProfilesResponse(GetChargingProfileStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * K09: one part of the answer to a GetChargingProfiles, the profiles of one EVSE.
   *
   * @param requestId the GetChargingProfiles' requestId
   * @param chargingLimitSource who set them
   * @param chargingProfile the profiles
   * @param tbc whether more parts follow
   * @param evseId the EVSE they are on; 0 for the station's own
   */
  public record ReportChargingProfilesRequest(int requestId, ChargingLimitSource chargingLimitSource,
      List<ChargingProfile> chargingProfile, Optional<Boolean> tbc, int evseId)
      implements Request<ReportChargingProfilesResponse> {
    /** A null list reads as empty; the list is copied. */
    public ReportChargingProfilesRequest {
      chargingProfile = List.copyOf(chargingProfile == null ? List.of() : chargingProfile);
    }
  }

  /** K09: the CSMS took a part. */
  public record ReportChargingProfilesResponse() implements Response {
  }
}
