package dev.kilowatt.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one device on a serial line, and how often to talk to it.
 *
 * <p>The port is named by its path (e.g. {@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...}, or a
 * pseudo-terminal): jSerialComm does not list pseudo-terminals, and a stable by-id path survives replugging
 * a USB adapter. Data bits are always 8.
 *
 * @param portPath the serial device's path
 * @param baudRate line speed in bit/s
 * @param parity parity bit
 * @param stopBits 1 or 2
 * @param unitId Modbus unit (slave) address, 1–247; ignored by devices that are not on Modbus
 * @param pollInterval how often the device is asked for news (for a reader that only sends, the RDM6300, how
 *     long one read waits before the adapter checks whether it was closed)
 * @param responseTimeout how long to wait for an answer before counting the request as failed
 */
public record SerialDeviceConfig(
    String portPath,
    int baudRate,
    Parity parity,
    int stopBits,
    int unitId,
    Duration pollInterval,
    Duration responseTimeout) {

  /**
   * Checks the settings against the ranges above.
   *
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public SerialDeviceConfig {
    Objects.requireNonNull(portPath, "portPath");
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    if (portPath.isBlank()) {
      throw new IllegalArgumentException("portPath is blank");
    }
    if (baudRate <= 0) {
      throw new IllegalArgumentException("baudRate must be positive: " + baudRate);
    }
    if (stopBits != 1 && stopBits != 2) {
      throw new IllegalArgumentException("stopBits must be 1 or 2: " + stopBits);
    }
    if (unitId < 1 || unitId > 247) {
      throw new IllegalArgumentException("unitId must be 1..247: " + unitId);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new IllegalArgumentException("responseTimeout must be positive: " + responseTimeout);
    }
  }

  /**
   * 8N1 at {@code baudRate}, unit 1, polled every second, 500 ms to answer.
   *
   * @param portPath the serial device's path
   * @param baudRate line speed in bit/s
   * @return those settings
   */
  public static SerialDeviceConfig of(String portPath, int baudRate) {
    return new SerialDeviceConfig(portPath, baudRate, Parity.NONE, 1, 1, Duration.ofSeconds(1), Duration.ofMillis(500));
  }

  /**
   * These settings with another parity bit.
   *
   * @param newParity the parity bit
   * @return the new settings
   */
  public SerialDeviceConfig withParity(Parity newParity) {
    return new SerialDeviceConfig(portPath, baudRate, newParity, stopBits, unitId, pollInterval, responseTimeout);
  }

  /**
   * These settings with other stop bits.
   *
   * @param newStopBits 1 or 2
   * @return the new settings
   */
  public SerialDeviceConfig withStopBits(int newStopBits) {
    return new SerialDeviceConfig(portPath, baudRate, parity, newStopBits, unitId, pollInterval, responseTimeout);
  }

  /**
   * These settings with another Modbus unit address.
   *
   * @param newUnitId 1–247
   * @return the new settings
   */
  public SerialDeviceConfig withUnitId(int newUnitId) {
    return new SerialDeviceConfig(portPath, baudRate, parity, stopBits, newUnitId, pollInterval, responseTimeout);
  }

  /**
   * These settings with another poll interval.
   *
   * @param newPollInterval how often the device is asked for news
   * @return the new settings
   */
  public SerialDeviceConfig withPollInterval(Duration newPollInterval) {
    return new SerialDeviceConfig(portPath, baudRate, parity, stopBits, unitId, newPollInterval, responseTimeout);
  }

  /**
   * These settings with another response timeout.
   *
   * @param newResponseTimeout how long an answer may take
   * @return the new settings
   */
  public SerialDeviceConfig withResponseTimeout(Duration newResponseTimeout) {
    return new SerialDeviceConfig(portPath, baudRate, parity, stopBits, unitId, pollInterval, newResponseTimeout);
  }

  int jSerialCommParity() {
    return switch (parity) {
      case NONE -> SerialPort.NO_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
    };
  }

  int jSerialCommStopBits() {
    return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
  }

  /** The parity bit of a serial line. */
  public enum Parity {
    /** No parity bit. */
    NONE,
    /** A parity bit that makes the count of ones even. */
    EVEN,
    /** A parity bit that makes the count of ones odd. */
    ODD
  }
}
