package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.ConnectorHardware;
import static dev.kilowatt.core.configuration.CoreKeys.derived;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.StartAnswers;
import dev.kilowatt.core.connector.Transaction;
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
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.InstalledChargingProfile;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Smart Charging profile on the event loop: installs and clears charging profiles (saved on every
 * change), answers GetCompositeSchedule, and divides the grid limit among the connectors through the
 * {@link PowerAllocator}, re-evaluated at each period boundary by one timer. It owns the last division, so
 * every current offered has its explanation here.
 */
public final class SmartCharging {

  private static final System.Logger LOG = System.getLogger(SmartCharging.class.getName());
  private static final String STORAGE_KEY = "charging-profiles";

  private static final String CHARGE_PROFILE_MAX_STACK_LEVEL = "ChargeProfileMaxStackLevel";
  private static final String CHARGING_SCHEDULE_ALLOWED_CHARGING_RATE_UNIT = "ChargingScheduleAllowedChargingRateUnit";
  private static final String CHARGING_SCHEDULE_MAX_PERIODS = "ChargingScheduleMaxPeriods";
  private static final String CONNECTOR_SWITCH_3_TO_1_PHASE_SUPPORTED = "ConnectorSwitch3to1PhaseSupported";
  private static final String MAX_CHARGING_PROFILES_INSTALLED = "MaxChargingProfilesInstalled";

  /** The saved profiles, in install order. */
  record Saved(List<InstalledProfile> profiles) {
    Saved {
      profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
  }

  /**
   * How the charger is built for smart charging.
   *
   * @param limits what SetChargingProfile accepts
   * @param voltage the nominal phase-to-neutral voltage, which converts W and A
   * @param installationLimitA the current per phase the grid connection may carry, all connectors together, if the
   *     installer set one; without it only the ChargePointMaxProfile and the connectors' ratings bound the total
   * @param sharing how the grid limit is divided among the connectors that draw
   */
  public record Setup(SmartChargingLimits limits, double voltage, Optional<Double> installationLimitA, SharingStrategy sharing) {
    /** Checks that nothing is missing. */
    public Setup {
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(installationLimitA, "installationLimitA");
      Objects.requireNonNull(sharing, "sharing");
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Supplier<Instant> clock;
  private final Setup setup;
  private final ChargingProfiles profiles;
  private final PowerAllocator allocator;
  private final Runnable onBoundary;
  private Allocation allocation;
  private Scheduler.Timer boundaryTimer;
  private Instant boundary;

  /**
   * Loads the installed profiles and defines the smart charging configuration keys, derived from {@code setup}.
   *
   * @param scheduler runs the timer for the next schedule period boundary
   * @param storage keeps the installed charging profiles
   * @param config takes ChargeProfileMaxStackLevel, MaxChargingProfilesInstalled and the other read-only keys
   * @param clock the current time, against which the schedules are read
   * @param connectors the connectors' hardware, connector 1 first: ratings, phases and phase switches
   * @param setup how the charger is built for smart charging
   * @param onBoundary hears when a schedule period begins or ends, so the limits are divided again
   */
  public SmartCharging(Scheduler scheduler, Storage storage, Configuration config, Supplier<Instant> clock, List<ConnectorHardware> connectors,
      Setup setup, Runnable onBoundary) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.clock = clock;
    this.setup = setup;
    this.allocator = new PowerAllocator(setup.sharing());
    this.onBoundary = onBoundary;
    this.allocation = Allocation.none(clock.get());
    List<InstalledProfile> saved = storage.load(STORAGE_KEY, Saved.class).map(Saved::profiles).orElse(List.of());
    this.profiles = new ChargingProfiles(setup.limits(), connectors.size(), saved);
    SmartChargingLimits limits = setup.limits();
    config.define(derived(CHARGE_PROFILE_MAX_STACK_LEVEL, Integer.toString(limits.maxStackLevel())));
    config.define(derived(CHARGING_SCHEDULE_ALLOWED_CHARGING_RATE_UNIT, limits.allowedUnitsConfigValue()));
    config.define(derived(CHARGING_SCHEDULE_MAX_PERIODS, Integer.toString(limits.maxPeriods())));
    boolean switchesPhases = connectors.stream().anyMatch(h -> h.phaseSwitch().isPresent());
    config.define(derived(CONNECTOR_SWITCH_3_TO_1_PHASE_SUPPORTED, Boolean.toString(switchesPhases)));
    config.define(derived(MAX_CHARGING_PROFILES_INSTALLED, Integer.toString(limits.maxInstalled())));
  }

