/**
 * Simulated charger hardware: the core's hardware ports backed by a model of the circuit instead of a
 * board, for tests on virtual time and for a simulated charger on the real event loop.
 *
 * <p>{@link dev.kilowatt.sim.SimulatedConnector} gives one connector's relay, pilot and meter ports and
 * the EV on its cable, on one phase or three, with a {@link dev.kilowatt.sim.SimulatedPhaseSwitch} on a
 * three-phase one; {@link dev.kilowatt.sim.SimulatedConnectorLock} is a socket's locking actuator and
 * {@link dev.kilowatt.sim.SimulatedIndicator} the charge point's light; {@link dev.kilowatt.sim.SimulatedRfidReader} is the card reader;
 * {@link dev.kilowatt.sim.MeterRegisterFile} carries a meter's register across restarts.
 */
package dev.kilowatt.sim;
