package dev.kilowatt.storage;

import dev.kilowatt.core.port.LiveRecords;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Journal}: segment files in one directory, written by a thread of their own.
 *
 * <p>The loop's calls encode the record (so a value that cannot be stored fails at once, in the caller)
 * and queue it; the writer takes every record waiting and writes them with one {@code fdatasync} (group
 * commit), up to {@link Settings#recordsPerCommit()}. Each record carries its length and a CRC-32C, so a
 * record torn by a power cut is recognised and dropped at the next start, with everything before it kept.
 * Each start writes to a new segment, and a segment is closed once it passes {@link Settings#segmentBytes()}.
 * Compaction writes the live set to a new segment flagged as the base and deletes the ones before it.
 *
 * <p>The directory is rwx------ and the segments rw------- where the file system has POSIX permissions.
 */
public final class FileJournal implements Journal, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final ValueCodec codec;
  private final JournalWriter writer;
  private final Thread thread;
  private final ReadCounts counts;
  private List<Entry> found;
  private boolean written;
  private long lastSequence;

  /**
   * How the journal writes.
   *
   * @param segmentBytes the size past which a segment is closed and the next one started
   * @param recordsPerCommit the most records one flush commits; 1 flushes each record on its own
   */
  public record Settings(long segmentBytes, int recordsPerCommit) {

    /** Checks that a segment can hold a record and that a commit holds at least one. */
    public Settings {
      if (segmentBytes < Segment.HEADER_BYTES + 1) {
        throw new IllegalArgumentException("a segment holds at least one byte of records: " + segmentBytes);
      }
      if (recordsPerCommit < 1) {
        throw new IllegalArgumentException("a commit holds at least one record: " + recordsPerCommit);
      }
    }

    /**
     * 4 MiB segments, up to 1024 records per flush.
     *
     * @return the settings {@link #open(Path, Scheduler)} uses
     */
    public static Settings defaults() {
      return new Settings(4 << 20, 1024);
    }
  }

  private FileJournal(ValueCodec codec, JournalWriter writer, ReadCounts counts, List<Entry> found,
      long lastSequence) {
    this.codec = codec;
    this.writer = writer;
    this.counts = counts;
    this.found = found;
    this.lastSequence = lastSequence;
    this.thread = new Thread(writer, "kilowatt-journal");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * {@link #open(Path, Scheduler, Settings)} with {@link Settings#defaults()}.
   *
   * @param directory the journal's own directory, usually inside the data directory
   * @param loop the event loop the append, forget and compact outcomes are posted to
   * @return the opened journal, ready to replay
   */
  public static FileJournal open(Path directory, Scheduler loop) {
    return open(directory, loop, Settings.defaults());
  }

  /**
   * Opens the journal in {@code directory}, creating it if needed, and reads it for {@link #replay()}.
   * Outcomes are posted to {@code loop}.
   *
   * @param directory the journal's own directory, usually inside the data directory
   * @param loop the event loop the append, forget and compact outcomes are posted to
   * @param settings the segment size and how many records one flush may commit
   * @return the opened journal, ready to replay
   * @throws UncheckedIOException if the directory cannot be created or read
   */
  public static FileJournal open(Path directory, Scheduler loop, Settings settings) {
    return open(directory, loop, settings, FileChannel::open);
  }

  static FileJournal open(Path directory, Scheduler loop, Settings settings, JournalWriter.Medium medium) {
    Objects.requireNonNull(loop, "loop");
    Objects.requireNonNull(settings, "settings");
    Path dir = directory.toAbsolutePath();
    ValueCodec codec = new ValueCodec();
    ReadCounts counts = new ReadCounts();
    LiveRecords live = new LiveRecords();
    try {
      OwnerOnly.directory(dir);
      List<Path> segments = readSegments(dir, codec, live, counts);
      long nextSegment = segments.stream().map(Segment::number).mapToLong(OptionalLong::getAsLong).max().orElse(0) + 1;
      JournalWriter writer = new JournalWriter(dir, loop, codec, medium, settings, nextSegment, counts.lastSequence);
      return new FileJournal(codec, writer, counts, live.entries(), counts.lastSequence);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal in " + dir, e);
    }
  }

  @Override
  public List<Entry> replay() {
    if (written) {
      throw new IllegalStateException("replay is for start-up, before the journal is written to");
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the key is not a journal key or the payload cannot be stored
   */
  @Override
  public void append(String key, Record payload, Consumer<Outcome> whenDone) {
    write(new JournalLine(lastSequence + 1, Journal.requireKey(key), Optional.of(payload)), whenDone);
  }

  @Override
  public void forget(String keyPrefix, Consumer<Outcome> whenDone) {
    write(new JournalLine(lastSequence + 1, Journal.requireKey(keyPrefix), Optional.empty()), whenDone);
  }

  @Override
  public void compact(Consumer<Outcome> whenDone) {
    started();
    writer.submit(new JournalWriter.Command.Compact(Objects.requireNonNull(whenDone, "whenDone")));
  }

  @Override
  public void retry(Consumer<Outcome> whenDone) {
    started();
    writer.submit(new JournalWriter.Command.Retry(Objects.requireNonNull(whenDone, "whenDone")));
  }

  /** {@return how many torn or damaged tails the last start found and dropped} */
  public int droppedTails() {
    return counts.tornTails;
  }

  /**
   * {@inheritDoc} Each is kept in {@code unreadable/} in the journal's directory, in a file named after its
   * segment and the offset of its frame, holding the record as it was written; compaction never removes them.
   */
  @Override
  public List<Unreadable> unreadable() {
    return List.copyOf(counts.unreadable);
  }

  /** Writes what is queued, then stops the writer; waits up to 10 s for it. */
  @Override
  public void close() {
    writer.submit(new JournalWriter.Command.Stop());
    try {
      if (!thread.join(CLOSE_WAIT)) {
        LOG.warn("the journal writer did not finish within {}; queued records may be lost", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(JournalLine line, Consumer<Outcome> whenDone) {
    Objects.requireNonNull(whenDone, "whenDone");
    byte[] body = codec.encode(line);
    if (body.length > Segment.MAX_BODY_BYTES) {
      throw new IllegalArgumentException("a journal record is at most " + Segment.MAX_BODY_BYTES + " bytes: "
          + line.key() + " has " + body.length);
    }
    ByteBuffer frame = Segment.frame(body);
    started();
    lastSequence = line.sequence();
    writer.submit(new JournalWriter.Command.Write(line, frame, whenDone));
  }

  private void started() {
    written = true;
    found = List.of();
  }

  /** What reading the segments met, for the embedder's diagnostics and the charge point's faults. */
  static final class ReadCounts {
    int tornTails;
    final List<Unreadable> unreadable = new ArrayList<>();
    long lastSequence;
  }

  /**
   * Applies the segments in {@code directory} to {@code live}, in order from the newest base, and returns
   * the segment files read. Segments before the newest base and compactions a cut interrupted are removed.
   * The records of those segments that cannot be read are kept aside first ({@link SetAside}), so that a
   * compaction, which leaves them out, loses none.
   */
  static List<Path> readSegments(Path directory, ValueCodec codec, LiveRecords live, ReadCounts counts)
      throws IOException {
    List<Path> segments;
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      for (Path file : all) {
        if (file.getFileName().toString().endsWith(".log.compacting")) {
          Files.delete(file);
          LOG.info("removed {}, left by an interrupted compaction", file.getFileName());
        }
      }
      segments = all.stream().filter(file -> Segment.number(file).isPresent())
          .sorted(Comparator.comparingLong(file -> Segment.number(file).getAsLong())).toList();
    }
    List<Segment.Contents> contents = new ArrayList<>();
    for (Path segment : segments) {
      contents.add(Segment.read(segment, codec));
    }
    int base = 0;
    for (int i = 0; i < contents.size(); i++) {
      if (contents.get(i).base()) {
        base = i;
      }
    }
    for (Path obsolete : segments.subList(0, base)) {
      Files.delete(obsolete);
      LOG.info("removed {}, replaced by a compaction", obsolete.getFileName());
    }
    for (int i = base; i < contents.size(); i++) {
      Segment.Contents segment = contents.get(i);
      for (JournalLine line : segment.lines()) {
        line.payload().ifPresentOrElse(
            payload -> live.put(new Entry(line.sequence(), line.key(), payload)),
            () -> live.forget(line.key()));
        counts.lastSequence = Math.max(counts.lastSequence, line.sequence());
      }
      counts.tornTails += segment.tornTail() ? 1 : 0;
      Path file = segments.get(i);
      segment.unreadable().forEach(record -> counts.unreadable.add(SetAside.keep(directory, file, record)));
    }
    return segments.subList(base, segments.size());
  }
}
