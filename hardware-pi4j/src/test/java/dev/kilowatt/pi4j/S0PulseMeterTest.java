package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.pi4j.S0PulseMeter.SavedCount;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class S0PulseMeterTest {

  private static final double TOLERANCE = 1e-9;
  private static final String KEY = "meter/s0-pulses";

  private TestRig rig = new TestRig();
  private RecordingListener events = new RecordingListener();
  private MockDigitalInput s0;

  @AfterEach
  void shutDown() {
    rig.close();
  }

  private void startMeter(String... overrides) {
    EnergyMeter meter = rig.board(overrides).energyMeter().orElseThrow();
    s0 = rig.input("kilowatt-s0");
    s0.mockState(DigitalState.HIGH);
    meter.start(events);
  }

  /**
   * A new board on {@code storage}, as after a reboot or a power cut: the adapter has no orderly stop, so
   * the old one just ends.
   */
  private void restartOn(Storage storage, String... overrides) {
    rig.close();
    rig = new TestRig(storage);
    events = new RecordingListener();
    startMeter(overrides);
  }

  /** One S0 pulse (the sample board counts falling edges), 35 ms long. */
  private void pulse() {
    s0.mockState(DigitalState.LOW);
    rig.time.runPending();
    rig.advanceMillis(35);
    s0.mockState(DigitalState.HIGH);
    rig.time.runPending();
  }

  /**
   * Half a second in, then {@code count} pulses a second apart (1 kW at 1000 pulses per kWh), so that no
   * pulse coincides with a report tick; time stops right after the last pulse.
   */
  private void pulsesEverySecond(int count) {
    rig.advanceMillis(500);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        rig.advanceMillis(1000 - 35);
      }
      pulse();
    }
  }

  private double energyWh() {
    return events.lastReading().energyImportWh();
  }

  @Test
  void countsEnergyAndEstimatesPowerFromThePulseInterval() {
    startMeter();
    pulse();
    assertEquals(MeterReading.singlePhase(1, 0, 230, 0), events.lastReading(), "one pulse gives no interval");

    // 1000 pulses per kWh, one every 3.6 s: 1 Wh each, 1 kW
    for (int i = 0; i < 4; i++) {
      rig.advanceMillis(3600 - 35);
      pulse();
    }
    MeterReading reading = events.lastReading();
    assertEquals(5, reading.energyImportWh(), TOLERANCE);
    assertEquals(1000, reading.powerImportW(), 1e-6);
    assertEquals(230, reading.phases().getFirst().voltageV());
    assertEquals(1000 / 230.0, reading.totalCurrentA(), 1e-6);
  }

  @Test
  void aReadingAtStartOnEveryPulseAndEveryReportInterval() {
    startMeter();
    assertEquals(List.of(MeterReading.singlePhase(0, 0, 230, 0)), events.readings, "the register before any pulse");
    pulse();
    pulse();
    assertEquals(1 + 2, events.readings.size());

    rig.advance(Duration.ofSeconds(60));
    assertEquals(1 + 2 + 6, events.readings.size());
  }

  @Test
  void powerFallsOffWhenPulsesStopAndReadsZeroAfterTheIdleTimeout() {
    startMeter("meter.s0.report-interval-s=1");
    pulse();
    rig.advanceMillis(1800 - 35);
    pulse();
    // pulses at 0 and 1.8 s: 2 kW; reports every second
    rig.advanceMillis(2000 - 1835);
    assertEquals(2000, events.lastReading().powerImportW(), 1e-6, "within one interval: the last estimate");

    rig.advanceMillis(3000);
    // the report at 5 s comes 3.2 s after the last pulse: at most 1 Wh in 3.2 s = 1125 W
    assertEquals(1125, events.lastReading().powerImportW(), 1e-6);

    rig.time.advance(Duration.ofSeconds(60));
    assertEquals(0, events.lastReading().powerImportW());
    assertEquals(2, energyWh(), TOLERANCE);
  }

  @Test
  void pulsesPerKwhAndEdgeComeFromTheBoard() {
    startMeter("meter.s0.pulses-per-kwh=800", "meter.s0.count-edge=rising", "meter.s0.nominal-voltage=240");
    s0.mockState(DigitalState.LOW);
    rig.time.runPending();
    assertEquals(1, events.readings.size(), "only the reading at start: a falling edge does not count");

    for (int i = 0; i < 8; i++) {
      s0.mockState(DigitalState.HIGH);
      rig.time.runPending();
      rig.advanceMillis(4500);
      s0.mockState(DigitalState.LOW);
      rig.time.runPending();
    }
    // 800 pulses per kWh: 1.25 Wh each; one every 4.5 s: 1 kW
    MeterReading reading = events.lastReading();
    assertEquals(10, reading.energyImportWh(), TOLERANCE);
    assertEquals(1000, reading.powerImportW(), 1e-6);
    assertEquals(240, reading.phases().getFirst().voltageV());
  }

  @Test
  void aRestartGoesOnFromTheSavedCount() {
    startMeter();
    pulsesEverySecond(5);
    rig.advance(Duration.ofSeconds(10));

    restartOn(rig.storage);
    assertEquals(List.of(MeterReading.singlePhase(5, 0, 230, 0)), events.readings,
        "the register at once, without power");
    pulse();
    assertEquals(6, energyWh(), TOLERANCE);
  }

  @Test
  void savesOnlyOnATickAfterTheCountChanged() {
    WatchedStorage storage = new WatchedStorage();
    restartOn(storage);
    Instant started = rig.time.now();
    assertEquals(List.of(), storage.saved, "nothing counted, nothing saved");

    pulsesEverySecond(3);
    assertEquals(List.of(), storage.saved, "no save on a pulse");
    rig.time.runUntil(started.plusSeconds(10));
    assertEquals(List.of(new SavedCount(3, 1000)), storage.saved, "the tick after the pulses");

    rig.time.runUntil(started.plusSeconds(40));
    assertEquals(1, storage.saved.size(), "no energy, no save");

    pulsesEverySecond(25);
    // pulses at 40.5 ... 64.5 s: ticks at 50 and 60 s see 10 and 20 of them
    assertEquals(List.of(new SavedCount(3, 1000), new SavedCount(13, 1000), new SavedCount(23, 1000)),
        storage.saved, "once per interval while pulses come every second");
    rig.time.runUntil(started.plusSeconds(100));
    assertEquals(List.of(new SavedCount(3, 1000), new SavedCount(13, 1000), new SavedCount(23, 1000),
        new SavedCount(28, 1000)), storage.saved);
  }

  /**
   * Pulses a second apart and a report every 10 s: a power cut right after the last pulse loses the
   * pulses since the last tick, never more than one interval's ten.
   */
  @ParameterizedTest(name = "cut after {0} pulses: {1} Wh kept")
  @CsvSource({"0, 0", "9, 0", "10, 0", "11, 10", "25, 20", "30, 20"})
  void aPowerCutLosesAtMostThePulsesSinceTheLastSave(int pulsesBeforeTheCut, int kept) {
    startMeter();
    pulsesEverySecond(pulsesBeforeTheCut);
    assertEquals(pulsesBeforeTheCut, energyWh(), TOLERANCE);

    restartOn(rig.storage);
    assertEquals(kept, energyWh(), TOLERANCE);
    assertTrue(pulsesBeforeTheCut - kept <= 10, "at most one report interval's pulses lost");

    pulse();
    assertEquals(kept + 1, energyWh(), TOLERANCE, "counting goes on from there");
  }

  static Stream<Record> unusableCounts() {
    return Stream.of(
        new SavedCount(-1, 1000),
        new SavedCount(5, 0),
        new SavedCount(5, -1000),
        new SavedCount(Long.MAX_VALUE, 1000),
        // more than the 2^31 - 1 Wh an OCPP meterStart can carry
        new SavedCount(2_147_483_648L, 1000),
        // another record under the key reads as absent, as a file of another shape does in FileStorage
        new SomethingElse("garbage"));
  }

  /** A value of the wrong type under the meter's key. */
  record SomethingElse(String text) {}

  @ParameterizedTest
  @MethodSource("unusableCounts")
  void anUnusableSavedCountStartsAtZeroAndTheMeterKeepsCounting(Record garbage) {
    InMemoryStorage storage = new InMemoryStorage();
    storage.save(KEY, garbage);

    restartOn(storage);
    assertEquals(0, energyWh(), TOLERANCE);
    pulse();
    pulse();
    assertEquals(2, energyWh(), TOLERANCE);
    rig.advance(Duration.ofSeconds(10));
    assertEquals(Optional.of(new SavedCount(2, 1000)), storage.load(KEY, SavedCount.class),
        "a usable count replaces it");
  }

  @Test
  void aFailingStorageNeverStopsTheMeter() {
    WatchedStorage storage = new WatchedStorage();
    storage.failing(true);
    restartOn(storage);
    assertEquals(0, energyWh(), TOLERANCE, "cannot load: from zero");

    pulsesEverySecond(3);
    rig.advance(Duration.ofSeconds(20));
    assertEquals(3, energyWh(), TOLERANCE, "cannot save: still counting and reporting");

    storage.failing(false);
    rig.advance(Duration.ofSeconds(10));
    assertEquals(List.of(new SavedCount(3, 1000)), storage.saved, "saved at the next tick once it works again");
  }

  @Test
  void aCountSavedAtAnotherPulsesPerKwhKeepsItsEnergyRoundedUp() {
    InMemoryStorage storage = new InMemoryStorage();
    storage.save(KEY, new SavedCount(1001, 1000));

    // 1001 Wh at 800 pulses per kWh is 800.8 pulses: 801, never less energy than before
    restartOn(storage, "meter.s0.pulses-per-kwh=800");
    assertEquals(1001.25, energyWh(), TOLERANCE);
    pulse();
    assertEquals(1002.5, energyWh(), TOLERANCE);
    rig.advance(Duration.ofSeconds(10));
    assertEquals(Optional.of(new SavedCount(802, 800)), storage.load(KEY, SavedCount.class));
  }
}
