package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PilotDutyCycleTest {

  @ParameterizedTest(name = "{0} A -> {1} %")
  @CsvSource({
      "6, 10",
      "10, 16",
      "16, 26",
      "32, 53",
      "51, 85",
      "63, 89",
      "80, 96",
      "10.2, 17",
      "51.5, 85",
      "52.5, 85",
      "55, 86",
      "200, 96",
      "Infinity, 96",
  })
  void roundsDownSoThatTheEvNeverReadsMoreThanAsked(double amperes, int duty) {
    assertEquals(duty, PilotDutyCycle.forCurrent(amperes));
  }

  @ParameterizedTest
  @ValueSource(doubles = {5.99, 0, -16, Double.NaN, Double.NEGATIVE_INFINITY})
  void belowSixAmperesNothingIsOffered(double amperes) {
    assertEquals(PilotDutyCycle.NOT_OFFERING, PilotDutyCycle.forCurrent(amperes));
  }

  @ParameterizedTest
  @ValueSource(doubles = {6.0, 6.3, 7.7, 16.1, 33.3, 50.9, 51.1, 60.4, 79.9})
  void theNextPercentWouldOfferTooMuch(double amperes) {
    int duty = PilotDutyCycle.forCurrent(amperes);
    BigDecimal asked = BigDecimal.valueOf(amperes);
    assertTrue(PilotDutyCycle.decodedCurrent(duty).compareTo(asked) <= 0);
    assertTrue(PilotDutyCycle.decodedCurrent(duty + 1).compareTo(asked) > 0);
  }
}