  /**
   * Answers SetChargingProfile, ClearChargingProfile and GetCompositeSchedule.
   *
   * @param router the router the central system's calls arrive on
   * @param connectors the connectors, connector 1 first, whose transactions a TxProfile applies to
   * @param startAnswers the StartTransaction answers being saved, which a TxProfile for their transaction waits for
   */
  public void register(CallRouter router, List<Connector> connectors, StartAnswers startAnswers) {
    router.on(SetChargingProfileRequest.class, (request, reply) -> setChargingProfile(request, reply, connectors, startAnswers));
    router.on(ClearChargingProfileRequest.class, (request, reply) -> reply.answer(new ClearChargingProfileResponse(clear(request))));
    router.on(GetCompositeScheduleRequest.class, (request, reply) -> reply.answer(composite(request, connectors)));
  }

  /**
   * A TxProfile may name a transaction whose StartTransaction answer is still being saved: the central system
   * already knows the id (1.6 sections 3.13.1, 5.16.4 and 7.8; TC_058_1_CS sends the profile right after the
   * start), so the answer waits for the save, as RemoteStopTransaction does, instead of a Rejected for an id
   * the charge point is about to hold.
   */
  private void setChargingProfile(SetChargingProfileRequest request, CallRouter.Reply reply, List<Connector> connectors,
      StartAnswers startAnswers) {
    ChargingProfile profile = request.csChargingProfiles();
    boolean runsNowhere = profile.transactionId().filter(id -> connectors.stream()
        .noneMatch(c -> c.transaction().flatMap(Transaction::transactionId).filter(id::equals).isPresent())).isPresent();
    if (profile.chargingProfilePurpose() == ChargingProfilePurposeType.TX_PROFILE && runsNowhere
        && startAnswers.whenSaved(profile.transactionId().get(), () -> setChargingProfile(request, reply, connectors, startAnswers))) {
      return;
    }
    reply.answer(new SetChargingProfileResponse(install(request.connectorId(), profile, connectors)));
  }

  private ChargingProfileStatus install(int connectorId, ChargingProfile profile, List<Connector> connectors) {
    Optional<RunningTransaction> running = connectorId >= 1 && connectorId <= connectors.size()
        ? running(connectors.get(connectorId - 1)) : Optional.empty();
    ChargingProfileStatus status = profiles.install(connectorId, profile, running);
    if (status == ChargingProfileStatus.ACCEPTED) {
      changed();
    }
    return status;
  }

  private ClearChargingProfileStatus clear(ClearChargingProfileRequest request) {
    ClearChargingProfileStatus status = profiles.clear(request);
    if (status == ClearChargingProfileStatus.ACCEPTED) {
      changed();
    }
    return status;
  }

  /**
   * The answer to a GetCompositeSchedule.req; also what the embedder's display shows.
   *
   * @param request the connector (0 for the grid connection), the duration in seconds and the unit, A by default
   * @param connectors the connectors, connector 1 first
   * @return Accepted with the schedule from now, or Rejected for an unknown connector or no schedule
   */
  public GetCompositeScheduleResponse composite(GetCompositeScheduleRequest request, List<Connector> connectors) {
    int id = request.connectorId();
    if (id < 0 || id > connectors.size()) {
      return rejected();
    }
    Instant start = clock.get();
    ChargingRateUnitType unit = request.chargingRateUnit().orElse(ChargingRateUnitType.A);
    Optional<ChargingSchedule> schedule = id == 0
        ? profiles.compositeSchedule(0, start, request.duration(), Optional.empty(), unit, installation(connectors))
            .map(grid -> GridConsumption.of(grid, connectors.stream().filter(c -> c.transaction().isPresent())
                .flatMap(c -> profiles.compositeSchedule(c.id(), start, request.duration(), running(c), unit, rating(c)).stream())
                .toList()))
        : profiles.compositeSchedule(id, start, request.duration(), running(connectors.get(id - 1)), unit, rating(connectors.get(id - 1)));
    return schedule
        .map(s -> new GetCompositeScheduleResponse(GetCompositeScheduleStatus.ACCEPTED, Optional.of(id), Optional.of(start), Optional.of(s)))
        .orElseGet(SmartCharging::rejected);
  }

