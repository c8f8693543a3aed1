package dev.kilowatt.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-flash format of one journal segment, {@code journal-<number>.log}: a 5-byte header (the magic
 * {@code KWJ1} and a flag byte) and then frames of {@code length, CRC-32C, body}, both integers big-endian,
 * the body a {@link JournalLine} as JSON. A power cut can leave the last frame torn: too short for its
 * length or failing its CRC. Reading stops there, since nothing after a bad length can be framed; every
 * record before it is intact because it was written, and flushed, before the torn one.
 *
 * <p>The writer lays zeros down ahead of its records ({@link JournalWriter}), so that a flush of a record writes
 * data only: appending to a file changes its size, and ext4 then commits its journal at every
 * {@code fdatasync}, which costs several times the data write. No frame has a zero length (a body is a
 * JSON record), so a segment's records end where only zeros are left; those bytes are no torn record.
 *
 * <p>A segment flagged as a base holds the live set of every segment numbered below it, written by a
 * compaction; the older segments it replaces are obsolete the moment it is in place.
 */
final class Segment {

  private static final Logger LOG = LoggerFactory.getLogger(Segment.class);
  private static final Pattern NAME = Pattern.compile("journal-(\\d{12})\\.log");
  private static final int MAGIC = 0x4B574A31;
  static final int HEADER_BYTES = 5;
  private static final int FRAME_HEADER_BYTES = 8;
  /** Larger than any record the charger writes; a length beyond it can only be a torn or damaged frame. */
  static final int MAX_BODY_BYTES = 1 << 20;
  static final byte PLAIN = 0;
  static final byte BASE = 1;

  private Segment() {}

  static Path file(Path directory, long number) {
    return directory.resolve("journal-%012d.log".formatted(number));
  }

  /** The segment number of {@code file}, if it is named as a segment. */
  static OptionalLong number(Path file) {
    Matcher matcher = NAME.matcher(file.getFileName().toString());
    return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
  }

  static ByteBuffer header(byte flag) {
    return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).put(flag).flip();
  }

  /** {@code body} framed with its length and CRC. */
  static ByteBuffer frame(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    return ByteBuffer.allocate(FRAME_HEADER_BYTES + body.length)
        .putInt(body.length).putInt((int) crc.getValue()).put(body).flip();
  }

  /** What a segment holds, read up to its first torn or damaged frame. */
  record Contents(boolean base, List<JournalLine> lines, long intactBytes, boolean tornTail, List<Unreadable> unreadable) {}

  /** An intact frame whose body is not a record this version reads: where its frame starts, its body, and why. */
  record Unreadable(long offset, byte[] body, String reason) {}

  static Contents read(Path file, ValueCodec codec) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    if (bytes.remaining() < HEADER_BYTES || bytes.getInt() != MAGIC) {
      // A segment is created with its header and flushed before any record goes in; no header, no records.
      return new Contents(false, List.of(), 0, !onlyZerosFrom(bytes, 0), List.of());
    }
    boolean base = bytes.get() == BASE;
    List<JournalLine> lines = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    long intact = HEADER_BYTES;
    while (bytes.remaining() > 0 && !onlyZerosFrom(bytes, bytes.position())) {
      long frameStart = bytes.position();
      Optional<byte[]> body = nextBody(bytes);
      if (body.isEmpty()) {
        LOG.warn("{}: the {} bytes after byte {} are a torn or damaged record; dropped",
            file.getFileName(), bytes.capacity() - intact, intact);
        return new Contents(base, lines, intact, true, unreadable);
      }
      intact = bytes.position();
      try {
        lines.add(codec.decode(body.get(), JournalLine.class));
      } catch (IOException e) {
        // Framed and intact, so written whole: a record of a type this version no longer knows, or damage
        // that kept the CRC. Skipped, so that the records after it still count; its bytes are kept aside.
        String reason = String.valueOf(e.getMessage()).replace('\n', ' ');
        unreadable.add(new Unreadable(frameStart, body.get(), reason));
        LOG.warn("{}: the record at byte {} cannot be read ({}); skipped", file.getFileName(), frameStart, reason);
      }
    }
    return new Contents(base, lines, intact, false, unreadable);
  }

  /** Whether every byte of {@code bytes} from {@code offset} on is zero: laid ahead, never written over. */
  private static boolean onlyZerosFrom(ByteBuffer bytes, int offset) {
    for (int i = offset; i < bytes.limit(); i++) {
      if (bytes.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static Optional<byte[]> nextBody(ByteBuffer bytes) {
    if (bytes.remaining() < FRAME_HEADER_BYTES) {
      return Optional.empty();
    }
    int length = bytes.getInt();
    int expectedCrc = bytes.getInt();
    if (length < 0 || length > MAX_BODY_BYTES || length > bytes.remaining()) {
      return Optional.empty();
    }
    byte[] body = new byte[length];
    bytes.get(body);
    CRC32C crc = new CRC32C();
    crc.update(body);
    return (int) crc.getValue() == expectedCrc ? Optional.of(body) : Optional.empty();
  }

  /** Writes all of {@code buffers} at the channel's position. */
  static void writeFully(FileChannel channel, ByteBuffer... buffers) throws IOException {
    long remaining = 0;
    for (ByteBuffer buffer : buffers) {
      remaining += buffer.remaining();
    }
    while (remaining > 0) {
      remaining -= channel.write(buffers);
    }
  }
}
