package dev.kilowatt.core.port;

/**
 * How a reservation ended without a transaction using it or the central system cancelling it, which the central
 * system learns of no other way. OCPP 1.6 has no message for it; OCPP 2.0.1 sends ReservationStatusUpdate.
 */
public enum ReservationEnd {
  /** Its expiry date passed. */
  EXPIRED,
  /** Its connector (for one of any connector: every connector) turned faulted or unavailable. */
  REMOVED
}
