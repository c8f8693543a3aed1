package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.MeterReading;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class S0PulseMeterTest {

  private static final double TOLERANCE = 1e-9;

  private final TestRig rig = new TestRig();
  private final RecordingListener events = new RecordingListener();
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

  /** One S0 pulse (the sample board counts falling edges), 35 ms long. */
  private void pulse() {
    s0.mockState(DigitalState.LOW);
    rig.time.runPending();
    rig.advanceMillis(35);
    s0.mockState(DigitalState.HIGH);
    rig.time.runPending();
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
  void aReadingOnEveryPulseAndEveryReportInterval() {
    startMeter();
    pulse();
    pulse();
    assertEquals(2, events.readings.size());

    rig.advance(Duration.ofSeconds(60));
    assertEquals(2 + 6, events.readings.size());
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
    assertEquals(2, events.lastReading().energyImportWh(), TOLERANCE);
  }

  @Test
  void pulsesPerKwhAndEdgeComeFromTheBoard() {
    startMeter("meter.s0.pulses-per-kwh=800", "meter.s0.count-edge=rising", "meter.s0.nominal-voltage=240");
    s0.mockState(DigitalState.LOW);
    rig.time.runPending();
    assertEquals(0, events.readings.size(), "a falling edge does not count");

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
}
