package dev.kilowatt.pi4j;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An MCP3008 whose input is the divided control pilot. The test sets the pilot's high and low levels;
 * conversions alternate between them, as samples of a running PWM do, and the divider of the sample board
 * (pilot volts = 8 x ADC volts - 13.2, vref 3.3 V) turns them into counts.
 */
final class FakeMcp3008 implements FakeSpiProvider.Device {

  private static final double VREF = 3.3;
  private static final double GAIN = 8.0;
  private static final double OFFSET = -13.2;

  private final int channel;
  private final List<String> protocolErrors = new ArrayList<>();
  private double highVolts = 12;
  private double lowVolts = 12;
  private long conversions;
  private boolean broken;

  FakeMcp3008(int channel) {
    this.channel = channel;
  }

  /** A PWM pilot: conversions alternate between the two levels. */
  void pilot(double high, double low) {
    this.highVolts = high;
    this.lowVolts = low;
  }

  /** A steady pilot (no PWM). */
  void steady(double volts) {
    pilot(volts, volts);
  }

  /** A broken bus: every transfer fails. */
  void broken(boolean broken) {
    this.broken = broken;
  }

  long conversions() {
    return conversions;
  }

  List<String> protocolErrors() {
    return protocolErrors;
  }

  @Override
  public boolean exchange(byte[] tx, byte[] rx) {
    if (broken) {
      return false;
    }
    if (tx.length != 3 || tx[0] != 0x01 || (tx[1] & 0x80) == 0 || (tx[1] >> 4 & 0x07) != channel) {
      protocolErrors.add("not a single-ended conversion of channel " + channel + ": " + HexFormat.of().formatHex(tx));
    }
    int count = counts(conversions++ % 2 == 0 ? highVolts : lowVolts);
    rx[1] = (byte) (count >> 8 & 0x03);
    rx[2] = (byte) count;
    return true;
  }

  private static int counts(double pilotVolts) {
    long count = Math.round((pilotVolts - OFFSET) / GAIN / VREF * 1023);
    return (int) Math.max(0, Math.min(1023, count));
  }
}
