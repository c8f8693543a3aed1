package dev.kilowatt.examples;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a charger on real hardware: where the central system is, who the charger is, where
 * its state lives, and which device files or board description its adapters use.
 *
 * @param devices the board-specific options (e.g. {@code --board}, {@code --meter-port}) by name
 */
record BoardOptions(URI centralSystem, String chargePointId, Path dataDirectory, Optional<String> password, Map<String, String> devices) {

  BoardOptions {
    Objects.requireNonNull(centralSystem, "centralSystem");
    Objects.requireNonNull(chargePointId, "chargePointId");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(password, "password");
    devices = Map.copyOf(devices);
  }

  /**
   * Reads {@code --csms URL --id ID --data-dir DIR [--password P]} and the board's own options.
   *
   * @param boardOptions the options this board accepts besides the common ones, e.g. {@code --board}
   */
  static BoardOptions parse(Set<String> boardOptions, String... args) {
    Optional<URI> csms = Optional.empty();
    Optional<String> id = Optional.empty();
    Optional<Path> dataDir = Optional.empty();
    Optional<String> password = Optional.empty();
    Map<String, String> devices = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[i + 1];
      switch (option) {
        case "--csms" -> csms = SimulatorOptions.once(option, csms, SimulatorOptions.centralSystemUrl(value));
        case "--id" -> id = SimulatorOptions.once(option, id, SimulatorOptions.chargePointId(value));
        case "--data-dir" -> dataDir = SimulatorOptions.once(option, dataDir, Path.of(value));
        case "--password" -> password = SimulatorOptions.once(option, password, SimulatorOptions.password(value));
        default -> {
          if (!boardOptions.contains(option)) {
            throw new IllegalArgumentException("unknown option " + option);
          }
          if (devices.putIfAbsent(option, value) != null) {
            throw new IllegalArgumentException(option + " given twice");
          }
        }
      }
    }
    return new BoardOptions(csms.orElseThrow(() -> new IllegalArgumentException("--csms is required")),
        id.orElseThrow(() -> new IllegalArgumentException("--id is required")),
        dataDir.orElseThrow(() -> new IllegalArgumentException("--data-dir is required")), password, devices);
  }

  Optional<String> device(String option) {
    return Optional.ofNullable(devices.get(option));
  }
}
