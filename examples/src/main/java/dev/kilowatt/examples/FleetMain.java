package dev.kilowatt.examples;

import dev.kilowatt.examples.fleet.FleetCommand;
import dev.kilowatt.storage.FactoryConfigurationFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The simulator's fleet mode on the command line: the options every charger shares ({@link ConnectionOptions}),
 * {@code --id} aside, as each station is named by the fleet file's idPattern, and the fleet's own.
 */
@Command(name = "kilowatt-simulator", mixinStandardHelpOptions = true, versionProvider = KilowattVersion.class,
    description = "Fleet mode: runs many simulated stations in this process against the central system at --csms,"
        + " printing a summary line every few seconds, until the fleet file's runFor has passed or the process is stopped.")
final class FleetMain implements Callable<Integer> {

  @Mixin
  private ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--fleet", paramLabel = "N", converter = Count.class, description = "run N simulated stations in this process")
  private Integer stations;

  @Option(names = "--fleet-file", paramLabel = "F",
      description = "the fleet's description (properties: idPattern, connectors, seed, ramp, behaviour...)")
  private Path fleetFile;

  @Option(names = "--fleet-offset", paramLabel = "K", converter = Count.class,
      description = "number the stations from K (default: the file's offset, else 0)")
  private Integer offset;

  @Option(names = "--fleet-slice", paramLabel = "I", converter = Count.class,
      description = "number them from I * N: pod I of an indexed Kubernetes job takes slice I")
  private Integer slice;

  @Spec
  private CommandSpec spec;

  /** Whether {@code args} ask for fleet mode rather than one simulated charger. */
  static boolean wanted(String... args) {
    return List.of(args).stream().anyMatch(arg -> arg.equals("--fleet") || arg.startsWith("--fleet=")
        || arg.equals("--fleet-file") || arg.startsWith("--fleet-file="));
  }

  @Override
  public Integer call() {
    FleetCommand.Options options;
    try {
      options = options();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try {
      return FleetCommand.run(options, System.out);
    } catch (FleetCommand.RefusedConfiguration e) {
      throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage(), e);
    }
  }

  /** The fleet the command line asks for, its files read. */
  FleetCommand.Options options() {
    if (connection.chargePointId().isPresent()) {
      throw new IllegalArgumentException("--id does not apply to a fleet: the fleet file's idPattern names each station");
    }
    var centralSystem = connection.centralSystem()
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "Missing required option: '--csms=URL'"));
    Map<String, String> factory = new LinkedHashMap<>();
    connection.configurationFile().ifPresent(file -> factory.putAll(FactoryConfigurationFile.read(file)));
    connection.password().ifPresent(password -> {
      factory.put("AuthorizationKey", ConnectionOptions.authorizationKey(password));
      factory.put("SecurityProfile", "1");
    });
    FleetCommand.Options options = new FleetCommand.Options(centralSystem, Optional.ofNullable(fleetFile), optional(stations),
        optional(offset), optional(slice), connection.dataDirectory(), factory);
    // read now, so that a fleet file that cannot be used is a usage error like a bad option
    FleetCommand.check(options);
    return options;
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  static final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, like a negative number
      }
      throw new TypeConversionException("must be a whole number of 0 or more, not '" + value + "'");
    }
  }
}
