package dev.kilowatt.pi4j;

import com.pi4j.io.spi.Spi;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Register-level access to an NXP MFRC522 on SPI, and the two halves of one transceive with a card.
 *
 * <p>SPI framing: the first byte is the register address shifted left by one, bit 7 set for a read.
 * A read clocks out one address byte per value and a final 0x00, and the value of each address arrives
 * one byte later; a write sends the address and then the values, which all go to that register (the
 * FIFO takes a whole frame this way).
 */
final class Mfrc522Chip {

  private static final int COMMAND = 0x01;
  private static final int COM_IRQ = 0x04;
  private static final int ERROR = 0x06;
  private static final int FIFO_DATA = 0x09;
  private static final int FIFO_LEVEL = 0x0A;
  private static final int CONTROL = 0x0C;
  private static final int BIT_FRAMING = 0x0D;
  private static final int MODE = 0x11;
  private static final int TX_MODE = 0x12;
  private static final int RX_MODE = 0x13;
  private static final int TX_CONTROL = 0x14;
  private static final int TX_ASK = 0x15;
  private static final int MOD_WIDTH = 0x24;
  private static final int T_MODE = 0x2A;
  private static final int T_PRESCALER = 0x2B;
  private static final int T_RELOAD_H = 0x2C;
  private static final int T_RELOAD_L = 0x2D;
  private static final int VERSION = 0x37;

  private static final int CMD_IDLE = 0x00;
  private static final int CMD_TRANSCEIVE = 0x0C;
  private static final int CMD_SOFT_RESET = 0x0F;

  private static final int POWER_DOWN = 0x10;
  private static final int START_SEND = 0x80;
  private static final int FLUSH_FIFO = 0x80;
  private static final int CLEAR_ALL_IRQS = 0x7F;
  private static final int IRQ_RECEIVED = 0x30;
  private static final int IRQ_TIMER = 0x01;
  private static final int ERROR_GARBLED = 0x13;
  private static final int ERROR_COLLISION = 0x08;
  private static final int ANTENNA_ON = 0x03;

  private final Spi spi;

  Mfrc522Chip(Spi spi) {
    this.spi = spi;
  }

  /** What a card answered to one frame. */
  sealed interface Reply {
    /** Whole bytes, as received (with the CRC when the card sends one). */
    record Frame(byte[] bytes) implements Reply {
      @Override
      public String toString() {
        return "Frame[" + HexFormat.of().formatHex(bytes) + "]";
      }
    }

    /** No card answered before the chip's timer ran out. */
    record Silent() implements Reply {}

    /** Something answered, but not cleanly: a collision of two cards, parity or framing errors. */
    record Garbled(String why) implements Reply {}
  }

  /** VersionReg: 0x91/0x92 for MFRC522 1.0/2.0, 0x88 for a clone; 0x00 or 0xFF when nothing answers. */
  int version() {
    return read(VERSION);
  }

  void softReset() {
    write(COMMAND, CMD_SOFT_RESET);
  }

  /** Whether a soft reset has finished (the chip clears PowerDown when it is ready). */
  boolean resetDone() {
    return (read(COMMAND) & POWER_DOWN) == 0;
  }

  /** The usual ISO 14443 A set-up: 106 kbit/s, 25 ms reply timer, 100 % ASK, CRC preset 0x6363, antenna on. */
  void configure() {
    write(TX_MODE, 0x00);
    write(RX_MODE, 0x00);
    write(MOD_WIDTH, 0x26);
    write(T_MODE, 0x80);
    write(T_PRESCALER, 0xA9);
    write(T_RELOAD_H, 0x03);
    write(T_RELOAD_L, 0xE8);
    write(TX_ASK, 0x40);
    write(MODE, 0x3D);
    int txControl = read(TX_CONTROL);
    if ((txControl & ANTENNA_ON) != ANTENNA_ON) {
      write(TX_CONTROL, txControl | ANTENNA_ON);
    }
  }

  /** Whether the antenna is on: a chip that reset by itself (a brown-out) has it off and needs setting up. */
  boolean antennaOn() {
    return (read(TX_CONTROL) & ANTENNA_ON) == ANTENNA_ON;
  }

