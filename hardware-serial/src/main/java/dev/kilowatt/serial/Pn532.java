package dev.kilowatt.serial;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The PN532 host-controller framing (NXP UM0701-02 §6.2): {@code 00 00 FF LEN LCS TFI data DCS 00}, where
 * LEN counts TFI and data, LEN + LCS ≡ 0 and TFI + data + DCS ≡ 0 (mod 256); TFI is D4 from the host and D5 from
 * the PN532. ACK is {@code 00 00 FF 00 FF 00}, NACK {@code 00 00 FF FF 00 00}, and an application error is the
 * one-byte frame with TFI 7F.
 */
final class Pn532 {

  static final int HOST_TO_PN532 = 0xD4;
  static final int PN532_TO_HOST = 0xD5;
  static final int APPLICATION_ERROR = 0x7F;

  static final int SAM_CONFIGURATION = 0x14;
  static final int RF_CONFIGURATION = 0x32;
  static final int IN_LIST_PASSIVE_TARGET = 0x4A;

  static final byte[] ACK = {0x00, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};
  static final byte[] NACK = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00};
  /** After power-down, HSU needs a long preamble before the first frame so that the chip wakes up in time. */
  static final byte[] WAKE_UP = {0x55, 0x55, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  private Pn532() {}

  /** A normal information frame with {@code tfi} and {@code data} (command code first). */
  static byte[] frame(int tfi, int... data) {
    int length = data.length + 1;
    if (length > 0xFF) {
      throw new IllegalArgumentException("frame too long for the normal format: " + length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 7);
    out.writeBytes(new byte[] {0x00, 0x00, (byte) 0xFF, (byte) length, (byte) -length, (byte) tfi});
    int sum = tfi;
    for (int b : data) {
      out.write(b);
      sum += b;
    }
    out.write(-sum);
    out.write(0x00);
    return out.toByteArray();
  }

  /** A host command frame. */
  static byte[] command(int... commandAndParameters) {
    return frame(HOST_TO_PN532, commandAndParameters);
  }

  /** What the parser found in the byte stream. */
  sealed interface Frame {}

  record Ack() implements Frame {}

  record Nack() implements Frame {}

  /**
   * A normal information frame.
   *
   * @param data the bytes after TFI (for a response: response code, then its parameters)
   */
  record Information(int tfi, byte[] data) implements Frame {
    Information {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    /** Whether this is the response to {@code command} (whose response code is the command code + 1). */
    boolean answers(int command) {
      return tfi == PN532_TO_HOST && data.length > 0 && (data[0] & 0xFF) == command + 1;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Information other && tfi == other.tfi && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return 31 * tfi + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Information[tfi=%02X, data=%s]".formatted(tfi, HexFormat.of().formatHex(data));
    }
  }

  /**
   * The UID of the first target in an InListPassiveTarget response ({@code 4B NbTg Tg SENS_RES(2) SEL_RES
   * NFCIDLength NFCID1...}) as upper-case hex, or empty when no card answered.
   */
  static Optional<String> targetId(byte[] response) throws DeviceException {
    if (response.length < 2 || (response[0] & 0xFF) != IN_LIST_PASSIVE_TARGET + 1) {
      throw new DeviceException(DeviceException.BAD_FRAME, "not an InListPassiveTarget response", false);
    }
    if (response[1] == 0) {
      return Optional.empty();
    }
    int uidLength = response.length > 6 ? response[6] & 0xFF : -1;
    if ((uidLength != 4 && uidLength != 7 && uidLength != 10) || response.length < 7 + uidLength) {
      throw new DeviceException(DeviceException.BAD_FRAME, "malformed target data", false);
    }
    return Optional.of(HexFormat.of().withUpperCase().formatHex(response, 7, 7 + uidLength));
  }

  /** Finds frames in a byte stream that may hold noise, preambles and broken frames. */
  static final class Parser {
    private enum State { SEEK, LENGTH, LENGTH_CHECKSUM, BODY, DATA_CHECKSUM }

    private final Discards discards;
    private State state = State.SEEK;
    private boolean afterZero;
    private int length;
    private byte[] body;
    private int filled;
    private long checksumErrors;

    Parser(Discards discards) {
      this.discards = discards;
    }

    /** The frames completed by these bytes. */
    List<Frame> feed(byte[] buffer, int count) {
      List<Frame> frames = new ArrayList<>(1);
      int noise = 0;
      for (int i = 0; i < count; i++) {
        int b = buffer[i] & 0xFF;
        switch (state) {
          case SEEK -> {
            if (b == 0xFF && afterZero) {
              state = State.LENGTH;
            } else if (b != 0x00) {
              noise++;
            }
            afterZero = b == 0x00;
          }
          case LENGTH -> {
            length = b;
            state = State.LENGTH_CHECKSUM;
          }
          case LENGTH_CHECKSUM -> lengthChecksum(b, frames);
          case BODY -> {
            body[filled++] = (byte) b;
            if (filled == length) {
              state = State.DATA_CHECKSUM;
            }
          }
          case DATA_CHECKSUM -> {
            int sum = b;
            for (byte x : body) {
              sum += x;
            }
            if ((sum & 0xFF) == 0) {
              frames.add(new Information(body[0] & 0xFF, Arrays.copyOfRange(body, 1, body.length)));
            } else {
              badFrame(length + 5, "frame with a bad data checksum");
            }
            restart();
          }
        }
      }
      if (noise > 0) {
        discards.discarded(noise, "noise between frames");
      }
      return frames;
    }

    /** How many frames with a bad LEN or data checksum were thrown away so far. */
    long checksumErrors() {
      return checksumErrors;
    }

    void reset() {
      restart();
    }

    private void lengthChecksum(int lcs, List<Frame> frames) {
      if (length == 0x00 && lcs == 0xFF) {
        frames.add(new Ack());
        restart();
      } else if (length == 0xFF && lcs == 0x00) {
        frames.add(new Nack());
        restart();
      } else if (((length + lcs) & 0xFF) != 0 || length == 0) {
        badFrame(4, "frame with a bad length checksum");
        restart();
      } else {
        body = new byte[length];
        filled = 0;
        state = State.BODY;
      }
    }

    private void badFrame(int bytes, String what) {
      checksumErrors++;
      discards.discarded(bytes, what);
    }

    private void restart() {
      state = State.SEEK;
      afterZero = false;
    }
  }
}
