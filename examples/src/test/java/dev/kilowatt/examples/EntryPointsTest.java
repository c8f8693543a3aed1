package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.ocpp.TrafficListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Every entry point answers --help, --version and a mistake the same way, before any charger starts. */
class EntryPointsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(CommandLine commandLine, String... args) {
    return commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
  }

  private static List<CommandLine> entryPoints() {
    return List.of(CommandLines.of(new SimulatedCharger.Main()), CommandLines.of(new FleetMain()),
        BoardOptions.commandLine("RaspberryPiCharger", RaspberryPiModule.OPTIONS),
        BoardOptions.commandLine("SerialBoardCharger", SerialBoardModule.OPTIONS),
        CommandLines.of(new SmartChargingChart.Main()));
  }

  @Test
  void theVersionIsTheProjectVersion() {
    String version = KilowattVersion.project();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), "filled in by the build: " + version);
    for (CommandLine entryPoint : entryPoints()) {
      out.getBuffer().setLength(0);
      assertEquals(0, execute(entryPoint, "--version"), entryPoint.getCommandName());
      assertEquals("Kilowatt " + version, out.toString().lines().findFirst().orElseThrow(), entryPoint.getCommandName());
    }
  }

  @Test
  void helpListsTheOptionsAndExitsZero() {
    for (CommandLine entryPoint : entryPoints()) {
      out.getBuffer().setLength(0);
      assertEquals(0, execute(entryPoint, "--help"), entryPoint.getCommandName());
      assertTrue(out.toString().startsWith("Usage: " + entryPoint.getCommandName()), out.toString());
      assertTrue(out.toString().contains("--version"), out.toString());
    }
    out.getBuffer().setLength(0);
    execute(BoardOptions.commandLine("RaspberryPiCharger", RaspberryPiModule.OPTIONS), "--help");
    for (String option : List.of("--csms=URL", "--id=ID", "--data-dir=DIR", "--password=P", "--board=FILE", "--meter-port=PATH")) {
      assertTrue(out.toString().contains(option), "the shared options and the board's own: " + option + " in " + out);
    }
  }

  @Test
  void anUnknownOptionIsNamedAndTheUsageOrTheNearestOptionFollows() {
    for (CommandLine entryPoint : entryPoints()) {
      err.getBuffer().setLength(0);
      assertEquals(2, execute(entryPoint, "--bogus"), entryPoint.getCommandName());
      List<String> lines = err.toString().lines().toList();
      assertEquals("Unknown option: '--bogus'", lines.getFirst(), entryPoint.getCommandName());
      assertTrue(lines.get(1).startsWith("Usage: " + entryPoint.getCommandName()) || lines.get(1).startsWith("Possible solutions: --"),
          err.toString());
    }
  }

  @Test
  void aBadValueIsNamedWithItsOption() {
    assertEquals(2, execute(CommandLines.of(new SimulatedCharger.Main()), "--connectors", "99"));
    assertEquals("Invalid value for option '--connectors': must be a number from 1 to 20, not '99'", err.toString().lines().findFirst().orElseThrow());
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefusedBeforeTheChargerStarts(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("not-a-directory"), "");
    assertEquals(2, execute(CommandLines.of(new SimulatedCharger.Main()), "--data-dir", file.toString()), err::toString);
    assertEquals("cannot use --data-dir " + file + ": it is a file, not a directory", err.toString().lines().findFirst().orElseThrow());
  }

  @Test
  void aFactoryConfigurationTheChargerRefusesIsAUsageError(@TempDir Path directory) throws Exception {
    Path config = Files.writeString(directory.resolve("factory.properties"), "HeartbeatIntervall=3600\n");
    assertEquals(2, execute(CommandLines.of(new SimulatedCharger.Main()), "--config", config.toString(),
        "--data-dir", directory.resolve("data").toString()), err::toString);
    assertEquals("--config: factory configuration: HeartbeatIntervall: no such configuration key",
        err.toString().lines().findFirst().orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      --config /no/such/factory.properties | cannot read the factory configuration /no/such/factory.properties: no such file
      --meter-model SDM999 | --meter-model must be one of [SDM120, SDM230, SDM630], not 'SDM999'
      --max-current lots   | --max-current must be a positive number of amperes, not 'lots'
      --max-current -6     | --max-current must be a positive number of amperes, not '-6'
      """)
  void aDeviceOptionTheBoardCannotUseIsAUsageError(String option, String message, @TempDir Path directory) {
    CommandLine serialBoard = BoardChargerMain.commandLine("SerialBoardCharger", SerialBoardModule.OPTIONS,
        options -> DaggerBoardChargerComponents_SerialBoard.factory().create(options, kind -> { }, TrafficListener.NONE));
    List<String> args = new java.util.ArrayList<>(List.of("--csms", "ws://127.0.0.1:1", "--id", "CP-1", "--data-dir", directory.toString(),
        "--evse-port", directory.resolve("tty0").toString(), "--meter-port", directory.resolve("tty1").toString()));
    args.addAll(List.of(option.split(" ")));
    assertEquals(2, execute(serialBoard, args.toArray(String[]::new)), err::toString);
    assertEquals(message, err.toString().lines().findFirst().orElseThrow());
  }

  @Test
  void aBoardWithoutItsRequiredOptionsSaysWhichIsMissing() {
    CommandLine board = BoardOptions.commandLine("SerialBoardCharger", SerialBoardModule.OPTIONS);
    board.parseArgs("--csms", "ws://127.0.0.1:1", "--id", "CP-1", "--evse-port", "/dev/ttyUSB0", "--meter-port", "/dev/ttyUSB1");
    CommandLine.ParameterException missing = org.junit.jupiter.api.Assertions.assertThrows(CommandLine.ParameterException.class,
        () -> BoardOptions.of(board, SerialBoardModule.OPTIONS));
    assertEquals("Missing required option: '--data-dir=DIR'", missing.getMessage());
  }
}
