package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  private final ReconnectBackoff standard = ReconnectBackoff.standard();

  @Test
  void doublesFromTheFirstWaitUpToTheLongest() {
    assertEquals(Duration.ofSeconds(1), standard.delay(1, 0.5));
    assertEquals(Duration.ofSeconds(2), standard.delay(2, 0.5));
    assertEquals(Duration.ofSeconds(32), standard.delay(6, 0.5));
    assertEquals(Duration.ofSeconds(60), standard.delay(7, 0.5));
    assertEquals(Duration.ofSeconds(60), standard.delay(Integer.MAX_VALUE, 0.5));
  }

  @Test
  void jitterSpreadsEachWaitWithinItsBand() {
    assertEquals(Duration.ofMillis(750), standard.delay(1, 0));
    assertEquals(Duration.ofMillis(1250), standard.delay(1, 1));
    assertEquals(Duration.ofSeconds(45), standard.delay(100, 0));
    assertEquals(Duration.ofSeconds(75), standard.delay(100, 1));
  }

  @Test
  void refusesWaitsThatMakeNoSense() {
    assertThrows(IllegalArgumentException.class, () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1));
  }
}
