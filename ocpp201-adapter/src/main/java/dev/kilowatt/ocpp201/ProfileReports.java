package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.port.InstalledChargingProfile;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingLimitSource;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfile;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfileCriterion;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfileKind;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfilePurpose;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingRateUnit;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingSchedule;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingSchedulePeriod;
import dev.kilowatt.ocpp201.SmartChargingMessages.GetChargingProfileStatus;
import dev.kilowatt.ocpp201.SmartChargingMessages.GetChargingProfilesRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.GetChargingProfilesResponse;
import dev.kilowatt.ocpp201.SmartChargingMessages.RecurrencyKind;
import dev.kilowatt.ocpp201.SmartChargingMessages.ReportChargingProfilesRequest;
import dev.kilowatt.ocpp201.SmartChargingMessages.ReportChargingProfilesResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * K09: GetChargingProfiles answered from the profiles the core holds, which the port asks after (1.6 has no such
 * call), and the ReportChargingProfiles that follow the answer: one per EVSE (its evseId is required), in EVSE
 * order, each sent once the one before is answered, tbc on all but the last, each with the request's requestId.
 * Every profile the core holds came by SetChargingProfile, so its chargingLimitSource is CSO. A profile reads back
 * as 1.6 keeps it: its one schedule has id 1 (1.6 schedules have no id), a TxProfile's transactionId is the
 * station's name of the core's transaction.
 */
final class ProfileReports {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileReports.class);

  private final Function<ReportChargingProfilesRequest, CompletableFuture<ReportChargingProfilesResponse>> station;

  /** {@code station} sends a report to the CSMS. */
  ProfileReports(Function<ReportChargingProfilesRequest, CompletableFuture<ReportChargingProfilesResponse>> station) {
    this.station = station;
  }

  /** The answer to {@code get}, given the core's profiles, and the reports it sends after the answer. */
  Exchange exchange(GetChargingProfilesRequest get, List<InstalledChargingProfile> installed, Instant now) {
    TreeMap<Integer, List<ChargingProfile>> byEvse = new TreeMap<>();
    installed.stream().filter(p -> matches(get, p))
        .forEach(p -> byEvse.computeIfAbsent(p.connectorId(), e -> new ArrayList<>()).add(of(p.profile(), now)));
    if (byEvse.isEmpty()) {
      return Exchange.local(new GetChargingProfilesResponse(GetChargingProfileStatus.NoProfiles, Optional.empty()));
    }
    List<ReportChargingProfilesRequest> parts = new ArrayList<>();
    int last = byEvse.lastKey();
    byEvse.forEach((evse, profiles) -> parts.add(new ReportChargingProfilesRequest(get.requestId(), ChargingLimitSource.CSO,
        profiles, evse == last ? Optional.empty() : Optional.of(true), evse)));
    return new Exchange(List.of(), none -> new GetChargingProfilesResponse(GetChargingProfileStatus.Accepted, Optional.empty()),
        () -> send(parts, 0));
  }

  private void send(List<ReportChargingProfilesRequest> parts, int next) {
    station.apply(parts.get(next)).whenComplete((answer, failure) -> {
      if (failure != null) {
        LOG.info("charging profile report {} ends at part {}: {}", parts.get(next).requestId(), next, failure.getMessage());
      } else if (next + 1 < parts.size()) {
        send(parts, next + 1);
      }
    });
  }

  /** Whether the profile meets every criterion given; the core's profiles are all CSO's. */
  static boolean matches(GetChargingProfilesRequest get, InstalledChargingProfile installed) {
    ChargingProfileCriterion criterion = get.chargingProfile();
    dev.kilowatt.core.message.ChargingProfile profile = installed.profile();
    return get.evseId().map(e -> e == installed.connectorId()).orElse(true)
        && criterion.chargingProfilePurpose().map(p -> p == purpose(profile.chargingProfilePurpose())).orElse(true)
        && criterion.stackLevel().map(s -> s == profile.stackLevel()).orElse(true)
        && (criterion.chargingProfileId().isEmpty() || criterion.chargingProfileId().contains(profile.chargingProfileId()))
        && (criterion.chargingLimitSource().isEmpty() || criterion.chargingLimitSource().contains(ChargingLimitSource.CSO));
  }

  /** A profile of the core's as 2.0.1 spells it; {@code now} places a TxProfile's transaction. */
  static ChargingProfile of(dev.kilowatt.core.message.ChargingProfile profile, Instant now) {
    dev.kilowatt.core.message.ChargingSchedule schedule = profile.chargingSchedule();
    return new ChargingProfile(profile.chargingProfileId(), profile.stackLevel(), purpose(profile.chargingProfilePurpose()),
        ChargingProfileKind.valueOf(profile.chargingProfileKind().ocppValue()),
        profile.recurrencyKind().map(r -> RecurrencyKind.valueOf(r.ocppValue())), profile.validFrom(), profile.validTo(),
        List.of(new ChargingSchedule(1, schedule.startSchedule(), schedule.duration(),
            ChargingRateUnit.valueOf(schedule.chargingRateUnit().ocppValue()), schedule.chargingSchedulePeriod().stream()
                .map(p -> new ChargingSchedulePeriod(p.startPeriod(), p.limit(), p.numberPhases(), Optional.empty())).toList(),
            schedule.minChargingRate())),
        profile.transactionId().map(id -> TransactionIds.stationOf(id, now)));
  }

  private static ChargingProfilePurpose purpose(ChargingProfilePurposeType purpose) {
    return switch (purpose) {
      case CHARGE_POINT_MAX_PROFILE -> ChargingProfilePurpose.ChargingStationMaxProfile;
      case TX_DEFAULT_PROFILE -> ChargingProfilePurpose.TxDefaultProfile;
      case TX_PROFILE -> ChargingProfilePurpose.TxProfile;
    };
  }
}
