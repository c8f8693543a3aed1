package dev.kilowatt.pi4j;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An MFRC522 at register level (register file, FIFO, interrupt and error bits) with an ISO/IEC 14443 A
 * card in front of it that answers by what is written to CommandReg and the FIFO. The card follows the
 * standard's states (IDLE, READY, ACTIVE, HALT): it answers REQA only from IDLE, WUPA also from HALT,
 * anticollision and SELECT per cascade level, and goes to HALT on HLTA; it loses its state when removed.
 * Whatever breaks the SPI framing is recorded as a protocol error for the test to check.
 */
final class FakeMfrc522 implements FakeSpiProvider.Device {

  private static final int COMMAND = 0x01;
  private static final int COM_IRQ = 0x04;
  private static final int ERROR = 0x06;
  private static final int FIFO_DATA = 0x09;
  private static final int FIFO_LEVEL = 0x0A;
  private static final int CONTROL = 0x0C;
  private static final int BIT_FRAMING = 0x0D;
  private static final int TX_CONTROL = 0x14;
  private static final int VERSION = 0x37;
  private static final int TRANSCEIVE = 0x0C;
  private static final int SOFT_RESET = 0x0F;

  private final int[] registers = new int[64];
  private final Deque<Byte> fifo = new ArrayDeque<>();
  private final List<String> protocolErrors = new ArrayList<>();
  private final List<String> framesSent = new ArrayList<>();
  private Optional<Card> card = Optional.empty();
  private boolean connected = true;
  private int resetReadsLeft;
  private int softResets;

  FakeMfrc522() {
    powerOn();
  }

  /** Places a card with this UID (4, 7 or 10 bytes) on the reader. */
  void present(String uidHex) {
    card = Optional.of(new Card(HexFormat.of().parseHex(uidHex), false));
  }

  /** Places a card whose anticollision answer has a wrong BCC. */
  void presentWithBadBcc(String uidHex) {
    card = Optional.of(new Card(HexFormat.of().parseHex(uidHex), true));
  }

  void remove() {
    card = Optional.empty();
  }

  /** Takes the chip off the bus: MISO floats low, every register reads 0x00. */
  void disconnect() {
    connected = false;
  }

  /** Puts a freshly powered chip back on the bus (reset values, antenna off). */
  void reconnect() {
    connected = true;
    powerOn();
  }

  /** The chip resets by itself (a brown-out): registers back to their reset values, antenna off. */
  void brownOut() {
    powerOn();
  }

  List<String> protocolErrors() {
    return protocolErrors;
  }

  /** The frames the driver sent to cards, as hex, in order. */
  List<String> framesSent() {
    return framesSent;
  }

  int register(int address) {
    return registers[address];
  }

  int softResets() {
    return softResets;
  }

  @Override
  public boolean exchange(byte[] tx, byte[] rx) {
    if (!connected) {
      return true;
    }
    int first = tx[0] & 0xFF;
    if ((first & 0x80) != 0) {
      for (int i = 1; i < tx.length; i++) {
        int address = tx[i - 1] & 0xFF;
        if ((address & 0x81) != 0x80) {
          protocolErrors.add("byte " + (i - 1) + " of a read is not a read address: " + hex(tx));
        }
        rx[i] = (byte) read(address >> 1 & 0x3F);
      }
      if (tx[tx.length - 1] != 0) {
        protocolErrors.add("a read must end with 0x00: " + hex(tx));
      }
    } else {
      if ((first & 0x01) != 0) {
        protocolErrors.add("bit 0 of an address must be 0: " + hex(tx));
      }
      for (int i = 1; i < tx.length; i++) {
        write(first >> 1 & 0x3F, tx[i] & 0xFF);
      }
    }
    return true;
  }

  private void powerOn() {
    Arrays.fill(registers, 0);
    registers[COMMAND] = 0x20;
    registers[TX_CONTROL] = 0x80;
    registers[VERSION] = 0x92;
    fifo.clear();
  }

  private int read(int register) {
    return switch (register) {
      case FIFO_DATA -> fifo.isEmpty() ? 0 : fifo.poll() & 0xFF;
      case FIFO_LEVEL -> fifo.size();
      case COMMAND -> {
        // a soft reset takes a moment: the first look afterwards still finds PowerDown set
        if (resetReadsLeft > 0) {
          resetReadsLeft--;
          yield registers[COMMAND] | 0x10;
        }
        yield registers[COMMAND];
      }
      default -> registers[register];
    };
  }

  private void write(int register, int value) {
    switch (register) {
      case COMMAND -> {
        if ((value & 0x0F) == SOFT_RESET) {
          softResets++;
          powerOn();
          registers[COMMAND] = 0x00;
          resetReadsLeft = 1;
        } else {
          registers[COMMAND] = value & 0x3F;
        }
      }
      case COM_IRQ -> registers[COM_IRQ] = (value & 0x80) != 0
          ? registers[COM_IRQ] | value & 0x7F
          : registers[COM_IRQ] & ~value;
      case FIFO_DATA -> fifo.add((byte) value);
      case FIFO_LEVEL -> {
        if ((value & 0x80) != 0) {
          fifo.clear();
        }
      }
      case BIT_FRAMING -> {
        registers[BIT_FRAMING] = value & 0x7F;
        if ((value & 0x80) != 0) {
          if ((registers[COMMAND] & 0x0F) == TRANSCEIVE) {
            transmit(value & 0x07);
          } else {
            protocolErrors.add("StartSend without the Transceive command");
          }
        }
      }
      case VERSION -> protocolErrors.add("VersionReg is read-only");
      default -> registers[register] = value;
    }
  }

