/**
 * Reservations (ReserveNow, CancelReservation) and the choice of the connector a start may use.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.reservation;
