package dev.kilowatt.core.connector;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.ConnectorState;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Scheduler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connector: what its hardware reports, whether a transaction runs on it, and from that its
 * {@link ConnectorState} and what the pilot and the relay must do. Only the event loop touches it.
 */
public final class Connector {

  /**
   * An idTag authorized to start here, waiting for the EV to be plugged in (ConnectionTimeOut).
   * @param idTag the idTag that will start the transaction
   * @param info the authorization's verdict, expiry and parentIdTag
   * @param reservationId the reservation the start uses, if any
   * @param txProfile the TxProfile a RemoteStartTransaction brought, if any
   * @param timeout the ConnectionTimeOut timer, cancelled when the start is dropped
   */
  public record PendingStart(String idTag, AuthorizationDecision info, Optional<Integer> reservationId, Optional<ChargingProfile> txProfile,
      Scheduler.Timer timeout) {}

  /**
   * What the connector reports: its state and the first of its faults, as the hardware described it (the fault is
   * the one the {@link HardwareFault}'s error code stands for).
   * @param state the connector's state
   * @param fault the first fault; NONE without faults
   * @param vendorErrorCode the first fault's vendor code; empty without faults
   * @param info the first fault's description; empty without faults
   */
  public record Report(ConnectorState state, ConnectorFault fault, String vendorErrorCode, String info) {

    /**
     * {@return a state with the first of the faults, if any, as its fault}
     * @param state the connector's state
     * @param faults its faults, first raised first
     */
    public static Report of(ConnectorState state, java.util.Collection<HardwareFault> faults) {
      Optional<HardwareFault> fault = faults.stream().findFirst();
      return new Report(state, fault.map(HardwareFault::fault).orElse(ConnectorFault.NONE),
          fault.map(HardwareFault::vendorErrorCode).orElse(""), fault.map(HardwareFault::info).orElse(""));
    }
  }

  private final int id;
  private final ConnectorHardware hardware;
  /** Sends the pilot, relay and phase-switch commands the state asks for. */
  private final EnergyControl energy;
  private final PlugLock lock;
  private PilotState pilot = PilotState.A;
  private Optional<MeterReading> reading = Optional.empty();
  private final Map<String, HardwareFault> faults = new LinkedHashMap<>();
  private boolean operative = true;
  private Optional<PendingStart> pendingStart = Optional.empty();
  private Optional<Transaction> transaction = Optional.empty();
  private boolean finishing;
  /** The share of the grid limit smart charging gives this connector, in A per phase. */
  private double limitA;
  /** Whether a reservation holds this connector for someone. */
  private boolean reserved;

  /**
   * A free, operative connector with nothing plugged in, as at boot.
   * @param id its connectorId, from 1
   * @param hardware its pilot, relay, meter, and lock and phase switch where it has them
   */
  public Connector(int id, ConnectorHardware hardware) {
    this.id = id;
    this.hardware = hardware;
    this.energy = new EnergyControl(hardware);
    this.lock = new PlugLock(hardware);
  }

  /** {@return its connectorId, from 1} */
  public int id() {
    return id;
  }

  /** {@return its pilot, relay, meter, and lock and phase switch where it has them} */
  public ConnectorHardware hardware() {
    return hardware;
  }

  /** {@return the control pilot's last reading (IEC 61851-1 state A to F), A until the first} */
  public PilotState pilot() {
    return pilot;
  }

  /**
   * A new pilot reading; plugging in or out ends the Finishing state.
   * @param state the pilot's state now
   * @return the state before
   */
  public PilotState pilotReads(PilotState state) {
    PilotState before = pilot;
    pilot = state;
    if (before.evConnected() != state.evConnected()) {
      finishing = false;
    }
    return before;
  }

  /** {@return the meter's last reading; empty until the first} */
  public Optional<MeterReading> reading() {
    return reading;
  }

  /**
   * A new meter reading; a running transaction remembers the register and when it was seen.
   * @param now the reading
   * @param at the charge point's time of the reading
   */
  public void meterReads(MeterReading now, Instant at) {
    reading = Optional.of(now);
    transaction = transaction.map(tx -> tx.seen(now.energyImportWh(), at));
  }

  /**
   * The hardware reports a fault; it replaces an earlier one from the same source.
   * @param fault the fault, with its source and OCPP error code
   */
  public void faultRaised(HardwareFault fault) {
    faults.put(fault.source(), fault);
  }

