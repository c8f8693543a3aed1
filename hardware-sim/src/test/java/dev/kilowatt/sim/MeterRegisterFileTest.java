package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.time.VirtualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterRegisterFileTest {

  @TempDir
  Path dataDirectory;

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-11-24T08:00:00Z"));

  @Test
  void registerSurvivesARoundTripExactly() {
    Path missingDirectory = dataDirectory.resolve("new-dir");

    MeterRegisterFile.forConnector(missingDirectory, 1).save(12_345.678901234567);

    var reopened = MeterRegisterFile.forConnector(missingDirectory, 1);
    assertEquals(OptionalDouble.of(12_345.678901234567), reopened.load());
    assertTrue(reopened.file().endsWith("meter-register-1.txt"));
  }

  @Test
  void replacesTheOldValueWithoutLeavingATemporaryFile() throws IOException {
    var file = MeterRegisterFile.forConnector(dataDirectory, 2);

    file.save(1);
    file.save(2);

    assertEquals(OptionalDouble.of(2), file.load());
    try (var files = Files.list(dataDirectory)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void missingOrUnreadableFileLoadsAsNoRegister() throws IOException {
    var file = MeterRegisterFile.forConnector(dataDirectory, 1);
    assertEquals(OptionalDouble.empty(), file.load());

    Files.writeString(file.file(), "not a number");
    assertEquals(OptionalDouble.empty(), file.load());

    Files.writeString(file.file(), "-5.0");
    assertEquals(OptionalDouble.empty(), file.load());
  }

  @Test
  void refusesToSaveARegisterNoMeterHas() {
    var file = MeterRegisterFile.forConnector(dataDirectory, 1);

    assertThrows(IllegalArgumentException.class, () -> file.save(-1));
    assertThrows(IllegalArgumentException.class, () -> file.save(Double.NaN));
    assertFalse(Files.exists(file.file()));
  }

  @Test
  void connectorResumesTheSavedRegister() {
    var file = MeterRegisterFile.forConnector(dataDirectory, 1);
    var first = SimulatedConnector.keepingRegisterIn(file, time,
        SimulatedConnector.Settings.defaults().withEvMaxCurrentA(16).withMeterPollInterval(Duration.ofMinutes(1)));
    first.meter().start(new Recorder());
    first.ev().plug();
    first.pilot().offer(16);
    first.ev().requestEnergy();
    first.relay().close();
    time.advance(Duration.ofMinutes(30));
    first.close();

    var restarted = SimulatedConnector.keepingRegisterIn(file, time,
        SimulatedConnector.Settings.defaults().withInitialRegisterWh(5));

    assertEquals(15.6 * 230 / 2, restarted.meter().energyWh(), 1e-6);
    restarted.close();
  }

  @Test
  void aConnectorWithoutASavedRegisterStartsAtItsSettings() {
    var file = MeterRegisterFile.forConnector(dataDirectory, 1);

    var connector = SimulatedConnector.keepingRegisterIn(file, time,
        SimulatedConnector.Settings.defaults().withInitialRegisterWh(12.5));

    assertEquals(12.5, connector.meter().energyWh());
    connector.close();
    assertEquals(OptionalDouble.of(12.5), file.load());
  }
}
