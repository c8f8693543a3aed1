package dev.kilowatt.examples;

import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.Indicator;
import dev.kilowatt.core.port.RfidReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a board module hands to the charge point: its connector, its card reader, its light, and what must be
 * closed when the charger stops (serial ports, the Pi4J context).
 */
record BoardHardware(ConnectorHardware connector, Optional<RfidReader> reader, Optional<Indicator> indicator,
    List<AutoCloseable> resources) {

  BoardHardware {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(indicator, "indicator");
    resources = List.copyOf(resources);
  }
}
