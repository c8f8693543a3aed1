package dev.kilowatt.examples;

import dev.kilowatt.ocpp.ReconnectBackoff;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a simulated charger is built from.
 *
 * @param centralSystem the central system's base URL; the charger connects to it plus {@code /} plus its id
 * @param chargePointId the charge point's identity
 * @param dataDirectory where the charge point's durable state and the meters' registers live
 * @param connectors how many connectors, each with its own EV
 * @param factoryConfiguration OCPP configuration values used until the central system changes them
 * @param meterPollInterval how often each simulated meter is read, and its register saved
 * @param reconnect how long the link waits before connecting again after losing the central system
 * @param phases the phases each connector supplies, 1 or 3
 * @param sockets whether the connectors are socket outlets with a lock rather than fixed cables
 * @param configurationFile a properties file of factory configuration values, read before {@code factoryConfiguration}
 * @param protocol the OCPP the charger speaks
 */
record SimulatorSettings(URI centralSystem, String chargePointId, Path dataDirectory, int connectors,
    Map<String, String> factoryConfiguration, Duration meterPollInterval, ReconnectBackoff reconnect, int phases, boolean sockets,
    Optional<Path> configurationFile, Protocol protocol) {

  SimulatorSettings {
    Objects.requireNonNull(centralSystem, "centralSystem");
    Objects.requireNonNull(chargePointId, "chargePointId");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    factoryConfiguration = Map.copyOf(factoryConfiguration);
    Objects.requireNonNull(meterPollInterval, "meterPollInterval");
    Objects.requireNonNull(reconnect, "reconnect");
    Objects.requireNonNull(configurationFile, "configurationFile");
    Objects.requireNonNull(protocol, "protocol");
    if (connectors < 1) {
      throw new IllegalArgumentException("a charger has at least one connector: " + connectors);
    }
    if (phases != 1 && phases != 3) {
      throw new IllegalArgumentException("a connector supplies 1 or 3 phases: " + phases);
    }
  }

  /**
   * One single-phase fixed-cable connector, the charger's own configuration defaults, meters read every second, the
   * link's standard back-off.
   */
  static SimulatorSettings of(URI centralSystem, String chargePointId, Path dataDirectory) {
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, 1, Map.of(), Duration.ofSeconds(1),
        ReconnectBackoff.standard(), 1, false, Optional.empty(), Protocol.OCPP16);
  }

  /** These settings with connectors of {@code count} phases, socket outlets or fixed cables as {@code withSockets} says. */
  SimulatorSettings withConnectorKind(int count, boolean withSockets) {
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, connectors, factoryConfiguration, meterPollInterval,
        reconnect, count, withSockets, configurationFile, protocol);
  }

  SimulatorSettings withConnectors(int count) {
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, count, factoryConfiguration, meterPollInterval,
        reconnect, phases, sockets, configurationFile, protocol);
  }

  /** These settings with reconnection attempts every 100 ms to 1 s, for a central system on loopback. */
  SimulatorSettings withFastReconnect() {
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, connectors, factoryConfiguration, meterPollInterval,
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.25), phases, sockets, configurationFile, protocol);
  }

  /** These settings with one more factory configuration value (replacing an earlier one for the same key). */
  SimulatorSettings withConfiguration(String key, String value) {
    Map<String, String> values = new HashMap<>(factoryConfiguration);
    values.put(key, value);
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, connectors, values, meterPollInterval, reconnect, phases, sockets,
        configurationFile, protocol);
  }

  /** These settings with the factory configuration file {@code file}. */
  SimulatorSettings withConfigurationFile(Path file) {
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, connectors, factoryConfiguration, meterPollInterval,
        reconnect, phases, sockets, Optional.of(file), protocol);
  }

  /** These settings speaking {@code chosen} to the central system. */
  SimulatorSettings withProtocol(Protocol chosen) {
    return new SimulatorSettings(centralSystem, chargePointId, dataDirectory, connectors, factoryConfiguration, meterPollInterval,
        reconnect, phases, sockets, configurationFile, chosen);
  }
}
