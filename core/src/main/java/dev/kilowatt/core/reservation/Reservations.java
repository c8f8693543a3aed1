package dev.kilowatt.core.reservation;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.internal.ConfigKey.Access;
import dev.kilowatt.core.internal.ConfigKey;
import dev.kilowatt.core.message.CancelReservationRequest;
import dev.kilowatt.core.message.CancelReservationResponse;
import dev.kilowatt.core.message.CancelReservationStatus;
import dev.kilowatt.core.message.ReservationStatus;
import dev.kilowatt.core.message.ReserveNowRequest;
import dev.kilowatt.core.message.ReserveNowResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.port.ReservationEnd;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reservations (OCPP 1.6 sections 5.1 and 5.13), and with them the choice of the connector a start may
 * use: a reserved connector takes only its reservation's idTag or a card of the same parent idTag; a
 * reservation of connector 0 keeps one idle connector free for its idTag, so others may start only while
 * more idle connectors remain than such reservations wait.
 *
 * <p>A reservation ends when a transaction uses it, at its expiry date (domain time), when it is
 * cancelled, and when its connector (for connector 0: every connector) turns faulted or unavailable.
 * Reservations are saved on every change and survive a reboot; expired ones are dropped on loading.
 */
public final class Reservations {

  private static final System.Logger LOG = System.getLogger(Reservations.class.getName());
  static final String STORAGE_KEY = "reservations";
  private static final String RESERVE_CONNECTOR_ZERO_SUPPORTED = "ReserveConnectorZeroSupported";
  /** How long a clock change may go unnoticed at worst. */
  static final Duration RECHECK = Duration.ofSeconds(60);

  /**
   * The persisted reservations.
   *
   * @param reservations the reservations not yet used, cancelled or expired, in the order they were made
   */
  public record Saved(List<Reservation> reservations) {
    /** Copies the reservations; none when an older version saved none. */
    public Saved {
      reservations = reservations == null ? List.of() : List.copyOf(reservations);
    }
  }

  /**
   * Who wants to start. Before authorization the parent idTag may be unknown; such a driver is let
   * through by any reservation that has a parent idTag, to be checked again once it is known.
   *
   * @param idTag the card presented, or the idTag of a RemoteStartTransaction
   * @param parentIdTag the group its authorization told; absent when it has none or it is not known yet
   * @param parentUnknown whether the authorization has not told the parent idTag yet
   */
  public record Driver(String idTag, Optional<String> parentIdTag, boolean parentUnknown) {
    /**
     * A driver whose authorization told the parent idTag, if any.
     *
     * @param idTag the id that wants to start
     * @param parentIdTag the group its authorization told; absent when it belongs to none
     * @return the driver, judged by both ids
     */
    public static Driver known(String idTag, Optional<String> parentIdTag) {
      return new Driver(idTag, parentIdTag, false);
    }

    /**
     * A driver whose parent idTag is not known yet.
     *
     * @param idTag the id that wants to start
     * @return the driver, let through by any reservation with a parent idTag until it is known
     */
    public static Driver beforeAuthorization(String idTag) {
      return new Driver(idTag, Optional.empty(), true);
    }
  }

  /**
   * Where a start may go, and the reservation it would use up.
   *
   * @param connector the connector the transaction would start on
   * @param reservationId the reservation the start uses up; absent when it uses none
   */
  public record Start(Connector connector, Optional<Integer> reservationId) {}

  private final Scheduler scheduler;
  private final Storage storage;
  private final Configuration config;
  private final Supplier<Instant> clock;
  private final Runnable onExpired;
  private final BiConsumer<Integer, ReservationEnd> onEnded;
  private final Map<Integer, Reservation> byId = new LinkedHashMap<>();
  private Scheduler.Timer expiryTimer;

