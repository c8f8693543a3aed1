package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.examples.fleet.FleetCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The fleet's command line: the chargers' shared options and the fleet's own, read by picocli. */
class FleetMainTest {

  private final StringWriter err = new StringWriter();
  private final FleetMain main = new FleetMain();
  private final CommandLine commandLine = CommandLines.of(main).setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter()));

  private FleetCommand.Options parse(String... args) {
    commandLine.parseArgs(args);
    return main.options();
  }

  @Test
  void theCommandLineSizesTheFleetAndGivesAPodItsSlice() {
    FleetCommand.Options options = parse("--csms", "ws://127.0.0.1:9/ocpp", "--fleet", "1000", "--fleet-slice", "3", "--password", "s3cret",
        "--data-dir", "/var/lib/fleet");
    assertEquals(new FleetCommand.Options(URI.create("ws://127.0.0.1:9/ocpp"), Optional.empty(), OptionalInt.of(1000), OptionalInt.empty(),
        OptionalInt.of(3), Optional.of(Path.of("/var/lib/fleet")), Map.of("AuthorizationKey", "733363726574", "SecurityProfile", "1")), options);
    assertEquals(OptionalInt.of(7), parse("--csms", "ws://h/", "--fleet=2", "--fleet-offset", "7").offset());
  }

  @Test
  void theFactoryConfigurationFileIsEveryStationsAndThePasswordIsAddedToIt(@TempDir Path directory) throws Exception {
    Path config = Files.writeString(directory.resolve("factory.properties"), "HeartbeatInterval=3600\nMeterValueSampleInterval=30\n");
    assertEquals(Map.of("HeartbeatInterval", "3600", "MeterValueSampleInterval", "30", "AuthorizationKey", "70", "SecurityProfile", "1"),
        parse("--csms", "ws://h/", "--fleet", "2", "--config", config.toString(), "--password", "p").factoryConfiguration());
  }

  @Test
  void aFactoryConfigurationTheStationsRefuseIsAUsageErrorBeforeAnyStationStarts(@TempDir Path directory) throws Exception {
    Path config = Files.writeString(directory.resolve("factory.properties"), "HeartbeatIntervall=3600\nNumberOfConnectors=2\n");
    Path stations = directory.resolve("stations");
    assertEquals(2, commandLine.execute("--csms", "ws://127.0.0.1:9/ocpp", "--fleet", "3", "--config", config.toString(),
        "--data-dir", stations.toString()), err::toString);
    assertEquals("--config: factory configuration: NumberOfConnectors=2: read-only, derived from how the charge point is built; "
        + "HeartbeatIntervall: no such configuration key", err.toString().lines().findFirst().orElseThrow());
    assertTrue(!Files.exists(stations) || Files.list(stations).findAny().isEmpty(), "no station started");
  }

  @Test
  void fleetModeIsAskedForByTheFleetsOptions() {
    assertTrue(FleetMain.wanted("--csms", "ws://h/", "--fleet-file", "f"));
    assertTrue(FleetMain.wanted("--fleet=3"));
    assertTrue(!FleetMain.wanted("--csms", "ws://h/", "--id", "fleet"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      --fleet 10                                       | Missing required option: '--csms=URL'
      --csms http://h/ --fleet 10                      | Invalid value for option '--csms': needs a ws:// or wss:// URL with a host, not 'http://h/'
      --csms ws://h/ --fleet 0                         | stations must be at least 1: 0
      --csms ws://h/ --fleet -3                        | Invalid value for option '--fleet': must be a whole number of 0 or more, not '-3'
      --csms ws://h/ --fleet 10 --fleet-offset 1 --fleet-slice 1 | give --fleet-offset or --fleet-slice, not both
      --csms ws://h/ --fleet 10 --id X                 | --id does not apply to a fleet: the fleet file's idPattern names each station
      --csms ws://h/ --fleet                           | Missing required parameter for option '--fleet' (N)
      --csms ws://h/ --fleet 2 --fleet 3               | option '--fleet' (N) should be specified only once
      --csms ws://h/ --fleet-file /no/such/fleet.properties | /no/such/fleet.properties
      --csms ws://h/ --fleet 2 --config /no/such/factory.properties | cannot read the factory configuration /no/such/factory.properties: no such file
      --csms ws://h/ --fleet 2 --bogus                 | Unknown option: '--bogus'
      """)
  void aBadCommandLineIsNamedAndExitsWithStatusTwo(String line, String message) {
    assertEquals(2, commandLine.execute(line.split(" +")), err::toString);
    String first = err.toString().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith(message) || first.contains(message), first);
  }
}