  /** {@return every installed profile with the connector it was set for, in install order} */
  public List<InstalledChargingProfile> installed() {
    return profiles.installed().stream().map(p -> new InstalledChargingProfile(p.connectorId(), p.profile())).toList();
  }

  /**
   * A RemoteStartTransaction's profile, installed once its transaction exists (OCPP 1.6 section 5.11).
   *
   * @param c the connector the transaction started on
   * @param profile the TxProfile the RemoteStartTransaction carried; logged and dropped if not installable
   */
  public void installForNewTransaction(Connector c, ChargingProfile profile) {
    ChargingProfileStatus status = profiles.install(c.id(), profile, running(c));
    if (status == ChargingProfileStatus.ACCEPTED) {
      changed();
    } else {
      LOG.log(Level.WARNING, "connector {0}: the RemoteStartTransaction charging profile was not installable: {1}", c.id(), status);
    }
  }

  /**
   * Whether a RemoteStartTransaction may carry {@code profile}: a TxProfile without a transactionId.
   *
   * @param profile the chargingProfile of a RemoteStartTransaction.req
   * @return whether it is a TxProfile and names no transactionId
   */
  public static boolean acceptableForRemoteStart(ChargingProfile profile) {
    return profile.chargingProfilePurpose() == ChargingProfilePurposeType.TX_PROFILE && profile.transactionId().isEmpty();
  }

  /**
   * The transaction on {@code c} ended: the TxProfiles of the connector are removed.
   *
   * @param c the connector whose transaction ended
   */
  public void transactionEnded(Connector c) {
    if (profiles.transactionEnded(c.id())) {
      changed();
    }
  }

  /**
   * Divides the grid limit among {@code connectors} as they are now (OCPP 1.6 section 3.13.3: with more than one
   * connector the ChargePointMaxProfile is for all of them together), keeps the division, logs each offer that
   * changed with its explanation, and arms the timer for the next profile boundary.
   *
   * <p>An EV that paused (pilot state B during its transaction) keeps its share while no EV that asks is held back by
   * it; otherwise it keeps only the pilot's least current, so that it can ask again, and the rest goes to the others.
   *
   * @param connectors the connectors, connector 1 first
   * @param mayCharge whether a connector's transaction may draw energy now
   * @return the division now kept: what each connector is offered, and the grid limit it shares
   */
  public Allocation divide(List<Connector> connectors, Predicate<Connector> mayCharge) {
    Instant now = clock.get();
    List<InstalledProfile> installed = profiles.installed();
    ExplainedLimit grid = ExplainedLimits.forGrid(installed, now, installation(connectors));
    Allocation division = allocator.allocate(now, grid, demands(connectors, mayCharge, installed, now, false), allocation);
    if (heldBack(division, connectors, mayCharge)) {
      division = allocator.allocate(now, grid, demands(connectors, mayCharge, installed, now, true), allocation);
    }
    for (Offer offer : division.offers()) {
      if (allocation.offer(offer.connectorId()).map(o -> o.amperes() != offer.amperes()).orElse(true)) {
        LOG.log(Level.INFO, "connector {0} offered {1}", offer.connectorId(), offer.limit().describe());
      }
    }
    allocation = division;
    connectors.forEach(c -> profiles.nextChange(c.id(), now, running(c)).ifPresent(this::armBoundary));
    return allocation;
  }

