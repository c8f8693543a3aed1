/**
 * Whether connectors may be used (ChangeAvailability, a firmware update's hold) and the status every
 * connector reports (StatusNotification, MinimumStatusDuration); owns the charge point's own faults.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.availability;
