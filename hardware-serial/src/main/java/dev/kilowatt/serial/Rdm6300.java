package dev.kilowatt.serial;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * RDM6300 frames: {@code 02}, ten ASCII hex digits (a version byte and the four-byte EM4100 tag number), two
 * ASCII hex digits of checksum (the XOR of the five data bytes), {@code 03}.
 */
final class Rdm6300 {

  static final int START = 0x02;
  static final int END = 0x03;
  static final int DATA_DIGITS = 10;
  static final int FRAME_DIGITS = 12;

  private Rdm6300() {}

  /** Finds valid frames in the byte stream; noise and broken frames are reported to {@code discards}. */
  static final class Parser {
    private final Discards discards;
    private final StringBuilder digits = new StringBuilder(FRAME_DIGITS);
    private boolean inFrame;

    Parser(Discards discards) {
      this.discards = discards;
    }

    /** The idTags (the ten data digits, upper case) of the frames completed by these bytes. */
    List<String> feed(byte[] buffer, int count) {
      List<String> cards = new ArrayList<>(1);
      int noise = 0;
      for (int i = 0; i < count; i++) {
        int b = buffer[i] & 0xFF;
        if (b == START) {
          if (inFrame) {
            discards.discarded(digits.length() + 1, "truncated frame");
          }
          inFrame = true;
          digits.setLength(0);
        } else if (!inFrame) {
          noise++;
        } else if (b == END || digits.length() == FRAME_DIGITS) {
          inFrame = false;
          String card = b == END ? card() : null;
          if (card == null) {
            discards.discarded(digits.length() + 2, "broken frame");
          } else {
            cards.add(card);
          }
        } else {
          digits.append((char) b);
        }
      }
      if (noise > 0) {
        discards.discarded(noise, "noise between frames");
      }
      return cards;
    }

    /** The card of the collected digits, or null if they are not a frame with a matching checksum. */
    private String card() {
      if (digits.length() != FRAME_DIGITS || !digits.chars().allMatch(HexFormat::isHexDigit)) {
        return null;
      }
      byte[] bytes = HexFormat.of().parseHex(digits);
      int sum = 0;
      for (int i = 0; i < bytes.length - 1; i++) {
        sum ^= bytes[i];
      }
      if ((sum & 0xFF) != (bytes[bytes.length - 1] & 0xFF)) {
        return null;
      }
      return digits.substring(0, DATA_DIGITS).toUpperCase(Locale.ROOT);
    }
  }
}
