package dev.kilowatt.core.connector;

import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connector: what its hardware reports, whether a transaction runs on it, and from that its OCPP
 * status and what the pilot and the relay must do. Only the event loop touches it.
 */
public final class Connector {

  /** An idTag authorized to start here, waiting for the EV to be plugged in (ConnectionTimeOut). */
  public record PendingStart(String idTag, AuthorizationDecision info, Optional<Integer> reservationId, Optional<ChargingProfile> txProfile,
      Scheduler.Timer timeout) {}

  /**
   * What the connector reports: its status and the first of its faults, as the hardware described it (the error
   * code is the {@link HardwareFault}'s).
   */
  public record Report(ConnectorStatus status, ChargePointErrorCode errorCode, String vendorErrorCode, String info) {

    /** A status with the first of the faults, if any, as its error. */
    public static Report of(ConnectorStatus status, java.util.Collection<HardwareFault> faults) {
      Optional<HardwareFault> fault = faults.stream().findFirst();
      return new Report(status, fault.map(HardwareFault::errorCode).orElse(ChargePointErrorCode.NO_ERROR),
          fault.map(HardwareFault::vendorErrorCode).orElse(""), fault.map(HardwareFault::info).orElse(""));
    }
  }

  private final int id;
  private final ConnectorHardware hardware;
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

  /** Whether the socket's lock was told to hold the plug, and whether its feedback says it does. */
  private boolean plugHeld;
  private boolean plugLocked;
  /** Who waits to hear whether the lock opened (true) or failed to (false). */
  private final List<Consumer<Boolean>> unlockWaiters = new ArrayList<>();

  private Command lastPilotCommand;
  private double lastOfferA = -1;
  private Boolean relayClosed;
  /** Where the phase switch was last sent; 0 until the first command, as its position at boot is not known. */
  private int switchedPhases;

  private enum Command {
    OFFER,
    STOP_OFFERING,
    DISABLE
  }

  public Connector(int id, ConnectorHardware hardware) {
    this.id = id;
    this.hardware = hardware;
  }

  public int id() {
    return id;
  }

  public ConnectorHardware hardware() {
    return hardware;
  }

  public PilotState pilot() {
    return pilot;
  }

  /** A new pilot reading; plugging in or out ends the Finishing state. Returns the state before. */
  public PilotState pilotReads(PilotState state) {
    PilotState before = pilot;
    pilot = state;
    if (before.evConnected() != state.evConnected()) {
      finishing = false;
    }
    return before;
  }

  public Optional<MeterReading> reading() {
    return reading;
  }

  /** A new meter reading; a running transaction remembers the register and when it was seen. */
  public void meterReads(MeterReading now, Instant at) {
    reading = Optional.of(now);
    transaction = transaction.map(tx -> tx.seen(now.energyImportWh(), at));
  }

  public void faultRaised(HardwareFault fault) {
    faults.put(fault.source(), fault);
  }

  /** Returns whether a fault from {@code source} was there to clear. */
  public boolean faultCleared(String source) {
    return faults.remove(source) != null;
  }

  public boolean operative() {
    return operative;
  }

  /**
   * Follows the availability asked for, but a connector becomes inoperative only once its transaction is
   * over; becoming inoperative drops an authorization that waits for the EV.
   */
  public void availabilityWanted(boolean wanted) {
    if (wanted || transaction.isEmpty()) {
      operative = wanted;
      if (!wanted) {
        dropPendingStart();
      }
    }
  }

  public Optional<PendingStart> pendingStart() {
    return pendingStart;
  }

  /** An authorized idTag now waits here for the EV; only a free connector takes one. */
  public void awaitEv(PendingStart start) {
    if (!free()) {
      throw new IllegalStateException("connector " + id + " is not free for a pending start");
    }
    pendingStart = Optional.of(start);
  }

  /** Drops the waiting authorization, if any, with its ConnectionTimeOut timer, and returns it. */
  public Optional<PendingStart> dropPendingStart() {
    Optional<PendingStart> dropped = pendingStart;
    dropped.ifPresent(p -> p.timeout().cancel());
    pendingStart = Optional.empty();
    return dropped;
  }

  public Optional<Transaction> transaction() {
    return transaction;
  }

  /** A transaction begins here; one at a time. */
  public void begin(Transaction tx) {
    if (transaction.isPresent()) {
      throw new IllegalStateException("connector " + id + " already runs transaction " + transaction.get().number());
    }
    transaction = Optional.of(tx);
    finishing = false;
  }

  /** The running transaction as it is now (a sample, its transactionId, a deauthorization). */
  public void update(Transaction tx) {
    if (transaction.filter(running -> running.number() == tx.number()).isEmpty()) {
      throw new IllegalStateException("connector " + id + " does not run transaction " + tx.number());
    }
    transaction = Optional.of(tx);
  }

  /** The transaction is over; the connector is Finishing while the EV stays plugged in. */
  public Transaction end() {
    Transaction ended = transaction.orElseThrow();
    transaction = Optional.empty();
    finishing = pilot.evConnected();
    return ended;
  }

  public void limitTo(double amperes) {
    limitA = amperes;
  }

  /** Commands the socket's lock to hold or release the plug; a fixed cable has nothing to command. */
  public void holdPlug(boolean hold) {
    if (hold == plugHeld || hardware.lock().isEmpty()) {
      return;
    }
    plugHeld = hold;
    if (hold) {
      hardware.lock().get().lock();
    } else {
      hardware.lock().get().unlock();
    }
  }

  /** The lock's feedback; an open lock answers whoever waits for it. */
  public void lockReports(boolean locked) {
    plugLocked = locked;
    if (!locked) {
      settleUnlock(true);
    }
  }

