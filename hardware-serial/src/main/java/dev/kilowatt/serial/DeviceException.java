package dev.kilowatt.serial;

/**
 * One failed exchange with a device: what went wrong in the terms of the fault we report (the vendor error
 * code), and whether the line must be reopened and the device set up again before the next try.
 */
final class DeviceException extends Exception {

  static final String TIMEOUT = "TIMEOUT";
  static final String CRC = "CRC";
  static final String CHECKSUM = "CHECKSUM";
  static final String PORT = "PORT";
  static final String NO_READER = "NO_READER";
  static final String BAD_FRAME = "BAD_FRAME";
  static final String BAD_VALUE = "BAD_VALUE";
  static final String REJECTED = "REJECTED";
  static final String INTERNAL = "INTERNAL";

  private final String vendorCode;
  private final boolean reconnect;

  DeviceException(String vendorCode, String detail, boolean reconnect) {
    super(detail, null, false, false);
    this.vendorCode = vendorCode;
    this.reconnect = reconnect;
  }

  /** A Modbus exception response, e.g. {@code MODBUS_02} for Illegal Data Address. */
  static DeviceException modbus(int exceptionCode, String detail) {
    return new DeviceException("MODBUS_%02X".formatted(exceptionCode), detail, false);
  }

  String vendorCode() {
    return vendorCode;
  }

  boolean reconnect() {
    return reconnect;
  }
}
