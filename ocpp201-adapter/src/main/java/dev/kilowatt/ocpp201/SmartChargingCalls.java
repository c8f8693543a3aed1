package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.GetCompositeScheduleStatus;
import dev.kilowatt.core.message.RecurrencyKindType;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfile;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfileKind;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfilePurpose;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfileStatus;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingRateUnit;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingSchedule;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingSchedulePeriod;
import dev.kilowatt.ocpp201.SmartChargingMessages.ClearChargingProfile;
import dev.kilowatt.ocpp201.SmartChargingMessages.ClearChargingProfileRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.ClearChargingProfileResponse;
import dev.kilowatt.ocpp201.SmartChargingMessages.ClearChargingProfileStatus;
import dev.kilowatt.ocpp201.SmartChargingMessages.CompositeSchedule;
import dev.kilowatt.ocpp201.SmartChargingMessages.GenericStatus;
import dev.kilowatt.ocpp201.SmartChargingMessages.GetChargingProfilesRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.GetCompositeScheduleRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.GetCompositeScheduleResponse;
import dev.kilowatt.ocpp201.SmartChargingMessages.ReportChargingProfilesRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.ReportChargingProfilesResponse;
import dev.kilowatt.ocpp201.SmartChargingMessages.SetChargingProfileRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.SetChargingProfileResponse;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The CSMS's smart charging calls (block K) as the core's 1.6 ones, on the core's one allocator: the profile, the
 * clear and the composite schedule of 1.6 under 2.0.1's names, EVSE n being the core's connector n and EVSE 0 its
 * connector 0; GetChargingProfiles, which 1.6 lacks, from the profiles the core holds ({@link ProfileReports}). What the core cannot honour is Rejected here, without the core, with a reasonCode in libocpp's words
 * for the same checks:
 *
 * <table>
 *   <caption>SetChargingProfile refused at the edge</caption>
 *   <tr><th>profile</th><th>reasonCode</th><th>why</th></tr>
 *   <tr><td>purpose ChargingStationExternalConstraints</td><td>InvalidValue</td><td>K01.FR.22: only an external system
 *       sets those</td></tr>
 *   <tr><td>more than one chargingSchedule</td><td>InvalidSchedule</td><td>the core keeps one schedule per profile (the
 *       extra ones are for ISO 15118's negotiation, which the reference device does not speak)</td></tr>
 *   <tr><td>a period with phaseToUse</td><td>InvalidSchedule</td><td>K01.FR.20: the core cannot choose the phase of a
 *       one-phase charge</td></tr>
 *   <tr><td>Relative with a startSchedule, Absolute or Recurring without one</td><td>InvalidSchedule</td><td>K01.FR.41,
 *       K01.FR.40</td></tr>
 *   <tr><td>ChargingStationMaxProfile of an EVSE other than 0, or Relative</td><td>InvalidValue</td><td>K01.FR.38
 *       (Relative); the station's maximum is the station's</td></tr>
 *   <tr><td>TxProfile of EVSE 0</td><td>InvalidValue</td><td>a transaction runs on an EVSE</td></tr>
 *   <tr><td>TxProfile without transactionId</td><td>MissingParam</td><td>K01.FR.03</td></tr>
 *   <tr><td>TxProfile whose transactionId this station did not make, or made on another EVSE</td><td>TxNotFound</td>
 *       <td>the core would not find it: it is not one of its transactions</td></tr>
 * </table>
 *
 * <p>Anything else goes to the core, whose 1.6 checks (stack level, periods ascending from 0, the number of
 * periods, the unit, a running transaction, K01.FR.05's replacement by id) decide; its Rejected has no reason the
 * adapter could name. The core's NotSupported (no smart charging) is Rejected: 2.0.1's status has no such value.
 */
final class SmartChargingCalls {

  private final Scheduler clock;
  private final ProfileReports reports;

  /** {@code station} sends the station's ReportChargingProfiles ({@link ProfileReports}). */
  SmartChargingCalls(Scheduler clock,
      Function<ReportChargingProfilesRequest, CompletableFuture<ReportChargingProfilesResponse>> station) {
    this.clock = clock;
    this.reports = new ProfileReports(station);
  }

  /** The route for {@code request}, or empty for a call that is not one of block K's. */
  Optional<Route> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case GetChargingProfilesRequest get -> new Route.AfterProfiles(installed -> reports.exchange(get, installed, clock.now()));
      case SetChargingProfileRequest set -> new Route.Now(set(set));
      case ClearChargingProfileRequest clear -> new Route.Now(clear(clear));
      case GetCompositeScheduleRequest composite -> new Route.Now(composite(composite));
      default -> null;
    });
  }

  private static Exchange set(SetChargingProfileRequest set) {
    ChargingProfile profile = set.chargingProfile();
    Optional<StatusInfo> refused = refusal(set.evseId(), profile);
    if (refused.isPresent()) {
      return Exchange.local(new SetChargingProfileResponse(ChargingProfileStatus.Rejected, refused));
    }
    ChargingSchedule schedule = profile.chargingSchedule().getFirst();
    dev.kilowatt.core.message.ChargingProfile core = new dev.kilowatt.core.message.ChargingProfile(profile.id(),
        profile.transactionId().flatMap(TransactionIds::core), profile.stackLevel(), purpose(profile.chargingProfilePurpose()),
        ChargingProfileKindType.valueOf(profile.chargingProfileKind().name().toUpperCase()),
        profile.recurrencyKind().map(r -> RecurrencyKindType.valueOf(r.name().toUpperCase())),
        profile.validFrom(), profile.validTo(), new dev.kilowatt.core.message.ChargingSchedule(schedule.duration(),
            schedule.startSchedule(), ChargingRateUnitType.valueOf(schedule.chargingRateUnit().name()),
            schedule.chargingSchedulePeriod().stream().map(p -> new dev.kilowatt.core.message.ChargingSchedulePeriod(
                p.startPeriod(), p.limit(), p.numberPhases())).toList(), schedule.minChargingRate()));
    return Exchange.one(new dev.kilowatt.core.message.SetChargingProfileRequest(set.evseId(), core),
        (dev.kilowatt.core.message.SetChargingProfileResponse answer) -> new SetChargingProfileResponse(
            switch (answer.status()) {
              case ACCEPTED -> ChargingProfileStatus.Accepted;
              case REJECTED, NOT_SUPPORTED -> ChargingProfileStatus.Rejected;
            }, Optional.empty()));
  }

  /** Why the profile cannot go to the core, if it cannot (the table above). */
  static Optional<StatusInfo> refusal(int evseId, ChargingProfile profile) {
    ChargingProfilePurpose purpose = profile.chargingProfilePurpose();
    boolean relative = profile.chargingProfileKind() == ChargingProfileKind.Relative;
    if (purpose == ChargingProfilePurpose.ChargingStationExternalConstraints) {
      return info("InvalidValue", "ChargingStationExternalConstraints is not set by SetChargingProfile");
    }
    if (profile.chargingSchedule().size() != 1) {
      return info("InvalidSchedule", "the station takes one charging schedule per profile");
    }
    ChargingSchedule schedule = profile.chargingSchedule().getFirst();
    if (schedule.chargingSchedulePeriod().stream().anyMatch(p -> p.phaseToUse().isPresent())) {
      return info("InvalidSchedule", "the station cannot choose the phase to use");
    }
    if (relative == schedule.startSchedule().isPresent()) {
      return info("InvalidSchedule", relative ? "a Relative schedule has no startSchedule" : "startSchedule missing");
    }
    if (purpose == ChargingProfilePurpose.ChargingStationMaxProfile && (evseId != 0 || relative)) {
      return info("InvalidValue", evseId != 0 ? "ChargingStationMaxProfile is for EVSE 0" : "ChargingStationMaxProfile cannot be Relative");
    }
    if (purpose == ChargingProfilePurpose.TxProfile) {
      if (evseId == 0) {
        return info("InvalidValue", "a TxProfile is for an EVSE");
      }
      if (profile.transactionId().isEmpty()) {
        return info("MissingParam", "a TxProfile names its transaction");
      }
      Optional<Integer> coreId = TransactionIds.core(profile.transactionId().get());
      if (coreId.isEmpty() || Math.floorMod(coreId.get(), TransactionIds.MAX_CONNECTORS) + 1 != evseId) {
        return info("TxNotFound", "no such transaction on EVSE " + evseId);
      }
    }
    return Optional.empty();
  }

  private static Optional<StatusInfo> info(String reasonCode, String additionalInfo) {
    return Optional.of(new StatusInfo(reasonCode, Optional.of(additionalInfo)));
  }

  private static ChargingProfilePurposeType purpose(ChargingProfilePurpose purpose) {
    return switch (purpose) {
      case ChargingStationMaxProfile -> ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE;
      case TxDefaultProfile -> ChargingProfilePurposeType.TX_DEFAULT_PROFILE;
      case TxProfile -> ChargingProfilePurposeType.TX_PROFILE;
      case ChargingStationExternalConstraints -> throw new IllegalArgumentException("refused before: " + purpose);
    };
  }

  /**
   * K10: by id, or by criteria (EVSE, purpose, stack level) as the core's 1.6 clear takes them. Criteria naming
   * ChargingStationExternalConstraints clear nothing the CSMS set, and so are Unknown without the core (K10.FR.06).
   */
  private static Exchange clear(ClearChargingProfileRequest clear) {
    Optional<ClearChargingProfile> criteria = clear.chargingProfileCriteria();
    if (criteria.flatMap(ClearChargingProfile::chargingProfilePurpose)
        .filter(p -> p == ChargingProfilePurpose.ChargingStationExternalConstraints).isPresent()) {
      return Exchange.local(new ClearChargingProfileResponse(ClearChargingProfileStatus.Unknown,
          info("InvalidValue", "ChargingStationExternalConstraints is not cleared by ClearChargingProfile")));
    }
    return Exchange.one(new dev.kilowatt.core.message.ClearChargingProfileRequest(clear.chargingProfileId(),
            criteria.flatMap(ClearChargingProfile::evseId), criteria.flatMap(ClearChargingProfile::chargingProfilePurpose)
                .map(SmartChargingCalls::purpose), criteria.flatMap(ClearChargingProfile::stackLevel)),
        (dev.kilowatt.core.message.ClearChargingProfileResponse answer) -> new ClearChargingProfileResponse(
            switch (answer.status()) {
              case ACCEPTED -> ClearChargingProfileStatus.Accepted;
              case UNKNOWN -> ClearChargingProfileStatus.Unknown;
            }, Optional.empty()));
  }

  /**
   * K08: the core's composite schedule of connector evseId (0: the grid connection), in the unit asked or in A.
   * The core's schedule starts now and lasts the duration asked unless it says otherwise; an EVSE it does not have
   * is Rejected by it.
   */
  private static Exchange composite(GetCompositeScheduleRequest composite) {
    ChargingRateUnit unit = composite.chargingRateUnit().orElse(ChargingRateUnit.A);
    return Exchange.one(new dev.kilowatt.core.message.GetCompositeScheduleRequest(composite.evseId(),
            composite.duration(), Optional.of(ChargingRateUnitType.valueOf(unit.name()))),
        (dev.kilowatt.core.message.GetCompositeScheduleResponse answer) -> answer.status() == GetCompositeScheduleStatus.ACCEPTED
            && answer.chargingSchedule().isPresent() && answer.scheduleStart().isPresent()
            ? new GetCompositeScheduleResponse(GenericStatus.Accepted, Optional.empty(), Optional.of(new CompositeSchedule(
                answer.chargingSchedule().get().chargingSchedulePeriod().stream()
                    .map(p -> new ChargingSchedulePeriod(p.startPeriod(), p.limit(), p.numberPhases(), Optional.empty()))
                    .toList(), composite.evseId(), answer.chargingSchedule().get().duration().orElse(composite.duration()),
                answer.scheduleStart().get(), unit)))
            : new GetCompositeScheduleResponse(GenericStatus.Rejected, Optional.empty(), Optional.empty()));
  }
}
