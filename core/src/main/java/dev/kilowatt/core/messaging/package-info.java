/**
 * How the charge point talks to the central system: the outbox every outgoing call goes through (transaction
 * messages saved and retried, others sent only while online), the call router that hands each incoming call to the
 * block that registered its action, the traffic log diagnostics report, and the error counters.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.messaging;
