package dev.kilowatt.examples;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The simulated charger's command line. Its shape is a contract: scripts outside this repository drive the
 * simulator with exactly these options.
 *
 * @param centralSystem {@code --csms}: the central system's base URL; absent means the built-in demo
 * @param chargePointId {@code --id}: the identity appended to the URL
 * @param dataDirectory {@code --data-dir}: where durable state lives; absent means a fresh temporary directory
 * @param connectors {@code --connectors}: how many connectors the charger has
 * @param password {@code --password}: the HTTP Basic authentication key (the factory {@code AuthorizationKey})
 * @param httpPort {@code --http}: the loopback port of the live web console; absent means no web console
 * @param phases {@code --phases}: whether each connector supplies one phase or three
 * @param socket {@code --socket}: the connectors are socket outlets with a lock instead of fixed cables
 * @param configurationFile {@code --config}: the factory configuration file; absent means the built-in defaults
 * @param protocol {@code --protocol}: {@code 1.6} (the default), {@code 2.0.1}, or {@code auto} (both offered, the
 *     central system's choice spoken)
 */
record SimulatorOptions(Optional<URI> centralSystem, String chargePointId, Optional<Path> dataDirectory, int connectors,
    Optional<String> password, Optional<Integer> httpPort, int phases, boolean socket,
    Optional<Path> configurationFile, Protocol protocol) {

  static final String DEFAULT_ID = "KW-SIM-1";
  static final int MAX_CONNECTORS = 20;

  SimulatorOptions {
    Objects.requireNonNull(centralSystem, "centralSystem");
    Objects.requireNonNull(chargePointId, "chargePointId");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(httpPort, "httpPort");
    Objects.requireNonNull(configurationFile, "configurationFile");
    Objects.requireNonNull(protocol, "protocol");
    if (httpPort.isPresent() && centralSystem.isEmpty()) {
      throw new IllegalArgumentException("--http needs --csms: the demo session without it ends by itself");
    }
  }

  /**
   * The options as picocli reads them: the shared ones and the simulator's own. A new option is a field here
   * and a component of the record.
   */
  static final class Line {

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--connectors", paramLabel = "N", converter = ConnectorCount.class, defaultValue = "1",
        description = "number of connectors, 1.." + MAX_CONNECTORS + " (default: ${DEFAULT-VALUE})")
    private int connectors;

    @Option(names = "--http", paramLabel = "PORT", converter = HttpPort.class,
        description = "serve the live web console on http://127.0.0.1:PORT/ (with --csms)")
    private Optional<Integer> httpPort = Optional.empty();

    @Option(names = "--phases", paramLabel = "1|3", converter = PhaseCount.class, defaultValue = "1",
        description = "phases each connector supplies (default: ${DEFAULT-VALUE})")
    private int phases;

    @Option(names = "--socket", description = "socket outlets whose lock holds the plug, instead of fixed cables")
    private boolean socket;

    @Option(names = "--protocol", paramLabel = "1.6|2.0.1|auto", converter = ProtocolName.class, defaultValue = "1.6",
        description = "the OCPP spoken to the central system (default: ${DEFAULT-VALUE})")
    private Protocol protocol;

    SimulatorOptions options() {
      return new SimulatorOptions(connection.centralSystem(), connection.chargePointId().orElse(DEFAULT_ID),
          connection.dataDirectory(), connectors, connection.password(), httpPort, phases, socket,
          connection.configurationFile(), protocol);
    }
  }

  /**
   * Reads the command line.
   *
   * @throws picocli.CommandLine.ParameterException with a message for people when an option is unknown,
   *     repeated, missing its value or has a bad one
   */
  static SimulatorOptions parse(String... args) {
    Line line = new Line();
    CommandLine commandLine = CommandLines.of(line);
    commandLine.parseArgs(args);
    try {
      return line.options();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage(), e);
    }
  }

  static final class ConnectorCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1 && n <= MAX_CONNECTORS) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, like an out-of-range count
      }
      throw new TypeConversionException("must be a number from 1 to " + MAX_CONNECTORS + ", not '" + value + "'");
    }
  }

  static final class HttpPort implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 1 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below, like an out-of-range port
      }
      throw new TypeConversionException("must be a TCP port from 1 to 65535, not '" + value + "'");
    }
  }

  static final class PhaseCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return switch (value) {
        case "1" -> 1;
        case "3" -> 3;
        default -> throw new TypeConversionException("must be 1 or 3, not '" + value + "'");
      };
    }
  }

  static final class ProtocolName implements ITypeConverter<Protocol> {
    @Override
    public Protocol convert(String value) {
      for (Protocol protocol : Protocol.values()) {
        if (protocol.option().equals(value)) {
          return protocol;
        }
      }
      throw new TypeConversionException("must be 1.6, 2.0.1 or auto, not '" + value + "'");
    }
  }
}