  /** Whether a paused EV shares the grid limit while an EV that asks gets less than its own limit. */
  private static boolean heldBack(Allocation division, List<Connector> connectors, Predicate<Connector> mayCharge) {
    boolean anyPaused = connectors.stream().anyMatch(c -> mayCharge.test(c) && !c.pilot().evRequestsEnergy());
    return anyPaused && connectors.stream()
        .filter(c -> mayCharge.test(c) && c.pilot().evRequestsEnergy())
        .flatMap(c -> division.offer(c.id()).stream())
        .anyMatch(offer -> offer.bound() instanceof LimitBound.Share || offer.bound() instanceof LimitBound.Waiting);
  }

  private List<ConnectorDemand> demands(List<Connector> connectors, Predicate<Connector> mayCharge, List<InstalledProfile> installed,
      Instant now, boolean holdPaused) {
    return connectors.stream().map(c -> demand(c, mayCharge.test(c), installed, now, holdPaused)).toList();
  }

  /**
   * What connector {@code connectorId} is offered, and why, as last divided.
   *
   * @param connectorId the connector, from 1
   * @return its offer; empty when it did not draw at the last division
   */
  public Optional<Offer> offer(int connectorId) {
    return allocation.offer(connectorId);
  }

  /**
   * The phases connector {@code c} may charge on now: its own, cut to the numberPhases of the prevailing periods that
   * give one. Limits in W convert with this count.
   *
   * @param c the connector
   * @return 1, 2 or 3 phases
   */
  public int phases(Connector c) {
    return ExplainedLimits.phasesFor(profiles.installed(), c.id(), clock.get(), c.transaction().map(Transaction::started), rating(c));
  }

  /**
   * Where a 1/3-phase switch is to be: on three phases only when three are allowed.
   *
   * @param allowedPhases the phases the schedule allows, 1 to 3
   * @return 3 when three are allowed, otherwise 1
   */
  public static int switchPosition(int allowedPhases) {
    return allowedPhases < 3 ? 1 : 3;
  }

  private ConnectorDemand demand(Connector c, boolean mayCharge, List<InstalledProfile> installed, Instant now, boolean holdPaused) {
    boolean switches = c.hardware().phaseSwitch().isPresent();
    int allowed = switches ? switchPosition(phases(c)) : phases(c);
    // without a switch the EV loads every phase the connector has, whatever the schedule allows
    int loaded = switches ? allowed : c.hardware().phases();
    ConnectorRating rating = new ConnectorRating(setup.voltage(), allowed, c.hardware().maxCurrentA());
    ExplainedLimit own = ExplainedLimits.forConnector(installed, c.id(), now, c.transaction().map(Transaction::started), rating);
    if (holdPaused && !c.pilot().evRequestsEnergy()) {
      own = own.lower(new ExplainedLimit(PowerAllocator.PILOT_MINIMUM_A, new LimitBound.Paused(PowerAllocator.PILOT_MINIMUM_A)));
    }
    Optional<Double> draw = c.reading().map(r -> r.phases().stream().mapToDouble(MeterReading.PhaseReading::currentA).max().orElse(0));
    return new ConnectorDemand(c.id(), mayCharge, own, c.hardware().maxCurrentA(), MainsPhase.first(loaded), draw);
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

  /** Cancels the timer of the next schedule boundary. */
  public void stop() {
    if (boundaryTimer != null) {
      boundaryTimer.cancel();
    }
  }

  private ConnectorRating rating(Connector c) {
    return new ConnectorRating(setup.voltage(), c.hardware().phases(), c.hardware().maxCurrentA());
  }

  /** The grid connection: the installer's limit, or else all the connectors' ratings together. */
  private ConnectorRating installation(List<Connector> connectors) {
    double ratings = connectors.stream().mapToDouble(c -> c.hardware().maxCurrentA()).sum();
    return new ConnectorRating(setup.voltage(), maxPhases(connectors), setup.installationLimitA().orElse(ratings));
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
