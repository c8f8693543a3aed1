package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.time.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterAcrossPowerCutTest {

  @TempDir
  Path dataDirectory;

  @Test
  void theRegisterAfterACutIsNeverBelowTheLastReadingTheChargerGot() {
    int cuts = 0;
    for (int cutAfterMs = 0; cutAfterMs < 3000; cutAfterMs += 250) {
      VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T10:00:00Z"));
      var file = MeterRegisterFile.forConnector(dataDirectory.resolve("cut-" + cutAfterMs), 1);
      var connector = SimulatedConnector.keepingRegisterIn(file, time, SimulatedConnector.Settings.defaults());
      var charger = new Recorder();
      time.advance(Duration.ofMillis(500));
      connector.meter().start(charger);
      connector.ev().plug();
      connector.pilot().offer(32);
      connector.ev().requestEnergy();
      connector.relay().close();
      time.advance(Duration.ofMillis(cutAfterMs));
      // The power goes: nothing more is saved, nothing is closed. (With the register saved on a timer of
      // its own, as before, a cut between a reading and the next save resumed up to one poll below it.)

      double lastReading = charger.lastReading().energyImportWh();
      double resumed = SimulatedConnector.keepingRegisterIn(file, time, SimulatedConnector.Settings.defaults())
          .meter().energyWh();
      assertTrue(resumed >= lastReading,
          "cut after " + cutAfterMs + " ms: the register resumes at " + resumed + " Wh, below the " + lastReading
              + " Wh the charger last read");
      cuts++;
    }
    assertEquals(12, cuts);
  }
}