  /**
   * Defines ReserveConnectorZeroSupported and loads the saved reservations, dropping those that expired.
   *
   * @param scheduler runs the expiry check
   * @param storage keeps the reservations across reboots
   * @param config takes ReserveConnectorZeroSupported, true by default
   * @param clock the domain's wall time, which expiry dates are compared with
   * @param onExpired called after reservations expired, were made or were cancelled, so that the connectors' statuses follow
   * @param onEnded told of each reservation that ends by itself (expired, its connector unusable) while the charge point runs
   */
  public Reservations(Scheduler scheduler, Storage storage, Configuration config, Supplier<Instant> clock, Runnable onExpired,
      BiConsumer<Integer, ReservationEnd> onEnded) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.config = config;
    this.clock = clock;
    this.onExpired = onExpired;
    this.onEnded = onEnded;
    // Supported by default: this charge point honours connector 0 fully; an embedder may say false.
    config.define(new ConfigKey(RESERVE_CONNECTOR_ZERO_SUPPORTED, Access.READ_ONLY, new ConfigKey.Bool(), "true", false));
    Instant now = clock.get();
    List<Reservation> saved = storage.load(STORAGE_KEY, Saved.class).map(Saved::reservations).orElse(List.of());
    saved.stream().filter(r -> r.expiryDate().isAfter(now)).forEach(r -> byId.put(r.id(), r));
    if (byId.size() < saved.size()) {
      LOG.log(Level.INFO, "{0} reservation(s) expired while the charge point was off", saved.size() - byId.size());
      save();
    }
  }

  /** Stops the expiry timer: the station is going away. */
  public void stop() {
    cancelTimer();
  }

  /** Answers ReserveNow.req; a request with a known reservationId replaces that reservation if it can be made. */
  private ReservationStatus reserve(ReserveNowRequest request, List<Connector> connectors) {
    int connectorId = request.connectorId();
    if (connectorId < 0 || connectorId > connectors.size()) {
      LOG.log(Level.INFO, "reservation {0} refused: there is no connector {1}", request.reservationId(), connectorId);
      return ReservationStatus.REJECTED;
    }
    if (connectorId == 0 && !config.bool(RESERVE_CONNECTOR_ZERO_SUPPORTED)) {
      return ReservationStatus.REJECTED;
    }
    if (!request.expiryDate().isAfter(clock.get())) {
      LOG.log(Level.INFO, "reservation {0} refused: it expired at {1}", request.reservationId(), request.expiryDate());
      return ReservationStatus.REJECTED;
    }
    Reservation replaced = byId.remove(request.reservationId());
    ReservationStatus status = connectorId == 0 ? reservableAny(connectors) : reservable(connectors.get(connectorId - 1), connectors);
    if (status == ReservationStatus.ACCEPTED) {
      byId.put(request.reservationId(), new Reservation(request.reservationId(), connectorId, request.idTag(), request.parentIdTag(),
          request.expiryDate()));
      changed();
      LOG.log(Level.INFO, "reservation {0} of connector {1} for {2} until {3}", request.reservationId(), connectorId,
          request.idTag(), request.expiryDate());
    } else if (replaced != null) {
      byId.put(replaced.id(), replaced);
    }
    return status;
  }

  /**
   * Answers ReserveNow and CancelReservation; the connectors' statuses follow either.
   *
   * @param router the router the central system's calls arrive on
   * @param connectors the connectors, connector 1 first
   */
  public void register(CallRouter router, List<Connector> connectors) {
    router.on(ReserveNowRequest.class, (request, reply) -> {
      reply.answer(new ReserveNowResponse(reserve(request, connectors)));
      onExpired.run();
    });
    router.on(CancelReservationRequest.class, (request, reply) -> {
      reply.answer(new CancelReservationResponse(cancel(request.reservationId())));
      onExpired.run();
    });
  }

  /** Answers CancelReservation.req. */
  private CancelReservationStatus cancel(int reservationId) {
    if (byId.remove(reservationId) == null) {
      return CancelReservationStatus.REJECTED;
    }
    changed();
    return CancelReservationStatus.ACCEPTED;
  }

  /**
   * A transaction started with this reservation: it ends.
   *
   * @param reservationId the reservation the start used
   * @return whether it was still held; false when it is gone meanwhile (expired, cancelled)
   */
  public boolean use(int reservationId) {
    if (live().noneMatch(r -> r.id() == reservationId)) {
      return false;
    }
    byId.remove(reservationId);
    changed();
    return true;
  }

  /**
   * The connector a start goes to, and the reservation it uses: the requested connector if the driver may
   * use it, else one with an EV plugged in, else the driver's reserved connector, else any it may use.
   *
   * @param connectors the connectors, connector 1 first
   * @param requested the connector the start asks for; absent for any
   * @param driver who wants to start
   * @return where the start goes; empty when reservations (or the connectors' states) leave it nowhere to go
   */
  public Optional<Start> choose(List<Connector> connectors, Optional<Integer> requested, Driver driver) {
    Stream<Connector> candidates = requested.isPresent()
        ? connectors.stream().filter(c -> c.id() == requested.get())
        : connectors.stream();
    List<Start> usable = candidates.flatMap(c -> admission(c, connectors, driver).stream()).toList();
    return usable.stream().filter(s -> s.connector().pilot().evConnected()).findFirst()
        .or(() -> usable.stream().filter(s -> s.reservationId().isPresent()).findFirst())
        .or(() -> usable.stream().findFirst());
  }

  /**
   * Whether reservations alone keep {@code idTag} from starting, so that asking the central system is
   * pointless: connectors are free but all held for others, and no running transaction has a parent
   * idTag that the card might share to stop it.
   *
   * @param connectors the connectors, connector 1 first
   * @param idTag the card presented
   * @return whether to refuse the card without asking the central system
   */
  public boolean turnAway(List<Connector> connectors, String idTag) {
    return connectors.stream().anyMatch(Connector::free)
        && connectors.stream().noneMatch(c -> c.transaction().flatMap(Transaction::parentIdTag).isPresent())
        && choose(connectors, Optional.empty(), Driver.beforeAuthorization(idTag)).isEmpty();
  }

  /**
   * Ends the reservations that expired or whose connectors failed, sets each connector's reserved flag,
   * and returns the connectors whose flag changed (their status changes with it).
   *
   * @param connectors the connectors, connector 1 first
   * @return the connectors whose reserved flag changed
   */
  public List<Connector> update(List<Connector> connectors) {
    boolean anyUsable = connectors.stream().anyMatch(Reservations::usable);
    Instant now = clock.get();
    List<Reservation> ended = byId.values().stream().filter(r -> !r.expiryDate().isAfter(now) || (r.connectorId() == 0
        ? !anyUsable
        : r.connectorId() > connectors.size() || !usable(connectors.get(r.connectorId() - 1)))).toList();
    if (!ended.isEmpty()) {
      ended.forEach(r -> {
        LOG.log(Level.INFO, "reservation {0} ended: {1}", r.id(), r.expiryDate().isAfter(now) ? "connector faulted or unavailable" : "expired");
        byId.remove(r.id());
      });
      changed();
      ended.forEach(r -> onEnded.accept(r.id(), r.expiryDate().isAfter(now) ? ReservationEnd.REMOVED : ReservationEnd.EXPIRED));
    } else if (expiryTimer == null && !byId.isEmpty()) {
      armTimer();
    }
    Set<Integer> reservedConnectors = byId.values().stream().map(Reservation::connectorId).collect(Collectors.toSet());
    long waiting = openForAnyConnector(connectors);
    long idleFree = idleUnreserved(connectors);
    List<Connector> changed = new ArrayList<>();
    for (Connector c : connectors) {
      boolean reserved = reservedConnectors.contains(c.id()) || (waiting > 0 && c.idle() && idleFree <= waiting);
      if (c.reserve(reserved)) {
        changed.add(c);
      }
    }
    return changed;
  }

  private Optional<Start> admission(Connector c, List<Connector> connectors, Driver driver) {
    if (!c.free()) {
      return Optional.empty();
    }
    Optional<Reservation> own = live().filter(r -> r.connectorId() == c.id()).findFirst();
    if (own.isPresent()) {
      return own.get().admits(driver) ? Optional.of(new Start(c, Optional.of(own.get().id()))) : Optional.empty();
    }
    Optional<Reservation> anyConnector = live().filter(r -> r.connectorId() == 0 && r.admits(driver)).findFirst();
    if (anyConnector.isPresent()) {
      return Optional.of(new Start(c, Optional.of(anyConnector.get().id())));
    }
    long idleLeft = idleUnreserved(connectors) - (c.idle() ? 1 : 0);
    return idleLeft >= openForAnyConnector(connectors) ? Optional.of(new Start(c, Optional.empty())) : Optional.empty();
  }

  private ReservationStatus reservable(Connector c, List<Connector> connectors) {
    if (c.faulted()) {
      return ReservationStatus.FAULTED;
    }
    if (!c.operative()) {
      return ReservationStatus.UNAVAILABLE;
    }
    boolean taken = live().anyMatch(r -> r.connectorId() == c.id());
    if (taken || !c.idle() || idleUnreserved(connectors) - 1 < openForAnyConnector(connectors)) {
      return ReservationStatus.OCCUPIED;
    }
    return ReservationStatus.ACCEPTED;
  }

  private ReservationStatus reservableAny(List<Connector> connectors) {
    if (idleUnreserved(connectors) > openForAnyConnector(connectors)) {
      return ReservationStatus.ACCEPTED;
    }
    if (connectors.stream().allMatch(Connector::faulted)) {
      return ReservationStatus.FAULTED;
    }
    if (connectors.stream().noneMatch(Reservations::usable)) {
      return ReservationStatus.UNAVAILABLE;
    }
    return ReservationStatus.OCCUPIED;
  }

  /** Connectors nobody uses and no connector reservation holds: what connector-0 reservations count on. */
  private long idleUnreserved(List<Connector> connectors) {
    return connectors.stream().filter(c -> c.idle() && live().noneMatch(r -> r.connectorId() == c.id())).count();
  }

  /** Connector-0 reservations whose driver has not yet been given a connector (a pending start holds it). */
  private long openForAnyConnector(List<Connector> connectors) {
    Set<Integer> claimed = connectors.stream().flatMap(c -> c.pendingStart().stream())
        .flatMap(p -> p.reservationId().stream()).collect(Collectors.toSet());
    return live().filter(r -> r.connectorId() == 0 && !claimed.contains(r.id())).count();
  }

  /** Reservations not yet expired by the clock, even if the expiry timer has not fired yet. */
  private Stream<Reservation> live() {
    Instant now = clock.get();
    return byId.values().stream().filter(r -> r.expiryDate().isAfter(now));
  }

  private static boolean usable(Connector c) {
    return c.operative() && !c.faulted();
  }

  private void changed() {
    save();
    armTimer();
  }

  private void save() {
    storage.save(STORAGE_KEY, new Saved(List.copyOf(byId.values())));
  }

  /**
   * One timer, for the earliest expiry, but at most {@link #RECHECK} away: the central system may move
   * the domain's clock (BootNotification, Heartbeat), and an expiry date is in its time.
   */
  private void armTimer() {
    cancelTimer();
    byId.values().stream().map(Reservation::expiryDate).min(Comparator.naturalOrder()).ifPresent(next -> {
      Duration wait = Duration.between(clock.get(), next);
      wait = wait.isNegative() ? Duration.ZERO : wait.compareTo(RECHECK) > 0 ? RECHECK : wait;
      expiryTimer = scheduler.schedule(wait, () -> {
        expiryTimer = null;
        // the connectors' refresh ends the expired ones (update), as it ends those of an unusable connector
        if (live().count() < byId.size()) {
          onExpired.run();
        }
        armTimer();
      });
    });
  }

  private void cancelTimer() {
    if (expiryTimer != null) {
      expiryTimer.cancel();
      expiryTimer = null;
    }
  }
}
