package dev.kilowatt.examples;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated charger's command line. Its shape is a contract: scripts outside this repository drive the
 * simulator with exactly these options.
 *
 * @param centralSystem {@code --csms}: the central system's base URL; absent means the built-in demo
 * @param chargePointId {@code --id}: the identity appended to the URL
 * @param dataDirectory {@code --data-dir}: where durable state lives; absent means a fresh temporary directory
 * @param connectors {@code --connectors}: how many connectors the charger has
 * @param password {@code --password}: the HTTP Basic authentication key (the factory {@code AuthorizationKey})
 * @param phases {@code --phases}: whether each connector supplies one phase or three
 * @param socket {@code --socket}: the connectors are socket outlets with a lock instead of fixed cables
 */
record SimulatorOptions(Optional<URI> centralSystem, String chargePointId, Optional<Path> dataDirectory, int connectors,
    Optional<String> password, int phases, boolean socket) {

  static final String DEFAULT_ID = "KW-SIM-1";
  static final int MAX_CONNECTORS = 20;

  static final String USAGE = """
      usage: java -jar kilowatt-simulator.jar [--csms URL] [--id ID] [--data-dir DIR] [--connectors N] [--password P]
                                              [--phases 1|3] [--socket]
        --csms URL       central system base URL (ws:// or wss://); the charger connects to URL/ID.
                         Without it, a demo central system starts on loopback and one charging session plays.
        --id ID          charge point identity (default %s)
        --data-dir DIR   durable state; a restart with the same DIR resumes (default: a temporary directory)
        --connectors N   number of connectors, 1..%d (default 1)
        --password P     HTTP Basic authentication key (AuthorizationKey)
        --phases 1|3     phases each connector supplies (default 1)
        --socket         socket outlets whose lock holds the plug, instead of fixed cables
        --fleet N        run N simulated stations in one process instead (see --fleet-file and the README)
        --fleet-file F   the fleet's description: identities, connectors, seed, ramp, behaviour
      console commands, one a line on standard input (connector c defaults to 1):
        plug [c] | ev-charge [c] | ev-pause [c] | unplug [c] | card IDTAG | fault [c] ERRORCODE | clear-fault [c]
        lock-stick [c] | lock-free [c] (with --socket) | status | quit""".formatted(DEFAULT_ID, MAX_CONNECTORS);

  SimulatorOptions {
    Objects.requireNonNull(centralSystem, "centralSystem");
    Objects.requireNonNull(chargePointId, "chargePointId");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException with a message for people when an option is unknown, repeated, missing
   *     its value or has a bad one
   */
  static SimulatorOptions parse(String... args) {
    Optional<URI> csms = Optional.empty();
    Optional<String> id = Optional.empty();
    Optional<Path> dataDir = Optional.empty();
    Optional<Integer> connectors = Optional.empty();
    Optional<String> password = Optional.empty();
    Optional<Integer> phases = Optional.empty();
    Optional<Boolean> socket = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--socket")) {
        socket = once(option, socket, true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--csms" -> csms = once(option, csms, centralSystemUrl(value));
        case "--id" -> id = once(option, id, chargePointId(value));
        case "--data-dir" -> dataDir = once(option, dataDir, Path.of(value));
        case "--connectors" -> connectors = once(option, connectors, connectorCount(value));
        case "--password" -> password = once(option, password, password(value));
        case "--phases" -> phases = once(option, phases, phaseCount(value));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new SimulatorOptions(csms, id.orElse(DEFAULT_ID), dataDir, connectors.orElse(1), password, phases.orElse(1),
        socket.orElse(false));
  }

  static <T> Optional<T> once(String option, Optional<T> before, T value) {
    if (before.isPresent()) {
      throw new IllegalArgumentException(option + " given twice");
    }
    return Optional.of(value);
  }

  static URI centralSystemUrl(String value) {
    try {
      URI uri = new URI(value);
      if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--csms needs a ws:// or wss:// URL with a host: " + value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--csms is not a URL: " + value, e);
    }
  }

  static String chargePointId(String value) {
    if (value.isEmpty() || value.length() > 48 || !value.chars().allMatch(c -> c > ' ' && c < 127 && c != '/')) {
      throw new IllegalArgumentException("--id must be 1 to 48 printable ASCII characters without '/' or spaces: " + value);
    }
    return value;
  }

  private static int connectorCount(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX_CONNECTORS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range count
    }
    throw new IllegalArgumentException("--connectors must be a number from 1 to " + MAX_CONNECTORS + ": " + value);
  }

  private static int phaseCount(String value) {
    return switch (value) {
      case "1" -> 1;
      case "3" -> 3;
      default -> throw new IllegalArgumentException("--phases must be 1 or 3: " + value);
    };
  }

  /** The AuthorizationKey for a Basic-auth password: its bytes in hexadecimal (security white paper A00.FR.205). */
  static String authorizationKey(String password) {
    return java.util.HexFormat.of().formatHex(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String password(String value) {
    if (value.isEmpty() || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 20) {
      throw new IllegalArgumentException("--password must be 1 to 20 bytes (the AuthorizationKey holds at most 20)");
    }
    return value;
  }
}
