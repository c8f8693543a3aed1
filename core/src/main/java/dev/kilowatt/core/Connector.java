package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Scheduler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One connector: what its hardware reports, whether a transaction runs on it, and from that its OCPP
 * status and what the pilot and the relay must do. Only the event loop touches it.
 */
final class Connector {

  /** An idTag authorized to start here, waiting for the EV to be plugged in (ConnectionTimeOut). */
  record PendingStart(String idTag, IdTagInfo info, Optional<Integer> reservationId, Optional<ChargingProfile> txProfile,
      Scheduler.Timer timeout) {}

  /** What the connector reports in a StatusNotification. */
  record Report(ChargePointStatus status, ChargePointErrorCode errorCode, String vendorErrorCode, String info) {

    /** A status with the first of the faults, if any, as its error. */
    static Report of(ChargePointStatus status, java.util.Collection<HardwareFault> faults) {
      Optional<HardwareFault> fault = faults.stream().findFirst();
      return new Report(status, fault.map(HardwareFault::errorCode).orElse(ChargePointErrorCode.NO_ERROR),
          fault.map(HardwareFault::vendorErrorCode).orElse(""), fault.map(HardwareFault::info).orElse(""));
    }
  }

  final int id;
  final ConnectorHardware hardware;
  PilotState pilot = PilotState.A;
  Optional<MeterReading> reading = Optional.empty();
  final Map<String, HardwareFault> faults = new LinkedHashMap<>();
  boolean operative = true;
  Optional<PendingStart> pendingStart = Optional.empty();
  Optional<Transaction> transaction = Optional.empty();
  boolean finishing;
  /** The smart-charging limit in A; unlimited until a charging profile says otherwise. */
  double limitA = Double.POSITIVE_INFINITY;
  /** Whether a reservation holds this connector for someone. */
  boolean reserved;

  private Command lastPilotCommand;
  private double lastOfferA = -1;
  private Boolean relayClosed;

  private enum Command {
    OFFER,
    STOP_OFFERING,
    DISABLE
  }

  Connector(int id, ConnectorHardware hardware) {
    this.id = id;
    this.hardware = hardware;
  }

  boolean faulted() {
    return faults.values().stream().anyMatch(HardwareFault::stopsCharging);
  }

  /** Free for a new transaction: operative, not faulted, nothing running or about to start. */
  boolean free() {
    return operative && !faulted() && transaction.isEmpty() && pendingStart.isEmpty();
  }

  double energyWh() {
    double seen = transaction.map(Transaction::lastEnergyWh).orElse(0.0);
    return Math.max(seen, reading.map(MeterReading::energyImportWh).orElse(0.0));
  }

  /** The current the EV may draw now, in A; 0 when it may draw nothing. */
  double offeredA(int maxEnergyOnInvalidId) {
    if (transaction.isEmpty() || faulted()) {
      return 0;
    }
    Transaction tx = transaction.get();
    if (tx.deauthorized() && tx.deliveredWh() >= maxEnergyOnInvalidId) {
      return 0;
    }
    double offer = Math.min(hardware.maxCurrentA(), limitA);
    return offer >= ConnectorHardware.MIN_CURRENT_A ? offer : 0;
  }

  Report report(int maxEnergyOnInvalidId) {
    return Report.of(status(maxEnergyOnInvalidId), faults.values());
  }

  /** The status table of OCPP 1.6 section 4.9, from what the connector knows. */
  ChargePointStatus status(int maxEnergyOnInvalidId) {
    if (faulted()) {
      return ChargePointStatus.FAULTED;
    }
    if (transaction.isPresent()) {
      boolean offering = offeredA(maxEnergyOnInvalidId) > 0;
      if (!offering) {
        return ChargePointStatus.SUSPENDED_EVSE;
      }
      return pilot.evRequestsEnergy() ? ChargePointStatus.CHARGING : ChargePointStatus.SUSPENDED_EV;
    }
    if (!operative) {
      return ChargePointStatus.UNAVAILABLE;
    }
    if (finishing) {
      return ChargePointStatus.FINISHING;
    }
    if (pendingStart.isPresent() || pilot.evConnected()) {
      return ChargePointStatus.PREPARING;
    }
    return reserved ? ChargePointStatus.RESERVED : ChargePointStatus.AVAILABLE;
  }

  /**
   * Brings the pilot and the relay in line with the state: power flows only during a transaction that
   * may draw energy and while the EV asks for it. Commands go out only when they change something.
   */
  void applyEnergyControl(int maxEnergyOnInvalidId) {
    double offer = offeredA(maxEnergyOnInvalidId);
    boolean closeRelay = offer > 0 && pilot.evRequestsEnergy();
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
