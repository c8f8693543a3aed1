package dev.kilowatt.examples.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.examples.FleetCentralSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Small fleets against a central system on loopback. */
@Timeout(120)
class FleetTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int STATIONS = 20;
  /** Short sessions one after the other, a third of them started by the app. */
  private static final String BUSY = """
      stations=20
      idPattern=TEST-%03d
      seed=7
      ramp=100
      meterPoll=1s
      idle=300ms
      sessionMin=500ms
      sessionMax=1s
      energyMin=1
      energyMax=2
      cards=10
      remoteStarts=0.3
      faultEvery=0s
      dropEvery=0s
      """;

  @TempDir
  Path dataRoot;

  private FleetCentralSystem centralSystem;
  private Fleet fleet;

  @BeforeEach
  void startCentralSystem() {
    centralSystem = FleetCentralSystem.open();
  }

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    centralSystem.close();
  }

  @Test
  void aFleetBootsRunsSessionsAndCountsWhatTheCentralSystemSaw() throws Exception {
    fleet = Fleet.start(FleetFile.parse(BUSY), centralSystem.url(), dataRoot, Map.of());

    fleet.await(s -> s.connected() == STATIONS && s.booted() == STATIONS, TIMEOUT);
    fleet.await(s -> s.done() >= 3 * STATIONS && s.remoteStarts() >= 5, TIMEOUT);
    // the two sides agree whenever no call is under way
    Summary agreed = fleet.await(s -> {
      FleetCentralSystem.Counts seen = centralSystem.counts();
      return s.booted() == seen.boots() && s.started() == seen.starts() && s.done() == seen.stops()
          && s.remoteStarts() == seen.remoteStartsSent() && s.connected() == seen.connections();
    }, TIMEOUT);

    assertEquals(STATIONS, agreed.connected());
    assertEquals(0, agreed.errors());
    assertEquals(STATIONS, Files.list(dataRoot).count(), "a data directory per station");
    assertTrue(Files.isDirectory(dataRoot.resolve("TEST-019")));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataRoot.resolve("TEST-019"))),
        "made by the fleet a tick's worth at a time, as the storage makes them");
    assertTrue(agreed.frames() > 0 && agreed.latencyMillis(0.99) > 0, agreed.line());
  }

  @Test
  void stationsLoseTheirLinkAndComeBackAndReportTheirFaultsAndOneThatCannotStartIsCounted() throws Exception {
    String unreliable = BUSY.replace("faultEvery=0s", "faultEvery=2s\nfaultLength=300ms")
        .replace("dropEvery=0s", "dropEvery=2s\nofflineMax=500ms").replace("stations=20", "stations=5");
    Files.writeString(dataRoot.resolve("TEST-002"), "a file where station TEST-002's data directory would go");
    fleet = Fleet.start(FleetFile.parse(unreliable), centralSystem.url(), dataRoot, Map.of());

    fleet.await(s -> s.booted() == 4 && s.errors() >= 1 && s.drops() >= 4 && s.faults() >= 4, TIMEOUT);
    fleet.await(s -> centralSystem.counts().connections() > 4 && centralSystem.counts().faulted() > 0, TIMEOUT);
  }

  @Test
  void theCommandRunsForTheFilesTimeAndPrintsSummaries() throws Exception {
    Path file = dataRoot.resolve("fleet.properties");
    Files.writeString(file, BUSY.replace("stations=20", "stations=3") + "runFor=2s\nsummary=500ms\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = FleetCommand.run(new FleetCommand.Options(centralSystem.url(), Optional.of(file), OptionalInt.empty(),
        OptionalInt.empty(), OptionalInt.empty(), Optional.of(dataRoot.resolve("stations")), Map.of()),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status);
    assertTrue(printed.startsWith("# fleet of 3 stations TEST-000..TEST-002"), printed);
    assertTrue(printed.lines().filter(l -> l.startsWith("t=")).count() >= 2, printed);
    assertEquals(3, Files.list(dataRoot.resolve("stations")).count(), "kept: --data-dir was given");
  }
}
