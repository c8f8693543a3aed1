package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.ocpp201.TransactionEnums.ChargingState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charging state (part 2 ChargingStateEnumType) of each transaction whose Started event has gone and whose
 * Ended event has not, as the CSMS was last told it, and the core's last status of each connector, from which
 * it follows. The core says how energy flows only in its 1.6 StatusNotification: Charging, SuspendedEV and
 * SuspendedEVSE are the 2.0.1 states of the same names, and Faulted during a transaction is SuspendedEVSE (a
 * fault stops the station offering energy). A Started event is EVConnected: the core starts a transaction once
 * the EV is plugged in, before the relay closes; a change after it is an Updated event with triggerReason
 * ChargingStateChanged. The core sends the StatusNotification of a new transaction's first state and the
 * StartTransaction in either order (the latter only once it is durable), so a state the core reported before
 * the Started event went is told right after it.
 *
 * <p>In memory: a transaction does not run across a restart of the core (it ends those as PowerLoss), and the
 * core reports every connector after each boot.
 */
final class ChargingStates {

  /** A transaction's charging state changed: the Updated event to send. */
  record Change(String transactionId, ChargingState state, Instant at) {
  }

  private record Told(String transactionId, Instant since, ChargingState state) {
  }

  private record Status(ChargePointStatus status, Instant at) {
  }

  private final Map<Integer, Told> running = new ConcurrentHashMap<>();
  private final Map<Integer, Status> last = new ConcurrentHashMap<>();

  /**
   * Transaction {@code transactionId} started on {@code connector} at {@code at}; its Started event says
   * {@link ChargingState#EVConnected}.
   *
   * @return the change to tell right after the Started event, when the core has already reported energy flowing
   *     or suspended
   */
  Optional<Change> started(int connector, String transactionId, Instant at) {
    running.put(connector, new Told(transactionId, at, ChargingState.EVConnected));
    return Optional.ofNullable(last.get(connector))
        .flatMap(status -> change(connector, status.status(), status.at().isBefore(at) ? at : status.at()));
  }

  /** The core reported {@code status} of {@code connector} at {@code at}: the change it makes, if a transaction runs. */
  Optional<Change> reported(int connector, ChargePointStatus status, Instant at) {
    last.put(connector, new Status(status, at));
    return Optional.ofNullable(running.get(connector)).filter(told -> !at.isBefore(told.since()))
        .flatMap(told -> change(connector, status, at));
  }

  /** The Ended event of {@code transactionId} has gone: it has no charging state to follow any more. */
  void ended(String transactionId) {
    running.values().removeIf(told -> told.transactionId().equals(transactionId));
  }

  private Optional<Change> change(int connector, ChargePointStatus status, Instant at) {
    Told told = running.get(connector);
    Optional<ChargingState> now = during(status).filter(state -> state != told.state());
    now.ifPresent(state -> running.put(connector, new Told(told.transactionId(), told.since(), state)));
    return now.map(state -> new Change(told.transactionId(), state, at));
  }

  /** The 2.0.1 charging state a 1.6 status of a connector with a running transaction stands for, if any. */
  static Optional<ChargingState> during(ChargePointStatus status) {
    return Optional.ofNullable(switch (status) {
      case CHARGING -> ChargingState.Charging;
      case SUSPENDED_EV -> ChargingState.SuspendedEV;
      case SUSPENDED_EVSE, FAULTED -> ChargingState.SuspendedEVSE;
      // the core reports none of these while a transaction runs
      case AVAILABLE, PREPARING, FINISHING, RESERVED, UNAVAILABLE -> null;
    });
  }
}