  /**
   * The hardware reports that the fault from {@code source} is gone.
   * @param source the part that raised it
   * @return whether a fault from {@code source} was there to clear
   */
  public boolean faultCleared(String source) {
    return faults.remove(source) != null;
  }

  /** {@return whether the connector is operative (ChangeAvailability), whatever its faults} */
  public boolean operative() {
    return operative;
  }

  /**
   * Follows the availability asked for, but a connector becomes inoperative only once its transaction is
   * over; becoming inoperative drops an authorization that waits for the EV.
   * @param wanted true for Operative, false for Inoperative
   */
  public void availabilityWanted(boolean wanted) {
    if (wanted || transaction.isEmpty()) {
      operative = wanted;
      if (!wanted) {
        dropPendingStart();
      }
    }
  }

  /** {@return the authorization that waits for the EV; empty if none} */
  public Optional<PendingStart> pendingStart() {
    return pendingStart;
  }

  /**
   * An authorized idTag now waits here for the EV; only a free connector takes one.
   * @param start the authorization and its ConnectionTimeOut timer
   * @throws IllegalStateException if the connector is not {@link #free}
   */
  public void awaitEv(PendingStart start) {
    if (!free()) {
      throw new IllegalStateException("connector " + id + " is not free for a pending start");
    }
    pendingStart = Optional.of(start);
  }

  /** {@return the waiting authorization, now dropped with its ConnectionTimeOut timer cancelled; empty if none} */
  public Optional<PendingStart> dropPendingStart() {
    Optional<PendingStart> dropped = pendingStart;
    dropped.ifPresent(p -> p.timeout().cancel());
    pendingStart = Optional.empty();
    return dropped;
  }

  /** {@return the transaction running here; empty if none} */
  public Optional<Transaction> transaction() {
    return transaction;
  }

  /**
   * A transaction begins here; one at a time.
   * @param tx the new transaction
   * @throws IllegalStateException if one runs already
   */
  public void begin(Transaction tx) {
    if (transaction.isPresent()) {
      throw new IllegalStateException("connector " + id + " already runs transaction " + transaction.get().number());
    }
    transaction = Optional.of(tx);
    finishing = false;
  }

  /**
   * The running transaction as it is now (a sample, its transactionId, a deauthorization).
   * @param tx the running transaction, changed
   * @throws IllegalStateException if {@code tx} is not the one running here
   */
  public void update(Transaction tx) {
    if (transaction.filter(running -> running.number() == tx.number()).isEmpty()) {
      throw new IllegalStateException("connector " + id + " does not run transaction " + tx.number());
    }
    transaction = Optional.of(tx);
  }

  /**
   * The transaction is over; the connector is Finishing while the EV stays plugged in.
   * @return the transaction that ended
   * @throws java.util.NoSuchElementException if none runs
   */
  public Transaction end() {
    Transaction ended = transaction.orElseThrow();
    transaction = Optional.empty();
    finishing = pilot.evConnected();
    return ended;
  }

  /**
   * The share of the grid limit smart charging gives this connector; {@link #applyEnergyControl} applies it.
   * @param amperes the limit in A per phase
   */
  public void limitTo(double amperes) {
    limitA = amperes;
  }

  /**
   * Commands the socket's lock to hold or release the plug; a fixed cable has nothing to command.
   * @param hold true to hold the plug, false to release it
   */
  public void holdPlug(boolean hold) {
    lock.hold(hold);
  }

  /**
   * The lock's feedback; an open lock answers whoever waits for it.
   * @param locked whether the lock holds the plug now
   */
  public void lockReports(boolean locked) {
    lock.reports(locked);
  }

  /** The lock did not reach where it was sent: whoever waits for it to open hears it failed. */
  public void lockFailed() {
    lock.failed();
  }

  /**
   * Calls {@code done} once the lock is open (true) or failed to open (false); at once if it is open.
   * @param done hears whether the lock opened, as UnlockConnector answers
   */
  public void awaitUnlocked(Consumer<Boolean> done) {
    lock.awaitUnlocked(done);
  }

  /**
   * A reservation now holds this connector, or no longer does.
   * @param held whether a reservation holds it
   * @return whether that changed
   */
  public boolean reserve(boolean held) {
    boolean changed = held != reserved;
    reserved = held;
    return changed;
  }

