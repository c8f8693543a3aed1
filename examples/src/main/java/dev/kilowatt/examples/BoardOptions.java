package dev.kilowatt.examples;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line of a charger on real hardware: where the central system is, who the charger is, where
 * its state lives, and which device files or board description its adapters use.
 *
 * @param devices the board-specific options (e.g. {@code --board}, {@code --meter-port}) by name
 * @param configurationFile {@code --config}: the factory configuration file, if any
 */
record BoardOptions(URI centralSystem, String chargePointId, Path dataDirectory, Optional<String> password, Map<String, String> devices,
    Optional<Path> configurationFile) {

  /** An option a board adds to the shared ones, e.g. {@code --board FILE}. */
  record Device(String name, String label, boolean required, String description) {}

  private static final String CONNECTION = "connection";

  BoardOptions {
    Objects.requireNonNull(centralSystem, "centralSystem");
    Objects.requireNonNull(chargePointId, "chargePointId");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(password, "password");
    devices = Map.copyOf(devices);
    Objects.requireNonNull(configurationFile, "configurationFile");
  }

  /** The command line of one board: the shared {@link ConnectionOptions}, the board's devices, help and version. */
  static CommandLine commandLine(String name, List<Device> devices) {
    CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true).versionProvider(new KilowattVersion());
    spec.addMixin(CONNECTION, CommandSpec.forAnnotatedObject(new ConnectionOptions()));
    for (Device device : devices) {
      // required options are checked after parsing, like --csms, so that an unknown option is named first
      spec.addOption(OptionSpec.builder(device.name()).paramLabel(device.label()).type(String.class)
          .description(device.description() + (device.required() ? " (required)" : "")).build());
    }
    spec.usageMessage().description("A charger on real hardware; every OCPP message is printed on standard output.");
    return CommandLines.configure(new CommandLine(spec));
  }

  /**
   * Reads {@code --csms URL --id ID --data-dir DIR [--password P]} and the board's own options.
   *
   * @throws ParameterException with a message for people when an option is unknown, repeated, missing or bad
   */
  static BoardOptions parse(List<Device> devices, String... args) {
    CommandLine commandLine = commandLine("board", devices);
    commandLine.parseArgs(args);
    return of(commandLine, devices);
  }

  /** The options a parsed board command line holds. */
  static BoardOptions of(CommandLine parsed, List<Device> devices) {
    CommandSpec spec = parsed.getCommandSpec();
    ConnectionOptions connection = (ConnectionOptions) spec.mixins().get(CONNECTION).userObject();
    Map<String, String> given = new HashMap<>();
    for (Device device : devices) {
      Optional<String> value = Optional.ofNullable(spec.findOption(device.name()).getValue());
      if (device.required()) {
        required(parsed, value, device.name() + "=" + device.label());
      }
      value.ifPresent(v -> given.put(device.name(), v));
    }
    return new BoardOptions(required(parsed, connection.centralSystem(), "--csms=URL"),
        required(parsed, connection.chargePointId(), "--id=ID"),
        required(parsed, connection.dataDirectory(), "--data-dir=DIR"), connection.password(), given,
        connection.configurationFile());
  }

  private static <T> T required(CommandLine parsed, Optional<T> value, String option) {
    return value.orElseThrow(() -> new ParameterException(parsed, "Missing required option: '" + option + "'"));
  }

  Optional<String> device(String option) {
    return Optional.ofNullable(devices.get(option));
  }

  /**
   * The current an option gives in amperes, {@code fallback} when it is absent.
   *
   * @throws IllegalArgumentException naming the option when the value is no positive number
   */
  double amperes(String option, double fallback) {
    Optional<String> value = device(option);
    try {
      double amperes = value.map(Double::parseDouble).orElse(fallback);
      if (amperes > 0 && Double.isFinite(amperes)) {
        return amperes;
      }
    } catch (NumberFormatException e) {
      // reported below, like a current that is not positive
    }
    throw new IllegalArgumentException(option + " must be a positive number of amperes, not '" + value.orElse("") + "'");
  }
}
