/**
 * TriggerMessage and ExtendedTriggerMessage: which message a trigger asks for, and whether it can be sent.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.trigger;
