package dev.kilowatt.core.connector;

/**
 * The state of a connector as the charge point derives it ({@link Connector}), in its own terms: the status
 * reporting maps it to the protocol's (OCPP 1.6 ChargePointStatus, 2.0.1 ConnectorStatus and transaction
 * events) at its edge.
 */
public enum ConnectorStatus {
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
