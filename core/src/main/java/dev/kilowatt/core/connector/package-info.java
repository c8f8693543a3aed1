/**
 * One connector's state and its one owner: what the hardware reports (pilot, meter, faults), whether it is
 * operative, an authorization waiting for the EV, the running transaction, the smart-charging limit and the
 * reservation flag. Its methods keep the invariants (one transaction at a time, inoperative only once the
 * transaction is over) and derive its {@link dev.kilowatt.core.ConnectorState} and what the pilot and relay must do.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.connector;