  /** The lock did not reach where it was sent: whoever waits for it to open hears it failed. */
  public void lockFailed() {
    if (plugLocked) {
      settleUnlock(false);
    }
  }

  /** Calls {@code done} once the lock is open (true) or failed to open (false); at once if it is open. */
  public void awaitUnlocked(Consumer<Boolean> done) {
    if (!plugLocked) {
      done.accept(true);
    } else {
      unlockWaiters.add(done);
    }
  }

  private void settleUnlock(boolean unlocked) {
    List<Consumer<Boolean>> waiting = List.copyOf(unlockWaiters);
    unlockWaiters.clear();
    waiting.forEach(w -> w.accept(unlocked));
  }

  /** Returns whether the reserved flag changed. */
  public boolean reserve(boolean held) {
    boolean changed = held != reserved;
    reserved = held;
    return changed;
  }

  /** Available in the sense of the status table: free, nothing plugged in, not finishing. */
  public boolean idle() {
    return free() && !pilot.evConnected() && !finishing;
  }

  public boolean faulted() {
    return faults.values().stream().anyMatch(HardwareFault::stopsCharging);
  }

  /** Free for a new transaction: operative, not faulted, nothing running or about to start. */
  public boolean free() {
    return operative && !faulted() && transaction.isEmpty() && pendingStart.isEmpty();
  }

  public double energyWh() {
    double seen = transaction.map(Transaction::lastEnergyWh).orElse(0.0);
    return Math.max(seen, reading.map(MeterReading::energyImportWh).orElse(0.0));
  }

  /** Whether a transaction runs here that may draw energy now. */
  public boolean mayCharge(int maxEnergyOnInvalidId) {
    if (transaction.isEmpty() || faulted()) {
      return false;
    }
    Transaction tx = transaction.get();
    return !tx.deauthorized() || tx.deliveredSinceDeauthorizedWh() < maxEnergyOnInvalidId;
  }

  /** The current the EV may draw now, in A; 0 when it may draw nothing. */
  public double offeredA(int maxEnergyOnInvalidId) {
    return mayCharge(maxEnergyOnInvalidId) ? limitA : 0;
  }

  /** What the pilot signals now, in A; 0 when it offers nothing. */
  public double pilotOfferA() {
    return lastPilotCommand == Command.OFFER ? lastOfferA : 0;
  }

  /**
   * Sends the phase switch, if there is one, to {@code phases} (1 or 3). The EV must not see phases come and go
   * under load, so the relay opens and the pilot stops offering first; {@link #applyEnergyControl} resumes.
   */
  public void switchPhases(int phases) {
    if (hardware.phaseSwitch().isEmpty() || phases == switchedPhases) {
      return;
    }
    if (!Boolean.FALSE.equals(relayClosed)) {
      hardware.relay().open();
      relayClosed = false;
    }
    if (lastPilotCommand == Command.OFFER) {
      pilotCommand(Command.STOP_OFFERING, 0);
    }
    hardware.phaseSwitch().get().switchTo(phases);
    switchedPhases = phases;
  }

  public Report report(int maxEnergyOnInvalidId) {
    return Report.of(status(maxEnergyOnInvalidId), faults.values());
  }

  /** The status table of OCPP 1.6 section 4.9, from what the connector knows. */
  ConnectorStatus status(int maxEnergyOnInvalidId) {
    if (faulted()) {
      return ConnectorStatus.FAULTED;
    }
    if (transaction.isPresent()) {
      boolean offering = offeredA(maxEnergyOnInvalidId) > 0;
      if (!offering) {
        return ConnectorStatus.SUSPENDED_EVSE;
      }
      return pilot.evRequestsEnergy() ? ConnectorStatus.CHARGING : ConnectorStatus.SUSPENDED_EV;
    }
    if (!operative) {
      return ConnectorStatus.UNAVAILABLE;
    }
    if (finishing) {
      return ConnectorStatus.FINISHING;
    }
    if (pendingStart.isPresent() || pilot.evConnected()) {
      return ConnectorStatus.PREPARING;
    }
    return reserved ? ConnectorStatus.RESERVED : ConnectorStatus.AVAILABLE;
  }

  /**
   * Brings the pilot and the relay in line with the state: power flows only during a transaction that
   * may draw energy and while the EV asks for it. Commands go out only when they change something.
   */
  public void applyEnergyControl(int maxEnergyOnInvalidId) {
    double offer = offeredA(maxEnergyOnInvalidId);
    // A socket is live only once its lock holds the plug (IEC 61851-1): an unheld plug could be pulled under load.
    boolean plugSecured = hardware.lock().isEmpty() || plugLocked;
    boolean closeRelay = offer > 0 && pilot.evRequestsEnergy() && plugSecured;
    if (!closeRelay && !Boolean.FALSE.equals(relayClosed)) {
      hardware.relay().open();
      relayClosed = false;
    }
    if (!operative && transaction.isEmpty() || faulted()) {
      pilotCommand(Command.DISABLE, 0);
    } else if (offer > 0) {
      pilotCommand(Command.OFFER, offer);
    } else {
      pilotCommand(Command.STOP_OFFERING, 0);
    }
    if (closeRelay && !Boolean.TRUE.equals(relayClosed)) {
      hardware.relay().close();
      relayClosed = true;
    }
  }

  private void pilotCommand(Command command, double amperes) {
    if (command == lastPilotCommand && (command != Command.OFFER || amperes == lastOfferA)) {
      return;
    }
    switch (command) {
      case OFFER -> hardware.pilot().offer(amperes);
      case STOP_OFFERING -> hardware.pilot().stopOffering();
      case DISABLE -> hardware.pilot().disable();
    }
    lastPilotCommand = command;
    lastOfferA = amperes;
  }
}
