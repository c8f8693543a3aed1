package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.configuration.ConfigKey.Access;
import dev.kilowatt.core.configuration.ConfigKey;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ClearChargingProfileRequest;
import dev.kilowatt.core.message.ClearChargingProfileResponse;
import dev.kilowatt.core.message.ClearChargingProfileStatus;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.message.GetCompositeScheduleStatus;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.message.SetChargingProfileResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.smartcharging.ChargingProfiles;
import dev.kilowatt.core.smartcharging.ConnectorRating;
import dev.kilowatt.core.smartcharging.CurrentLimit;
import dev.kilowatt.core.smartcharging.InstalledProfile;
import dev.kilowatt.core.smartcharging.RunningTransaction;
import dev.kilowatt.core.smartcharging.SmartChargingLimits;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Smart Charging profile on the event loop: installs and clears charging profiles (saved on every
 * change), answers GetCompositeSchedule, and turns the composite limit into what each connector may
 * offer, re-evaluated at each period boundary by one timer.
 */
public final class SmartCharging {

  private static final System.Logger LOG = System.getLogger(SmartCharging.class.getName());
  static final String STORAGE_KEY = "charging-profiles";

  static final String CHARGE_PROFILE_MAX_STACK_LEVEL = "ChargeProfileMaxStackLevel";
  static final String CHARGING_SCHEDULE_ALLOWED_CHARGING_RATE_UNIT = "ChargingScheduleAllowedChargingRateUnit";
  static final String CHARGING_SCHEDULE_MAX_PERIODS = "ChargingScheduleMaxPeriods";
  static final String CONNECTOR_SWITCH_3_TO_1_PHASE_SUPPORTED = "ConnectorSwitch3to1PhaseSupported";
  static final String MAX_CHARGING_PROFILES_INSTALLED = "MaxChargingProfilesInstalled";

  /** The saved profiles, in install order. */
  record Saved(List<InstalledProfile> profiles) {
    Saved {
      profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Supplier<Instant> clock;
  private final double voltage;
  private final ChargingProfiles profiles;
  private final Runnable onBoundary;
  private Scheduler.Timer boundaryTimer;
  private Instant boundary;

  public SmartCharging(Scheduler scheduler, Storage storage, Configuration config, Supplier<Instant> clock, int connectors,
      SmartChargingLimits limits, double voltage, Runnable onBoundary) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.clock = clock;
    this.voltage = voltage;
    this.onBoundary = onBoundary;
    List<InstalledProfile> saved = storage.load(STORAGE_KEY, Saved.class).map(Saved::profiles).orElse(List.of());
    this.profiles = new ChargingProfiles(limits, connectors, saved);
    config.define(readOnly(CHARGE_PROFILE_MAX_STACK_LEVEL, Integer.toString(limits.maxStackLevel())));
    config.define(readOnly(CHARGING_SCHEDULE_ALLOWED_CHARGING_RATE_UNIT, limits.allowedUnitsConfigValue()));
    config.define(readOnly(CHARGING_SCHEDULE_MAX_PERIODS, Integer.toString(limits.maxPeriods())));
    config.define(readOnly(CONNECTOR_SWITCH_3_TO_1_PHASE_SUPPORTED, "false"));
    config.define(readOnly(MAX_CHARGING_PROFILES_INSTALLED, Integer.toString(limits.maxInstalled())));
  }

  private static ConfigKey readOnly(String name, String value) {
    return new ConfigKey(name, Access.READ_ONLY, new ConfigKey.Text(500), value, false);
  }

  /** SetChargingProfile, ClearChargingProfile and GetCompositeSchedule. */
  public void register(CallRouter router, List<Connector> connectors) {
    router.on(SetChargingProfileRequest.class, (request, reply) ->
        reply.answer(new SetChargingProfileResponse(install(request.connectorId(), request.csChargingProfiles(), connectors))));
    router.on(ClearChargingProfileRequest.class, (request, reply) -> reply.answer(new ClearChargingProfileResponse(clear(request))));
    router.on(GetCompositeScheduleRequest.class, (request, reply) ->
        reply.answer(composite(request, connectors, connectors.stream().mapToDouble(c -> c.hardware().maxCurrentA()).sum())));
  }