  /**
   * Sends {@code frame} to the card and starts listening for the answer.
   *
   * @param lastBits how many bits of the last byte to send; 0 means all eight
   */
  void startTransceive(byte[] frame, int lastBits) {
    write(COMMAND, CMD_IDLE);
    write(COM_IRQ, CLEAR_ALL_IRQS);
    write(FIFO_LEVEL, FLUSH_FIFO);
    write(FIFO_DATA, frame);
    write(BIT_FRAMING, lastBits);
    write(COMMAND, CMD_TRANSCEIVE);
    write(BIT_FRAMING, START_SEND | lastBits);
  }

  /** The answer to the frame last sent, or empty while the chip still waits for one. */
  Optional<Reply> collectReply() {
    int irq = read(COM_IRQ);
    if ((irq & IRQ_RECEIVED) == 0) {
      return (irq & IRQ_TIMER) != 0 ? Optional.of(new Reply.Silent()) : Optional.empty();
    }
    int error = read(ERROR);
    if ((error & ERROR_GARBLED) != 0) {
      return Optional.of(new Reply.Garbled("error register 0x" + Integer.toHexString(error)));
    }
    if ((error & ERROR_COLLISION) != 0) {
      return Optional.of(new Reply.Garbled("collision: more than one card"));
    }
    int level = read(FIFO_LEVEL) & 0x7F;
    byte[] bytes = readFifo(level);
    if ((read(CONTROL) & 0x07) != 0) {
      return Optional.of(new Reply.Garbled("answer ends in a partial byte"));
    }
    return Optional.of(new Reply.Frame(bytes));
  }

  /** {@code frame} followed by its ISO/IEC 14443-3 CRC_A, low byte first. */
  static byte[] withCrc(byte... frame) {
    byte[] out = Arrays.copyOf(frame, frame.length + 2);
    int crc = crcA(frame, frame.length);
    out[frame.length] = (byte) crc;
    out[frame.length + 1] = (byte) (crc >> 8);
    return out;
  }

  /** Whether the last two bytes of {@code frame} are the CRC_A of the others. */
  static boolean crcMatches(byte[] frame) {
    if (frame.length < 3) {
      return false;
    }
    int crc = crcA(frame, frame.length - 2);
    return frame[frame.length - 2] == (byte) crc && frame[frame.length - 1] == (byte) (crc >> 8);
  }

  /** CRC_A: CRC-16/ISO-IEC-14443-3-A, preset 0x6363, reflected polynomial 0x8408, no final XOR. */
  static int crcA(byte[] data, int length) {
    int crc = 0x6363;
    for (int i = 0; i < length; i++) {
      crc ^= data[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? crc >>> 1 ^ 0x8408 : crc >>> 1;
      }
    }
    return crc;
  }

  private int read(int register) {
    byte[] tx = {readAddress(register), 0};
    byte[] rx = new byte[tx.length];
    exchange(tx, rx);
    return rx[1] & 0xFF;
  }

  private byte[] readFifo(int count) {
    if (count == 0) {
      return new byte[0];
    }
    byte[] tx = new byte[count + 1];
    Arrays.fill(tx, 0, count, readAddress(FIFO_DATA));
    byte[] rx = new byte[tx.length];
    exchange(tx, rx);
    return Arrays.copyOfRange(rx, 1, count + 1);
  }

  private void write(int register, int value) {
    write(register, new byte[] {(byte) value});
  }

  private void write(int register, byte[] values) {
    byte[] tx = new byte[values.length + 1];
    tx[0] = (byte) (register << 1 & 0x7E);
    System.arraycopy(values, 0, tx, 1, values.length);
    exchange(tx, new byte[tx.length]);
  }

  private static byte readAddress(int register) {
    return (byte) (register << 1 & 0x7E | 0x80);
  }

  private void exchange(byte[] tx, byte[] rx) {
    int result = spi.transfer(tx, rx, tx.length);
    if (result < 0) {
      throw new IllegalStateException("MFRC522 SPI transfer failed with " + result);
    }
  }
}
