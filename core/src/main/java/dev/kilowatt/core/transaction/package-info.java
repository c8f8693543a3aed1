/**
 * Transactions: the start and stop flow (cards, plug, remote start and stop), the durable StartTransaction,
 * StopTransaction and MeterValues messages, sampling and transactionData, and the recovery after a power cut.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.transaction;
