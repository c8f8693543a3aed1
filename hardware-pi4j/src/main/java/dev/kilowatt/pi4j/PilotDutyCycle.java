package dev.kilowatt.pi4j;

import java.math.BigDecimal;

/**
 * The IEC 61851-1 duty cycle for an offered current, in the whole percent Pi4J 3.0.x PWM takes.
 *
 * <p>The EV decodes duty d (10..85 %) as 0.6 A x d, and d (85..96 %) as 2.5 A x (d - 64). One percent is
 * 0.6 A or more, so the value is rounded down: the EV never reads more than was asked. Rounding each
 * formula on its own would not be enough at the seam (51.5 A would give 84 %, 50.4 A, when 85 % gives
 * 51 A), so the duty is the largest one whose decoded current does not exceed the request. Decimal
 * arithmetic keeps 10.2 A at exactly 17 %.
 */
final class PilotDutyCycle {

  /** Steady +12 V: the EV may stay connected but must not draw current. */
  static final int NOT_OFFERING = 100;
  /** Steady -12 V: state F, the charge point is not available. */
  static final int DISABLED = 0;

  private static final int MIN_OFFER = 10;
  private static final int MAX_OFFER = 96;
  private static final double MIN_CURRENT = 6.0;
  private static final double MAX_CURRENT = 80.0;
  private static final BigDecimal AMPERES_PER_PERCENT = new BigDecimal("0.6");
  private static final BigDecimal AMPERES_PER_PERCENT_ABOVE_85 = new BigDecimal("2.5");

  private PilotDutyCycle() {}

  /** The duty cycle offering at most {@code amperes}; {@link #NOT_OFFERING} below 6 A or for NaN. */
  static int forCurrent(double amperes) {
    if (!(amperes >= MIN_CURRENT)) {
      return NOT_OFFERING;
    }
    if (amperes >= MAX_CURRENT) {
      return MAX_OFFER;
    }
    BigDecimal asked = BigDecimal.valueOf(amperes);
    int duty = MAX_OFFER;
    while (duty > MIN_OFFER && decodedCurrent(duty).compareTo(asked) > 0) {
      duty--;
    }
    return duty;
  }

  /** The current the EV reads from an offering duty cycle (10..96 %). */
  static BigDecimal decodedCurrent(int duty) {
    return duty <= 85
        ? AMPERES_PER_PERCENT.multiply(BigDecimal.valueOf(duty))
        : AMPERES_PER_PERCENT_ABOVE_85.multiply(BigDecimal.valueOf(duty - 64));
  }
}