  /** {@return whether it is Available in the sense of the status table: free, nothing plugged in, not finishing} */
  public boolean idle() {
    return free() && !pilot.evConnected() && !finishing;
  }

  /** {@return whether a fault that stops charging is raised} */
  public boolean faulted() {
    return faults.values().stream().anyMatch(HardwareFault::stopsCharging);
  }

  /** {@return whether it is free for a new transaction: operative, not faulted, nothing running or about to start} */
  public boolean free() {
    return operative && !faulted() && transaction.isEmpty() && pendingStart.isEmpty();
  }

  /** {@return the meter register in Wh: the highest of the last reading and the transaction's last; 0 if none} */
  public double energyWh() {
    double seen = transaction.map(Transaction::lastEnergyWh).orElse(0.0);
    return Math.max(seen, reading.map(MeterReading::energyImportWh).orElse(0.0));
  }

  /**
   * Whether a transaction runs here that may draw energy now.
   * @param maxEnergyOnInvalidId the Wh a transaction may still draw after its idTag was invalidated
   * @return false without a transaction, with a fault, or past MaxEnergyOnInvalidId once deauthorized
   */
  public boolean mayCharge(int maxEnergyOnInvalidId) {
    if (transaction.isEmpty() || faulted()) {
      return false;
    }
    Transaction tx = transaction.get();
    return !tx.deauthorized() || tx.deliveredSinceDeauthorizedWh() < maxEnergyOnInvalidId;
  }

  /**
   * The current the EV may draw now.
   * @param maxEnergyOnInvalidId the Wh a transaction may still draw after its idTag was invalidated
   * @return the current in A per phase; 0 when it may draw nothing
   */
  public double offeredA(int maxEnergyOnInvalidId) {
    return mayCharge(maxEnergyOnInvalidId) ? limitA : 0;
  }

  /** {@return what the pilot signals now, in A per phase; 0 when it offers nothing} */
  public double pilotOfferA() {
    return energy.pilotOfferA();
  }

  /**
   * Sends the phase switch, if there is one, to {@code phases} (1 or 3). The EV must not see phases come and go
   * under load, so the relay opens and the pilot stops offering first; {@link #applyEnergyControl} resumes.
   * @param phases 1 or 3
   */
  public void switchPhases(int phases) {
    energy.switchPhases(phases);
  }

  /**
   * {@return the state and first fault, which the status reporting and the embedder hear of}
   * @param maxEnergyOnInvalidId the Wh a transaction may still draw after its idTag was invalidated
   */
  public Report report(int maxEnergyOnInvalidId) {
    return Report.of(state(maxEnergyOnInvalidId), faults.values());
  }

  /** The state, by the status table of OCPP 1.6 section 4.9, from what the connector knows. */
  ConnectorState state(int maxEnergyOnInvalidId) {
    if (faulted()) {
      return ConnectorState.FAULTED;
    }
    if (transaction.isPresent()) {
      boolean offering = offeredA(maxEnergyOnInvalidId) > 0;
      if (!offering) {
        return ConnectorState.SUSPENDED_EVSE;
      }
      return pilot.evRequestsEnergy() ? ConnectorState.CHARGING : ConnectorState.SUSPENDED_EV;
    }
    if (!operative) {
      return ConnectorState.UNAVAILABLE;
    }
    if (finishing) {
      return ConnectorState.FINISHING;
    }
    if (pendingStart.isPresent() || pilot.evConnected()) {
      return ConnectorState.PREPARING;
    }
    return reserved ? ConnectorState.RESERVED : ConnectorState.AVAILABLE;
  }

  /**
   * Brings the pilot and the relay in line with the state: power flows only during a transaction that
   * may draw energy and while the EV asks for it. Commands go out only when they change something.
   * @param maxEnergyOnInvalidId the Wh a transaction may still draw after its idTag was invalidated
   */
  public void applyEnergyControl(int maxEnergyOnInvalidId) {
    double offer = offeredA(maxEnergyOnInvalidId);
    // A socket is live only once its lock holds the plug (IEC 61851-1): an unheld plug could be pulled under load.
    boolean plugSecured = lock.secures();
    boolean closeRelay = offer > 0 && pilot.evRequestsEnergy() && plugSecured;
    energy.apply(offer, closeRelay, !operative && transaction.isEmpty() || faulted());
  }
}