  ChargingProfileStatus install(int connectorId, ChargingProfile profile, List<Connector> connectors) {
    Optional<RunningTransaction> running = connectorId >= 1 && connectorId <= connectors.size()
        ? running(connectors.get(connectorId - 1)) : Optional.empty();
    ChargingProfileStatus status = profiles.install(connectorId, profile, running);
    if (status == ChargingProfileStatus.ACCEPTED) {
      changed();
    }
    return status;
  }

  ClearChargingProfileStatus clear(ClearChargingProfileRequest request) {
    ClearChargingProfileStatus status = profiles.clear(request);
    if (status == ClearChargingProfileStatus.ACCEPTED) {
      changed();
    }
    return status;
  }

  GetCompositeScheduleResponse composite(GetCompositeScheduleRequest request, List<Connector> connectors, double stationMaxCurrentA) {
    int id = request.connectorId();
    if (id < 0 || id > connectors.size()) {
      return rejected();
    }
    Instant start = clock.get();
    Optional<RunningTransaction> running = id == 0 ? Optional.empty() : running(connectors.get(id - 1));
    ConnectorRating rating = id == 0 ? new ConnectorRating(voltage, maxPhases(connectors), stationMaxCurrentA) : rating(connectors.get(id - 1));
    ChargingRateUnitType unit = request.chargingRateUnit().orElse(ChargingRateUnitType.A);
    return profiles.compositeSchedule(id, start, request.duration(), running, unit, rating)
        .map(schedule -> new GetCompositeScheduleResponse(GetCompositeScheduleStatus.ACCEPTED, Optional.of(id), Optional.of(start),
            Optional.of(schedule)))
        .orElseGet(SmartCharging::rejected);
  }

  /** A RemoteStartTransaction's profile, installed once its transaction exists (OCPP 1.6 section 5.11). */
  public void installForNewTransaction(Connector c, ChargingProfile profile) {
    ChargingProfileStatus status = profiles.install(c.id(), profile, running(c));
    if (status == ChargingProfileStatus.ACCEPTED) {
      changed();
    } else {
      LOG.log(Level.WARNING, "connector {0}: the RemoteStartTransaction charging profile was not installable: {1}", c.id(), status);
    }
  }

  public static boolean acceptableForRemoteStart(ChargingProfile profile) {
    return profile.chargingProfilePurpose() == ChargingProfilePurposeType.TX_PROFILE && profile.transactionId().isEmpty();
  }

  public void transactionEnded(Connector c) {
    if (profiles.transactionEnded(c.id())) {
      changed();
    }
  }

  /** The current connector {@code c} may offer now; arms the timer for the next boundary. */
  public double limitA(Connector c) {
    CurrentLimit limit = profiles.limitAt(c.id(), clock.get(), running(c), rating(c));
    limit.nextChange().ifPresent(this::armBoundary);
    return limit.amperes();
  }

  private void armBoundary(Instant next) {
    if (boundary != null && !next.isBefore(boundary)) {
      return;
    }
    if (boundaryTimer != null) {
      boundaryTimer.cancel();
    }
    boundary = next;
    boundaryTimer = scheduler.schedule(Duration.between(clock.get(), next), () -> {
      boundary = null;
      boundaryTimer = null;
      onBoundary.run();
    });
  }

  private void changed() {
    storage.save(STORAGE_KEY, new Saved(profiles.installed()));
    if (boundaryTimer != null) {
      boundaryTimer.cancel();
      boundaryTimer = null;
      boundary = null;
    }
    onBoundary.run();
  }

  public void stop() {
    if (boundaryTimer != null) {
      boundaryTimer.cancel();
    }
  }

  private ConnectorRating rating(Connector c) {
    return new ConnectorRating(voltage, c.hardware().phases(), c.hardware().maxCurrentA());
  }

  private static int maxPhases(List<Connector> connectors) {
    return connectors.stream().mapToInt(c -> c.hardware().phases()).max().orElse(1);
  }

  private static Optional<RunningTransaction> running(Connector c) {
    return c.transaction().map(tx -> new RunningTransaction(tx.transactionId(), tx.started()));
  }

  private static GetCompositeScheduleResponse rejected() {
    return new GetCompositeScheduleResponse(GetCompositeScheduleStatus.REJECTED, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
