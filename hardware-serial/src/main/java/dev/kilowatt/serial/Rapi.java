package dev.kilowatt.serial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * OpenEVSE's RAPI framing: {@code $cc p1 p2^xk\r}, where {@code xk} is the XOR of every character before the
 * {@code ^} as two hex digits. Replies are {@code $OK ...} or {@code $NK ...}; {@code $AT}, {@code $AB} and
 * {@code $ST} come unasked. A trailing {@code :ss} token is a sequence id, which we do not use and drop.
 */
final class Rapi {

  /** The longest line we accept; the firmware's own buffer is smaller. */
  static final int MAX_LINE = 80;

  private Rapi() {}

  /** A checksummed command line ready to send, e.g. {@code $GS^30\r} for {@code "GS"}. */
  static byte[] command(String command) {
    String body = "$" + command;
    return (body + "^" + HexFormat.of().withUpperCase().toHexDigits((byte) checksum(body)) + "\r")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static int checksum(CharSequence text) {
    int sum = 0;
    for (int i = 0; i < text.length(); i++) {
      sum ^= text.charAt(i);
    }
    return sum & 0xFF;
  }

  /** A line from the board with a valid checksum, split into its type ({@code OK}, {@code AT}, ...) and parameters. */
  record Message(String type, List<String> parameters) {
    Message {
      parameters = List.copyOf(parameters);
    }

    boolean isReply() {
      return type.equals("OK") || type.equals("NK");
    }
  }

  /** The message in {@code line} (without its carriage return), or empty if it is not a valid RAPI line. */
  static Optional<Message> parse(String line) {
    int caret = line.lastIndexOf('^');
    if (!line.startsWith("$") || caret < 2 || caret + 3 != line.length()) {
      return Optional.empty();
    }
    String digits = line.substring(caret + 1);
    if (!HexFormat.isHexDigit(digits.charAt(0)) || !HexFormat.isHexDigit(digits.charAt(1))) {
      return Optional.empty();
    }
    if (HexFormat.fromHexDigits(digits) != checksum(line.substring(0, caret))) {
      return Optional.empty();
    }
    String[] tokens = line.substring(1, caret).trim().split(" +");
    int end = tokens.length;
    if (end > 1 && tokens[end - 1].startsWith(":")) {
      end--;
    }
    if (tokens[0].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Message(tokens[0], Arrays.asList(tokens).subList(1, end)));
  }

  /** Cuts the byte stream into lines at carriage returns; line feeds (sent with echo on) are ignored. */
  static final class Lines {
    private final Discards discards;
    private final StringBuilder current = new StringBuilder();
    private final Deque<String> complete = new ArrayDeque<>();

    Lines(Discards discards) {
      this.discards = discards;
    }

    void feed(byte[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        char c = (char) (buffer[i] & 0xFF);
        if (c == '\r') {
          if (!current.isEmpty()) {
            complete.add(current.toString());
          }
          current.setLength(0);
        } else if (c != '\n') {
          if (current.length() == MAX_LINE) {
            discards.discarded(current.length(), "over-long line");
            current.setLength(0);
          }
          current.append(c);
        }
      }
    }

    Optional<String> next() {
      return Optional.ofNullable(complete.poll());
    }

    void clear() {
      current.setLength(0);
      complete.clear();
    }
  }
}
