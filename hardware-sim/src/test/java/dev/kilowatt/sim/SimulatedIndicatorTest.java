package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimulatedIndicatorTest {

  private final SimulatedIndicator light = new SimulatedIndicator();

  @Test
  void countsBlinksAndKeepsTheIntensity() {
    light.setIntensity(40);
    light.blink(3);
    light.blink(2);

    assertEquals(40, light.intensityPercent());
    assertEquals(5, light.blinks());
  }

  @Test
  void refusesCountsAndIntensitiesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> light.blink(-1));
    assertThrows(IllegalArgumentException.class, () -> light.setIntensity(101));
    assertThrows(IllegalArgumentException.class, () -> light.setIntensity(-1));
    assertEquals(100, light.intensityPercent());
    assertEquals(0, light.blinks());
  }
}
