package dev.kilowatt.core;

/**
 * What is wrong with a connector (or with the charge point as a whole, connector 0), in charging terms rather than
 * any one protocol's: the first fault a hardware adapter raised and has not cleared yet, or one the core found itself
 * (the local authorization list contradicted, the journal failing). {@link Ocpp16Mapping} gives the OCPP 1.6
 * errorCode that reports it.
 *
 * <p>Every fault but {@link #OTHER} stops charging while it lasts; whether it does is the connector's
 * {@link ConnectorState} to say ({@link ConnectorState#FAULTED}).
 */
public enum ConnectorFault {
  /** Nothing is wrong. */
  NONE,
  /** The cable lock did not lock or unlock. */
  CONNECTOR_LOCK_FAILURE,
  /** Communication with the EV failed, e.g. on the control pilot. */
  EV_COMMUNICATION_ERROR,
  /** The residual current (ground fault) protection tripped. */
  GROUND_FAILURE,
  /** The inside of the charge point is too hot. */
  HIGH_TEMPERATURE,
  /** A hardware or software component of the charge point failed, e.g. the journal cannot be written. */
  INTERNAL_ERROR,
  /** The central system's answer for an idTag contradicts the local authorization list. */
  LOCAL_LIST_CONFLICT,
  /** A fault with no kind of its own; the vendor error code and info tell more. */
  OTHER,
  /** The over-current protection tripped. */
  OVER_CURRENT_FAILURE,
  /** The energy meter could not be read. */
  POWER_METER_FAILURE,
  /** The contactor or relay could not be switched. */
  POWER_SWITCH_FAILURE,
  /** The idTag reader failed. */
  READER_FAILURE,
  /** A reset could not be carried out. */
  RESET_FAILURE,
  /** The supply voltage is below the allowed range. */
  UNDER_VOLTAGE,
  /** The supply voltage is above the allowed range. */
  OVER_VOLTAGE,
  /** The wireless link to the central system is too weak. */
  WEAK_SIGNAL
}
