/**
 * The charge point's place in the central system (OCPP 2.0.1 block B): BootNotification and its
 * registration status, Heartbeat and the clock it sets, GetConfiguration and ChangeConfiguration, Reset and reboots.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.provisioning;
