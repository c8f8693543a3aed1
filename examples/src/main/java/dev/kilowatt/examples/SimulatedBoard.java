package dev.kilowatt.examples;

import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.sim.MeterRegisterFile;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedConnectorLock;
import dev.kilowatt.sim.SimulatedEv;
import dev.kilowatt.sim.SimulatedRfidReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The simulated charger's hardware: its connectors, each with an EV on its cable, and the card reader. Each
 * meter's register lives in the data directory and is saved before each reading reaches the charger, so a
 * killed simulator resumes counting at or above the last reading, as a real meter would after a power cut.
 */
@Singleton
final class SimulatedBoard implements AutoCloseable {

  private final List<SimulatedConnector> connectors = new ArrayList<>();
  private final List<SimulatedConnectorLock> locks = new ArrayList<>();
  private final SimulatedRfidReader reader = new SimulatedRfidReader();

  @Inject
  SimulatedBoard(Scheduler scheduler, SimulatorSettings settings) {
    for (int id = 1; id <= settings.connectors(); id++) {
      connectors.add(SimulatedConnector.keepingRegisterIn(
          MeterRegisterFile.forConnector(settings.dataDirectory(), id), scheduler,
          SimulatedConnector.Settings.defaults().withPhases(settings.phases()).withMeterPollInterval(settings.meterPollInterval())));
      if (settings.sockets()) {
        locks.add(new SimulatedConnectorLock());
      }
    }
  }

  /** The lock of connector {@code id}'s socket, counted from 1; fixed cables have none. */
  Optional<SimulatedConnectorLock> lock(int id) {
    return locks.isEmpty() ? Optional.empty() : Optional.of(locks.get(id - 1));
  }

  List<SimulatedConnector> connectors() {
    return List.copyOf(connectors);
  }

  /** Connector {@code id}, counted from 1. */
  SimulatedConnector connector(int id) {
    return connectors.get(id - 1);
  }

  SimulatedEv ev(int connectorId) {
    return connector(connectorId).ev();
  }

  SimulatedRfidReader reader() {
    return reader;
  }

  /** What each EV sets on its pilot line, connector 1 first: what stays true while the charger reboots. */
  List<PilotState> evStates() {
    return connectors.stream().map(c -> c.ev().state()).toList();
  }

  /** Puts each EV back where it was before a reboot. */
  void resume(List<PilotState> evStates) {
    for (int i = 0; i < Math.min(evStates.size(), connectors.size()); i++) {
      SimulatedEv ev = connectors.get(i).ev();
      PilotState state = evStates.get(i);
      if (state.evConnected()) {
        ev.plug();
      }
      if (state.evRequestsEnergy()) {
        ev.requestEnergy();
      }
    }
  }

  /** Saves each meter's register a last time and stops the simulated hardware. */
  @Override
  public void close() {
    connectors.forEach(SimulatedConnector::close);
  }
}
