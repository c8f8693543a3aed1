package dev.kilowatt.core.availability;

import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.core.ConnectorState;
import dev.kilowatt.core.Ocpp16Mapping;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.reservation.Reservations;
import dev.kilowatt.core.smartcharging.Allocation;
import dev.kilowatt.core.smartcharging.Offer;
import dev.kilowatt.core.smartcharging.SmartCharging;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether each connector may be used (ChangeAvailability, a firmware update's hold), and from that and
 * the connectors' own state the status each one reports. Owns the charge point's own faults (connector 0).
 */
public final class Availability {

  private static final System.Logger LOG = System.getLogger(Availability.class.getName());
  static final String STORAGE_KEY = "availability";

  /**
   * The operative state the central system asked for, per connector (0 = the whole charge point).
   *
   * @param inoperative the connector ids ChangeAvailability made Inoperative, ascending; 0 for the whole charge point
   */
  public record Saved(List<Integer> inoperative) {
    /** Sorts the ids and drops repeats; none when an older version saved none. */
    public Saved {
      inoperative = inoperative == null ? List.of() : List.copyOf(new TreeSet<>(inoperative));
    }
  }

  /**
   * What a status change touches besides the connector itself.
   *
   * @param reservations ends the reservations of a connector that faulted or became unavailable, and sets the reserved flags
   * @param smartCharging divides the grid limit afresh among the connectors that may draw
   * @param reporter sends the StatusNotifications
   * @param listener is told each connector's new status and pilot offer, e.g. for a display
   */
  public record Parts(Reservations reservations, SmartCharging smartCharging, StatusReporter reporter, ChargePointListener listener) {}

  private final Storage storage;
  private final Configuration config;
  private final Counters counters;
  private final Parts parts;
  private final List<Connector> connectors;
  private final Set<Integer> inoperative = new TreeSet<>();
  private final Map<String, HardwareFault> stationFaults = new LinkedHashMap<>();
  /** Whether a firmware update keeps the connectors unavailable. */
  private boolean firmwareHold;

  /**
   * Loads the operative states saved before.
   *
   * @param storage keeps the operative states ChangeAvailability asked for
   * @param config holds MaxEnergyOnInvalidId, which bounds a deauthorized transaction's offer
   * @param counters counts the charge point's own faults
   * @param connectors the connectors, connector 1 first
   * @param parts what a status change touches besides the connector itself
   */
  public Availability(Storage storage, Configuration config, Counters counters, List<Connector> connectors, Parts parts) {
    this.storage = storage;
    this.config = config;
    this.counters = counters;
    this.connectors = connectors;
    this.parts = parts;
    storage.load(STORAGE_KEY, Saved.class).ifPresent(saved -> inoperative.addAll(saved.inoperative()));
  }

  /**
   * Answers ChangeAvailability.
   *
   * @param router the router the central system's calls arrive on
   */
  public void register(CallRouter router) {
    router.on(ChangeAvailabilityRequest.class, (request, reply) -> reply.answer(change(request, reply)));
  }

  private ChangeAvailabilityResponse change(ChangeAvailabilityRequest r, CallRouter.Reply reply) {
    if (r.connectorId() < 0 || r.connectorId() > connectors.size()) {
      return new ChangeAvailabilityResponse(AvailabilityStatus.REJECTED);
    }
    if (r.type() == AvailabilityType.OPERATIVE && r.connectorId() != 0 && inoperative.contains(0)) {
      // Section 5.2: the answer says whether the charge point is able to change to the requested availability, and
      // Accepted means it did. A connector of an Inoperative charge point cannot become Operative, so this is Rejected
      // and nothing is recorded, as Rejected will not be executed. No OCA 1.6 test case covers this combination.
      return new ChangeAvailabilityResponse(AvailabilityStatus.REJECTED);
    }
    if (r.type() == AvailabilityType.INOPERATIVE) {
      inoperative.add(r.connectorId());
    } else {
      inoperative.remove(r.connectorId());
    }
    storage.save(STORAGE_KEY, new Saved(List.copyOf(inoperative)));
    List<Connector> affected = r.connectorId() == 0 ? connectors : List.of(connectors.get(r.connectorId() - 1));
    boolean busy = r.type() == AvailabilityType.INOPERATIVE && affected.stream().anyMatch(c -> c.transaction().isPresent());
    // A firmware update holds every connector Unavailable: Operative takes effect when the update is over.
    boolean held = r.type() == AvailabilityType.OPERATIVE && firmwareHold;
    reply.afterwards(() -> {
      apply();
      refreshAll();
    });
    return new ChangeAvailabilityResponse(busy || held ? AvailabilityStatus.SCHEDULED : AvailabilityStatus.ACCEPTED);
  }

  /** Each connector follows what was asked of it; the connector itself waits for its transaction to end. */
  public void apply() {
    for (Connector c : connectors) {
      c.availabilityWanted(!firmwareHold && !inoperative.contains(0) && !inoperative.contains(c.id()));
    }
  }

  /**
   * A firmware update holds every connector Unavailable, or lets them go; a connector whose transaction still runs
   * becomes unavailable when the transaction ends.
   *
   * @param hold whether the connectors are to be held Unavailable
   */
  public void holdForFirmware(boolean hold) {
    firmwareHold = hold;
    apply();
    refreshAll();
  }

  /** After BootNotification was accepted: the central system knows nothing, so every status goes out. */
  public void reportAll() {
    parts.reporter().reportAll();
  }

  /** After a reconnection: the statuses that changed while offline go out. */
  public void reportChanges() {
    parts.reporter().reportChanges();
  }

  /**
   * A fault of the charge point itself, reported on connector 0 until it is cleared.
   *
   * @param fault the fault, by its source; a new one from the same source replaces the one before
   */
  public void stationFault(HardwareFault fault) {
    LOG.log(Level.WARNING, "charge point: {0}", fault);
    counters.increment("fault." + Ocpp16Mapping.errorCode(fault.fault()).ocppValue());
    stationFaults.put(fault.source(), fault);
    refreshStation();
  }

  /**
   * The charge point's fault from {@code source} is over.
   *
   * @param source the source the fault was raised with; nothing happens when it has none open
   */
  public void stationFaultCleared(String source) {
    if (stationFaults.remove(source) != null) {
      refreshStation();
    }
  }

  /**
   * Re-derives a connector's status and what its pilot and relay must do, and reports changes. Whether
   * connector-0 reservations hold a connector depends on the others, and so does its share of the grid limit, so
   * theirs may change with it.
   *
   * @param c the connector whose state changed
   */
  public void refresh(Connector c) {
    Set<Connector> changed = new LinkedHashSet<>();
    changed.add(c);
    changed.addAll(parts.reservations().update(connectors));
    changed.addAll(applyOffers());
    int maxEnergy = config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID);
    changed.forEach(other -> publish(other.id(), other.report(maxEnergy)));
  }

  /** Re-derives the status of connector 0 and of every connector, and reports changes. */
  public void refreshAll() {
    refreshStation();
    parts.reservations().update(connectors);
    applyOffers();
    int maxEnergy = config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID);
    connectors.forEach(c -> publish(c.id(), c.report(maxEnergy)));
  }

  /** {@return each connector as it is now, for the embedder, connector 1 first} */
  public List<ConnectorSnapshot> snapshot() {
    int maxEnergy = config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID);
    return connectors.stream().map(c -> {
      Connector.Report report = c.report(maxEnergy);
      return new ConnectorSnapshot(c.id(), report.state(), report.fault(), c.transaction().isPresent(),
          c.transaction().flatMap(Transaction::transactionId), c.offeredA(maxEnergy), c.energyWh(),
          parts.smartCharging().offer(c.id()).map(offer -> offer.limit().describe()).orElse("nothing divided yet"));
    }).toList();
  }

  /**
   * Divides the grid limit afresh and brings every pilot and relay in line with it. Lowered offers go out before
   * raised ones, so that the pilots never offer more than the grid limit together, not even between two commands.
   *
   * @return the connectors whose pilot offer changed
   */
  private List<Connector> applyOffers() {
    int maxEnergy = config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID);
    Allocation allocation = parts.smartCharging().divide(connectors, c -> c.mayCharge(maxEnergy));
    List<Connector> changed = new ArrayList<>();
    List<Connector> order = new ArrayList<>(connectors);
    order.sort(Comparator.comparingDouble(c -> offer(allocation, c).amperes() - c.pilotOfferA()));
    for (Connector c : order) {
      double before = c.pilotOfferA();
      Offer offer = offer(allocation, c);
      c.limitTo(offer.amperes());
      c.switchPhases(SmartCharging.switchPosition(parts.smartCharging().phases(c)));
      c.applyEnergyControl(maxEnergy);
      if (c.pilotOfferA() != before) {
        changed.add(c);
        parts.listener().onOfferChanged(c.id(), c.pilotOfferA(), offer.limit().describe());
      }
    }
    return changed;
  }

  private static Offer offer(Allocation allocation, Connector c) {
    return allocation.offer(c.id()).orElseThrow(() -> new IllegalStateException("connector " + c.id() + " was left out of the division"));
  }

  private void refreshStation() {
    ConnectorState now = inoperative.contains(0) ? ConnectorState.UNAVAILABLE : ConnectorState.AVAILABLE;
    publish(0, Connector.Report.of(now, stationFaults.values()));
  }

  /** Hands a connector's status to the reporter, and tells the embedder when its status or error changed. */
  private void publish(int connectorId, Connector.Report now) {
    Connector.Report before = parts.reporter().current(connectorId).orElse(null);
    parts.reporter().update(connectorId, now);
    if (before == null || before.state() != now.state() || before.fault() != now.fault()) {
      parts.listener().onStatusChanged(connectorId, now.state(), now.fault());
    }
  }
}
