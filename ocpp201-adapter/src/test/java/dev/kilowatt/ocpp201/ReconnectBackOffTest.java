package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The waits between connection attempts the OCPPCommCtrlr.RetryBackOff variables give, without a network. */
class ReconnectBackOffTest {

  private final StoredVariables variables = new StoredVariables(new InMemoryStorage());

  private void set(String variable, String value) {
    OwnVariables.Own own = OwnVariables.TABLE.stream().filter(o -> o.variable().equals(variable)).findFirst().orElseThrow();
    assertTrue(variables.write(own, value));
  }

  private List<Long> seconds(int attempts) {
    return IntStream.range(0, attempts).mapToObj(n -> ReconnectBackOff.before(variables, n).toSeconds()).toList();
  }

  @Test
  void theDefaultsDoubleFromOneSecondSixTimes() {
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 64L), seconds(8));
  }

  @Test
  void theMinimumIsDoubledAsOftenAsRepeatTimesSaysAndThenKept() {
    set("RetryBackOffWaitMinimum", "5");
    set("RetryBackOffRepeatTimes", "2");
    assertEquals(List.of(5L, 10L, 20L, 20L), seconds(4));
    set("RetryBackOffRepeatTimes", "0");
    assertEquals(List.of(5L, 5L), seconds(2));
  }

  @Test
  void theRandomPartIsAtMostRandomRangeSeconds() {
    set("RetryBackOffRandomRange", "3");
    for (int i = 0; i < 200; i++) {
      Duration wait = ReconnectBackOff.before(variables, 1);
      assertTrue(wait.compareTo(Duration.ofSeconds(2)) >= 0 && wait.compareTo(Duration.ofSeconds(5)) <= 0,
          wait::toString);
    }
  }
}
