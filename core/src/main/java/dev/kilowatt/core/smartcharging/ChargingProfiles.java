package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ClearChargingProfileRequest;
import dev.kilowatt.core.message.ClearChargingProfileStatus;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The charging profiles installed on the charge point (OCPP 1.6 Smart Charging), and what they allow; the
 * package documentation says how they combine. Owned by the event loop: not thread-safe. Each change answers whether it changed anything, so the owner
 * knows when to save {@link #installed()} and to re-apply the limits.
 */
final class ChargingProfiles {

  private static final System.Logger LOG = System.getLogger(ChargingProfiles.class.getName());
  /** Longer composites cost the event loop too much: a month of recurring profiles is thousands of periods. */
  private static final int MAX_COMPOSITE_SECONDS = 31 * 86_400;

  private final SmartChargingLimits limits;
  private final int numberOfConnectors;
  private final List<InstalledProfile> installed;

  /**
   * @param limits what SetChargingProfile accepts
   * @param numberOfConnectors connectors 1 to this exist, besides connector 0 for the charge point
   * @param restored the profiles saved before, as {@link #installed()} returned them
   */
  ChargingProfiles(SmartChargingLimits limits, int numberOfConnectors, List<InstalledProfile> restored) {
    this.limits = Objects.requireNonNull(limits, "limits");
    if (numberOfConnectors < 1) {
      throw new IllegalArgumentException("a charge point has at least one connector, not " + numberOfConnectors);
    }
    this.numberOfConnectors = numberOfConnectors;
    this.installed = new ArrayList<>(restored);
  }

  /**
   * SetChargingProfile: installs {@code profile} on {@code connectorId} if it is valid there, replacing an
   * installed profile with the same chargingProfileId, or with the same stack level and purpose on the same
   * connector (spec 3.13.2, 5.16.3). A TxDefaultProfile on a connector does not replace one on connector 0: it
   * takes precedence there (spec 3.13.1).
   *
   * @param running the transaction running on {@code connectorId}, which a TxProfile needs (and must name, if it
   *     names one)
   * @return Accepted once installed; NotSupported for a unit not in ChargingScheduleAllowedChargingRateUnit;
   *     Rejected for anything else that is wrong, or when MaxChargingProfilesInstalled would be exceeded
   */
  ChargingProfileStatus install(int connectorId, ChargingProfile profile, Optional<RunningTransaction> running) {
    Optional<ProfileRules.Refusal> refusal = ProfileRules.check(limits, numberOfConnectors, connectorId, profile, running);
    if (refusal.isPresent()) {
      LOG.log(Level.WARNING, "charging profile {0} refused ({1}): {2}", profile.chargingProfileId(), refusal.get().status().ocppValue(),
          refusal.get().reason());
      return refusal.get().status();
    }
    Predicate<InstalledProfile> replaced = i -> i.profile().chargingProfileId() == profile.chargingProfileId()
        || (i.connectorId() == connectorId
            && i.profile().stackLevel() == profile.stackLevel()
            && i.profile().chargingProfilePurpose() == profile.chargingProfilePurpose());
    long remaining = installed.stream().filter(replaced.negate()).count();
    if (remaining + 1 > limits.maxInstalled()) {
      LOG.log(Level.WARNING, "charging profile {0} refused (Rejected): {1} profiles installed already, the most allowed",
          profile.chargingProfileId(), remaining);
      return ChargingProfileStatus.REJECTED;
    }
    installed.removeIf(replaced);
    installed.add(new InstalledProfile(connectorId, profile));
    return ChargingProfileStatus.ACCEPTED;
  }

  /**
   * ClearChargingProfile: with an id, removes the profile with that id whatever the other fields say;
   * otherwise removes every profile that matches all the criteria given (none given: all profiles).
   *
   * @return Accepted if a profile was removed, Unknown if none matched
   */
  ClearChargingProfileStatus clear(ClearChargingProfileRequest request) {
    Predicate<InstalledProfile> matches = request.id().isPresent()
        ? i -> i.profile().chargingProfileId() == request.id().get()
        : i -> request.connectorId().map(c -> c == i.connectorId()).orElse(true)
            && request.chargingProfilePurpose().map(p -> p == i.profile().chargingProfilePurpose()).orElse(true)
            && request.stackLevel().map(s -> s == i.profile().stackLevel()).orElse(true);
    return installed.removeIf(matches) ? ClearChargingProfileStatus.ACCEPTED : ClearChargingProfileStatus.UNKNOWN;
  }

  /**
   * Removes the TxProfiles of {@code connectorId}, whose transaction ended (spec 3.13.1).
   *
   * @return whether any was removed
   */
  boolean transactionEnded(int connectorId) {
    return installed.removeIf(i -> i.connectorId() == connectorId
        && i.profile().chargingProfilePurpose() == ChargingProfilePurposeType.TX_PROFILE);
  }

  /** The installed profiles, in the order they were installed: what to save, and to restore from. */
  List<InstalledProfile> installed() {
    return List.copyOf(installed);
  }

  /**
   * GetCompositeSchedule: the limits that apply to {@code connectorId} over [start, start + duration), in whole
   * seconds, with adjacent periods of equal limit merged. Each period gives the phases its limit is meant for.
   * Relative schedules count from the start of {@code running}, or from {@code start} when none runs, as for a
   * transaction starting now. Connector 0 gives the ChargePointMaxProfile, capped by {@code rating}, which
   * should then be the charge point's.
   *
   * @return empty for an unknown connector, or a duration below 0 or above 31 days, which the charge point answers
   *     with Rejected ("not able to report the requested schedule", spec 5.7)
   */
  Optional<ChargingSchedule> compositeSchedule(int connectorId, Instant start, int duration, Optional<RunningTransaction> running,
      ChargingRateUnitType unit, ConnectorRating rating) {
    if (connectorId < 0 || connectorId > numberOfConnectors || duration < 0 || duration > MAX_COMPOSITE_SECONDS) {
      return Optional.empty();
    }
    return Optional.of(Composite.schedule(installed, connectorId, start, duration, running.map(RunningTransaction::started), unit, rating));
  }

  /**
   * When the limit of {@code connectorId} may change next after {@code at}: the next period boundary of a profile that
   * concerns it. Without a running transaction, Relative schedules count from {@code at}.
   */
  Optional<Instant> nextChange(int connectorId, Instant at, Optional<RunningTransaction> running) {
    if (connectorId < 1 || connectorId > numberOfConnectors) {
      throw new IllegalArgumentException("connector " + connectorId + " does not exist");
    }
    return Composite.nextChange(installed, connectorId, at, running.map(RunningTransaction::started));
  }
}