  private void transmit(int lastBits) {
    byte[] frame = new byte[fifo.size()];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = fifo.poll();
    }
    framesSent.add(hex(frame));
    registers[ERROR] = 0;
    registers[CONTROL] &= ~0x07;
    boolean antennaOn = (registers[TX_CONTROL] & 0x03) == 0x03;
    Optional<byte[]> answer = antennaOn ? card.flatMap(c -> c.receive(frame, lastBits)) : Optional.empty();
    if (answer.isPresent()) {
      for (byte b : answer.get()) {
        fifo.add(b);
      }
      registers[COM_IRQ] |= 0x30;
    } else {
      registers[COM_IRQ] |= 0x01;
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** CRC_A as ISO/IEC 14443-3 Annex B computes it, byte by byte. */
  static int crcA(byte[] data, int length) {
    int crc = 0x6363;
    for (int i = 0; i < length; i++) {
      int ch = (data[i] ^ crc) & 0xFF;
      ch = (ch ^ ch << 4) & 0xFF;
      crc = (crc >> 8 ^ ch << 8 ^ ch << 3 ^ ch >> 4) & 0xFFFF;
    }
    return crc;
  }

  private static byte[] withCrc(byte... data) {
    byte[] out = Arrays.copyOf(data, data.length + 2);
    int crc = crcA(data, data.length);
    out[data.length] = (byte) crc;
    out[data.length + 1] = (byte) (crc >> 8);
    return out;
  }

  /** An ISO/IEC 14443 A card in the field. */
  private static final class Card {
    private static final byte[] SELECT_CODES = {(byte) 0x93, (byte) 0x95, (byte) 0x97};

    private enum State { IDLE, READY, ACTIVE, HALT }

    private final byte[] uid;
    private final boolean badBcc;
    private State state = State.IDLE;
    private boolean wokenFromHalt;
    private int level;

    Card(byte[] uid, boolean badBcc) {
      this.uid = uid;
      this.badBcc = badBcc;
    }

    Optional<byte[]> receive(byte[] frame, int lastBits) {
      if (lastBits == 7 && frame.length == 1) {
        boolean reqa = frame[0] == 0x26 && state == State.IDLE;
        boolean wupa = frame[0] == 0x52 && (state == State.IDLE || state == State.HALT);
        if (reqa || wupa) {
          wokenFromHalt = state == State.HALT;
          state = State.READY;
          level = 0;
          return Optional.of(new byte[] {(byte) (uid.length == 4 ? 0x04 : 0x44), 0x00});
        }
        return unexpected();
      }
      if (lastBits != 0) {
        return unexpected();
      }
      if (state == State.READY && frame.length == 2 && frame[0] == SELECT_CODES[level] && frame[1] == 0x20) {
        byte[] part = cascadeLevelBytes();
        if (badBcc) {
          part[4] ^= 0x01;
        }
        return Optional.of(part);
      }
      if (state == State.READY && frame.length == 9 && frame[0] == SELECT_CODES[level] && frame[1] == 0x70
          && crcA(frame, 7) == ((frame[7] & 0xFF) | (frame[8] & 0xFF) << 8)
          && Arrays.equals(Arrays.copyOfRange(frame, 2, 7), cascadeLevelBytes())) {
        boolean complete = (level + 1) * 3 + 1 >= uid.length;
        if (complete) {
          state = State.ACTIVE;
          return Optional.of(withCrc((byte) 0x08));
        }
        level++;
        return Optional.of(withCrc((byte) 0x04));
      }
      if (state == State.ACTIVE && Arrays.equals(frame, withCrc((byte) 0x50, (byte) 0x00))) {
        state = State.HALT;
        return Optional.empty();
      }
      return unexpected();
    }

    /** The 4 UID bytes (or cascade tag and 3 bytes) of the current level, and their BCC. */
    private byte[] cascadeLevelBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      boolean last = (level + 1) * 3 + 1 >= uid.length;
      if (last) {
        out.write(uid, level * 3, 4);
      } else {
        out.write(0x88);
        out.write(uid, level * 3, 3);
      }
      byte[] four = out.toByteArray();
      return new byte[] {four[0], four[1], four[2], four[3], (byte) (four[0] ^ four[1] ^ four[2] ^ four[3])};
    }

    private Optional<byte[]> unexpected() {
      if (state == State.READY || state == State.ACTIVE) {
        state = wokenFromHalt ? State.HALT : State.IDLE;
      }
      return Optional.empty();
    }
  }
}
