package dev.kilowatt.core.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kilowatt.core.port.MeterReading.PhaseReading;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeterReadingTest {

  @Test
  void aPhaseWithoutItsOwnPowerReadsAsBeforeAndOneWithItKeepsIt() {
    assertEquals(Optional.empty(), new PhaseReading(1, 230, 10).powerW());
    assertEquals(Optional.of(2300.0), new PhaseReading(2, 230, 10, Optional.of(2300.0)).powerW());
    assertEquals(Optional.empty(), MeterReading.singlePhase(1000, 2300, 230, 10).phases().getFirst().powerW());
  }

  @Test
  void theTotalCurrentAddsTheThreePhases() {
    MeterReading reading = new MeterReading(5000, 6900, List.of(
        new PhaseReading(1, 230, 10, Optional.of(2300.0)),
        new PhaseReading(2, 231, 10, Optional.of(2310.0)),
        new PhaseReading(3, 229, 10, Optional.of(2290.0))));

    assertEquals(30, reading.totalCurrentA());
  }

  @Test
  void aPhaseOutsideOneToThreeOrWithoutAPowerValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PhaseReading(4, 230, 10));
    assertThrows(NullPointerException.class, () -> new PhaseReading(1, 230, 10, null));
  }
}
