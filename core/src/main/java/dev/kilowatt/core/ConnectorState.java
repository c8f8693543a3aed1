package dev.kilowatt.core;

/**
 * What a connector (or the charge point as a whole, connector 0) is doing, in charging terms rather than any one
 * protocol's: the core derives it from the hardware, the transaction, the reservations and the availability, and
 * each protocol edge reports it in its own words ({@link Ocpp16Mapping} for OCPP 1.6 StatusNotification; OCPP
 * 2.0.1 folds the five states of a plugged-in EV into Occupied and tells them apart in its transaction events).
 */
public enum ConnectorState {
  /** Free, nothing plugged in, not reserved. */
  AVAILABLE,
  /** An EV is plugged in or an authorized driver is expected, no transaction runs yet. */
  PREPARING,
  /** A transaction runs and energy is offered and drawn. */
  CHARGING,
  /** A transaction runs, energy is offered, the EV does not draw. */
  SUSPENDED_EV,
  /** A transaction runs, the charge point offers no energy (limit, invalidated idTag). */
  SUSPENDED_EVSE,
  /** The transaction is over and the EV is still plugged in. */
  FINISHING,
  /** A reservation holds the connector for someone. */
  RESERVED,
  /** Made inoperative, no transaction runs. */
  UNAVAILABLE,
  /** A fault stops charging. */
  FAULTED
}
