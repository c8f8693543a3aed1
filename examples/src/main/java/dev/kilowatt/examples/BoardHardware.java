package dev.kilowatt.examples;

import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.RfidReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a board module hands to the charge point: its connector, its card reader, and what must be closed
 * when the charger stops (serial ports, the Pi4J context).
 */
record BoardHardware(ConnectorHardware connector, Optional<RfidReader> reader, List<AutoCloseable> resources) {

  BoardHardware {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(reader, "reader");
    resources = List.copyOf(resources);
  }
}
