package dev.kilowatt.serial;

import java.util.Arrays;

/**
 * Our own small Modbus RTU codec for the fake devices (the adapters use j2mod): CRC-16/Modbus (initial value
 * FFFF, reflected polynomial A001, low byte first on the wire) and request frame lengths.
 */
final class ModbusRtu {

  private ModbusRtu() {}

  static int crc(byte[] data, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= data[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  /** {@code bytes} followed by their CRC. */
  static byte[] frame(int... bytes) {
    byte[] frame = new byte[bytes.length + 2];
    for (int i = 0; i < bytes.length; i++) {
      frame[i] = (byte) bytes[i];
    }
    int crc = crc(frame, 0, bytes.length);
    frame[bytes.length] = (byte) crc;
    frame[bytes.length + 1] = (byte) (crc >>> 8);
    return frame;
  }

  static boolean crcValid(byte[] frame) {
    if (frame.length < 4) {
      return false;
    }
    int crc = crc(frame, 0, frame.length - 2);
    return (frame[frame.length - 2] & 0xFF) == (crc & 0xFF) && (frame[frame.length - 1] & 0xFF) == crc >>> 8;
  }

  /**
   * The length of the request frame at the start of {@code buffer}: 0 if more bytes are needed to tell, -1 if the
   * function is not one the fakes serve (read holding 03, read input 04, write multiple 10).
   */
  static int requestLength(byte[] buffer, int available) {
    if (available < 2) {
      return 0;
    }
    return switch (buffer[1]) {
      case 0x03, 0x04 -> 8;
      case 0x10 -> available < 7 ? 0 : 9 + (buffer[6] & 0xFF);
      default -> -1;
    };
  }

  static int word(byte[] frame, int offset) {
    return (frame[offset] & 0xFF) << 8 | frame[offset + 1] & 0xFF;
  }

  static byte[] withBrokenCrc(byte[] frame) {
    byte[] broken = Arrays.copyOf(frame, frame.length);
    broken[broken.length - 1] ^= 0x5A;
    return broken;
  }
}
