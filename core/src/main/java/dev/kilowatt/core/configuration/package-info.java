/**
 * The configuration keys (OCPP 1.6 section 9): their types, access, defaults, persisted values and change
 * listeners. The calls that read and change them belong to provisioning.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.configuration;
