package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import dev.kilowatt.core.port.PilotState;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoardDescriptionTest {

  @Test
  void theSampleDescribesTheWholeReferenceBoard() {
    BoardDescription board = BoardDescription.parse(TestRig.sampleProperties(), "raspberry-pi-board.properties");

    assertEquals("Kilowatt reference board rev A", board.name());
    assertEquals(17, board.relay().coilPin());
    assertEquals(DigitalState.HIGH, board.relay().coilActiveLevel());
    assertEquals(27, board.relay().feedback().orElseThrow().pin());
    assertEquals(DigitalState.LOW, board.relay().feedback().orElseThrow().closedLevel());
    assertEquals(Duration.ofMillis(200), board.relay().settleTime());
    assertEquals(0, board.pilot().pwmChannel());
    assertFalse(board.pilot().inverted());
    assertEquals(new BoardDescription.SpiSettings(0, 0, 1_000_000), board.pilot().adc());
    assertEquals(new BoardDescription.PilotThresholds(10.5, 7.5, 4.5, 1.5, -1.5, -10.0),
        board.pilot().thresholds());
    assertEquals(1, board.rfid().orElseThrow().spi().chipSelect());
    assertEquals(1000, board.s0Meter().orElseThrow().pulsesPerKwh());
    assertEquals(DigitalState.LOW, board.s0Meter().orElseThrow().countLevel());
    assertEquals(23, board.rcm().orElseThrow().pin());
    assertEquals(Optional.empty(), board.providers().spi());
  }

  @Test
  void theMinimalBoardHasRelayAndPilotAndDefaultsForTheRest() {
    Properties minimal = properties(
        "relay.pin=5", "pilot.pwm.channel=1", "pilot.adc.spi.bus=0", "pilot.adc.spi.cs=0",
        "pilot.adc.channel=3", "pilot.cp.gain=7.5", "pilot.cp.offset=-12.4");

    BoardDescription board = BoardDescription.parse(minimal, "minimal.properties");

    assertEquals("minimal.properties", board.name());
    assertEquals(Optional.empty(), board.relay().feedback());
    assertEquals(Optional.empty(), board.rfid());
    assertEquals(Optional.empty(), board.s0Meter());
    assertEquals(Optional.empty(), board.rcm());
    assertEquals(100, board.pilot().burstSamples());
    assertEquals(Duration.ofMillis(50), board.pilot().burstInterval());
    assertEquals(3, board.pilot().debounceBursts());
    assertEquals(1_000_000, board.pilot().adc().baud());
    assertEquals(PilotState.C, board.pilot().thresholds().classify(6.0));
  }

  @Test
  void thresholdsClassifyTheNominalLevels() {
    BoardDescription.PilotThresholds thresholds = TestRig.sampleBoard().pilot().thresholds();

    assertEquals(PilotState.A, thresholds.classify(12.0));
    assertEquals(PilotState.B, thresholds.classify(9.0));
    assertEquals(PilotState.C, thresholds.classify(6.0));
    assertEquals(PilotState.D, thresholds.classify(3.0));
    assertEquals(PilotState.E, thresholds.classify(0.0));
    assertEquals(PilotState.F, thresholds.classify(-12.0));
  }

  @Test
  void settingsOfTheSampleCanBeChanged() {
    BoardDescription board = TestRig.sampleBoard(
        "relay.feedback.pull=off", "meter.s0.count-edge=Rising", "pilot.pwm.inverted=yes",
        "relay.settle-ms=350");

    assertEquals(PullResistance.OFF, board.relay().feedback().orElseThrow().pull());
    assertEquals(DigitalState.HIGH, board.s0Meter().orElseThrow().countLevel());
    assertTrue(board.pilot().inverted());
    assertEquals(Duration.ofMillis(350), board.relay().settleTime());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "relay.pin=           | test-board.properties: relay.pin: is required",
      "relay.pin=abc        | test-board.properties: relay.pin: expected a whole number, got 'abc'",
      "relay.pin=31         | test-board.properties: relay.pin: expected a number from 0 to 27, got 31",
      "relay.feedbak.pin=5  | test-board.properties: relay.feedbak.pin: unknown key",
      "meter.s0.pin=17      | test-board.properties: meter.s0.pin: GPIO 17 is already used by relay.pin",
      "rcm.pin=27           | test-board.properties: rcm.pin: GPIO 27 is already used by relay.feedback.pin",
      "pilot.threshold.c=8  | test-board.properties: pilot.threshold.c: must be below pilot.threshold.b (7.5), got 8.0",
      "pilot.threshold.diode=0 | test-board.properties: pilot.threshold.diode: must be below pilot.threshold.e",
      "rfid.spi.cs=0        | test-board.properties: rfid.spi.cs: chip select 0 is already used by pilot.adc.spi.cs",
      "relay.active-level=on | test-board.properties: relay.active-level: expected high or low, got 'on'",
      "pilot.pwm.inverted=maybe | test-board.properties: pilot.pwm.inverted: expected true or false, got 'maybe'",
      "pilot.cp.gain=0      | test-board.properties: pilot.cp.gain: must not be zero",
      "pilot.cp.offset=NaN  | test-board.properties: pilot.cp.offset: expected a finite number, got 'NaN'",
      "pilot.adc.vref=-3.3  | test-board.properties: pilot.adc.vref: must be positive",
      "pilot.pwm.channel=4  | test-board.properties: pilot.pwm.channel: expected a number from 0 to 3, got 4",
      "meter.s0.count-edge=both | test-board.properties: meter.s0.count-edge: expected falling or rising, got 'both'",
      "meter.s0.pulses-per-kwh=0 | test-board.properties: meter.s0.pulses-per-kwh: expected a number from 1 to 100000, got 0",
      "rcm.pull=sideways    | test-board.properties: rcm.pull: expected up, down or off, got 'sideways'",
  })
  void badValuesAreRejectedNamingTheKey(String override, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestRig.sampleBoard(override));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void aSectionWithoutItsRequiredKeyIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("rfid.spi.bus=", "rfid.spi.cs="));
    assertEquals("test-board.properties: rfid.spi.bus: is required", e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> TestRig.sampleBoard("relay.feedback.pin="));
    assertEquals("test-board.properties: relay.feedback.pin: is required", e.getMessage());
  }

  @Test
  void loadsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rev-b.properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      TestRig.sampleProperties().store(out, "rev B");
    }

    assertEquals("Kilowatt reference board rev A", BoardDescription.load(file).name());
    assertThrows(NoSuchFileException.class, () -> BoardDescription.load(dir.resolve("missing.properties")));
  }

  private static Properties properties(String... entries) {
    Properties properties = new Properties();
    for (String entry : entries) {
      String[] keyValue = entry.split("=", 2);
      properties.setProperty(keyValue[0], keyValue[1]);
    }
    return properties;
  }
}
