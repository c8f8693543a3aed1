package dev.kilowatt.pi4j;

import com.pi4j.io.spi.Spi;
import dev.kilowatt.pi4j.BoardDescription.CpCalibration;

/**
 * The control-pilot voltage through an MCP3008 10-bit ADC on SPI, read in bursts.
 *
 * <p>User space cannot trigger on the PWM edge, so a burst takes many back-to-back conversions spanning
 * several 1 kHz periods: its maximum is the high phase (which gives the state) and its minimum the low
 * phase (which must be about -12 V while the PWM runs, or the EV has no diode).
 */
final class Mcp3008PilotSensor {

  private static final int FULL_SCALE = 1023;
  private static final int START_BIT = 0x01;
  private static final int SINGLE_ENDED = 0x80;

  private final Spi spi;
  private final int channel;
  private final CpCalibration calibration;
  private final int samples;

  Mcp3008PilotSensor(Spi spi, int channel, CpCalibration calibration, int samples) {
    this.spi = spi;
    this.channel = channel;
    this.calibration = calibration;
    this.samples = samples;
  }

  /** The extremes of one burst, in pilot volts. */
  record PilotLevels(double highVolts, double lowVolts) {}

  int samples() {
    return samples;
  }

  /**
   * Reads one burst.
   *
   * @throws RuntimeException if the SPI transfer fails
   */
  PilotLevels burst() {
    int min = FULL_SCALE;
    int max = 0;
    for (int i = 0; i < samples; i++) {
      int count = convert();
      min = Math.min(min, count);
      max = Math.max(max, count);
    }
    double a = calibration.pilotVolts(min, FULL_SCALE);
    double b = calibration.pilotVolts(max, FULL_SCALE);
    // a board may divide through an inverting stage, where the highest count is the lowest voltage
    return new PilotLevels(Math.max(a, b), Math.min(a, b));
  }

  private int convert() {
    byte[] tx = {START_BIT, (byte) (SINGLE_ENDED | channel << 4), 0};
    byte[] rx = new byte[3];
    int result = spi.transfer(tx, rx, tx.length);
    if (result < 0) {
      throw new IllegalStateException("MCP3008 SPI transfer failed with " + result);
    }
    return (rx[1] & 0x03) << 8 | rx[2] & 0xFF;
  }
}
