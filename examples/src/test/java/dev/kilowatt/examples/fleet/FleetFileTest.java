package dev.kilowatt.examples.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileTest {

  @TempDir
  Path directory;

  @Test
  void anEmptyFileIsAPublicSiteFleet() {
    FleetFile file = FleetFile.parse("");
    assertEquals(100, file.stations());
    assertEquals("FLEET-00042", file.chargePointId(42));
    assertEquals(Behaviour.publicSite(), file.behaviour());
    assertEquals(Duration.ZERO, file.runFor());
  }

  @Test
  void readsEveryKey() throws IOException {
    Path path = directory.resolve("fleet.properties");
    Files.writeString(path, """
        # a depot
        stations=3
        idPattern=DEPOT-%03d
        offset=10
        connectors=2
        seed=99
        ramp=50
        summary=2s
        meterPoll=500ms
        ping=10s
        runFor=1h
        idle=20m
        sessionMin=8h
        sessionMax=10h
        energyMin=20
        energyMax=60
        cards=40
        remoteStarts=0
        faultEvery=0s
        faultLength=1m
        dropEvery=2d
        offlineMax=30s
        """);
    FleetFile file = FleetFile.read(path);
    assertEquals(new FleetFile(3, "DEPOT-%03d", 10, 2, 99, 50, Duration.ofSeconds(2), Duration.ofMillis(500),
        Duration.ofSeconds(10), Duration.ofHours(1), new Behaviour(Duration.ofMinutes(20), Duration.ofHours(8), Duration.ofHours(10), 20, 60, 40,
            0, Duration.ZERO, Duration.ofMinutes(1), Duration.ofDays(2), Duration.ofSeconds(30))), file);
    assertEquals("DEPOT-012", file.chargePointId(12));
  }

  @Test
  void badFilesAreRefusedWithTheKeyNamed() {
    Map<String, String> cases = Map.of(
        "colour=red", "unknown key 'colour'",
        "idle=soon", "idle: not a duration",
        "stations=many", "stations",
        "idPattern=SAME", "its own identity",
        "idPattern=A B %d", "printable ASCII",
        "sessionMin=2h\nsessionMax=1h", "sessionMax is below sessionMin",
        "remoteStarts=1.5", "share from 0 to 1",
        "connectors=21", "connectors must be 1 to 20");
    cases.forEach((text, complaint) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FleetFile.parse(text), text);
      assertTrue(e.getMessage().contains(complaint) && e.getMessage().startsWith("the fleet file"),
          text + " -> " + e.getMessage());
    });
  }
}
