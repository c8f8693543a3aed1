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
import java.util.concurrent.atomic.AtomicInteger;
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
  void autosaveWritesAtMostEveryIntervalOnlyWhenChangedAndOnceMoreWhenClosed() {
    var file = MeterRegisterFile.forConnector(dataDirectory, 1);
    var register = new double[] {100};
    var reads = new AtomicInteger();

    var autosave = file.autosave(time, Duration.ofSeconds(30), () -> {
      reads.incrementAndGet();
      return register[0];
    });
    time.advance(Duration.ofSeconds(29));
    assertEquals(OptionalDouble.empty(), file.load());

    time.advance(Duration.ofSeconds(1));
    assertEquals(OptionalDouble.of(100), file.load());

    register[0] = 150;
    time.advance(Duration.ofSeconds(29));
    assertEquals(OptionalDouble.of(100), file.load());
    time.advance(Duration.ofSeconds(1));
    assertEquals(OptionalDouble.of(150), file.load());

    register[0] = 160;
    autosave.saveNow();
    assertEquals(OptionalDouble.of(160), file.load());

    register[0] = 170;
    autosave.close();
    assertEquals(OptionalDouble.of(170), file.load());
    int readsAtClose = reads.get();
    time.advance(Duration.ofMinutes(10));
    assertEquals(readsAtClose, reads.get());
  }

  @Test
  void connectorResumesTheSavedRegister() {
    var file = MeterRegisterFile.forConnector(dataDirectory, 1);
    var first = new SimulatedConnector(time, SimulatedConnector.Settings.defaults().withEvMaxCurrentA(16));
    var autosave = file.autosave(time, Duration.ofSeconds(10), first.meter()::energyWh);
    first.ev().plug();
    first.pilot().offer(16);
    first.ev().requestEnergy();
    first.relay().close();
    time.advance(Duration.ofMinutes(30));
    autosave.close();
    first.close();

    var restarted = new SimulatedConnector(time,
        SimulatedConnector.Settings.defaults().withInitialRegisterWh(file.load().orElseThrow()));

    assertEquals(15.6 * 230 / 2, restarted.meter().energyWh(), 1e-6);
    restarted.close();
  }
}
