package dev.kilowatt.storage;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.kilowatt.core.port.LiveRecords;
import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import dev.kilowatt.core.port.Scheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's own thread and the one owner of its files: it takes what the loop queued, writes every
 * waiting record with one flush, and posts each outcome back to the loop. After a failed write it refuses
 * everything but a retry, so nothing is ever written after a record that did not make it.
 */
final class JournalWriter implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
  /**
   * How far ahead of the records the zeros reach. A flush that writes into zeros already on the medium
   * changes no metadata; one that grows the file does. One flush in about 400 records of 150 bytes lays the next
   * stretch, and an orderly close cuts the zeros off again.
   */
  static final int ZEROS_AHEAD = 64 << 10;

  /** What the loop asks of the writer, in the order it asked. */
  sealed interface Command {
    record Write(JournalLine line, ByteBuffer frame, Consumer<Outcome> whenDone) implements Command {}

    record Compact(Consumer<Outcome> whenDone) implements Command {}

    record Retry(Consumer<Outcome> whenDone) implements Command {}

    record Stop() implements Command {}
  }

  /** Opens the files; a seam for tests that make the medium fail or slow. */
  interface Medium {
    FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
        throws IOException;
  }

  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  private final Path directory;
  private final Scheduler loop;
  private final ValueCodec codec;
  private final Medium medium;
  private final FileJournal.Settings settings;
  private long nextSegment;
  private FileChannel channel;
  private Path channelFile;
  private long durableBytes;
  private long zeroedUpTo;
  private long lastDurableSequence;
  private Optional<String> fault = Optional.empty();

  JournalWriter(Path directory, Scheduler loop, ValueCodec codec, Medium medium, FileJournal.Settings settings,
      long nextSegment, long lastDurableSequence) {
    this.directory = directory;
    this.loop = loop;
    this.codec = codec;
    this.medium = medium;
    this.settings = settings;
    this.nextSegment = nextSegment;
    this.lastDurableSequence = lastDurableSequence;
  }

  void submit(Command command) {
    queue.add(command);
  }

  @Override
  public void run() {
    List<Command> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch);
      List<Command.Write> group = new ArrayList<>();
      for (Command command : batch) {
        if (command instanceof Command.Write write) {
          group.add(write);
          if (group.size() == settings.recordsPerCommit()) {
            commit(group);
          }
          continue;
        }
        commit(group);
        if (command instanceof Command.Compact compact) {
          post(compact.whenDone(), compact());
        } else if (command instanceof Command.Retry retry) {
          post(retry.whenDone(), retry());
        } else {
          closeQuietly();
          return;
        }
      }
      commit(group);
      batch.clear();
    }
  }

  /** Writes {@code group} with one flush and clears it; every record in it shares the outcome. */
  private void commit(List<Command.Write> group) {
    if (group.isEmpty()) {
      return;
    }
    List<Outcome> outcomes = new ArrayList<>(group.size());
    if (fault.isPresent()) {
      group.forEach(w -> outcomes.add(new Outcome.Refused("the journal is at fault: " + fault.get())));
    } else {
      try {
        if (channel == null || durableBytes >= settings.segmentBytes()) {
          startSegment(Segment.PLAIN);
        }
        ByteBuffer[] frames = group.stream().map(w -> w.frame().duplicate()).toArray(ByteBuffer[]::new);
        layZerosBeyond(channel.position() + Arrays.stream(frames).mapToLong(ByteBuffer::remaining).sum());
        Segment.writeFully(channel, frames);
        // fdatasync: the records and the length needed to read them; the file's times are not needed.
        channel.force(false);
        durableBytes = channel.position();
        lastDurableSequence = group.getLast().line().sequence();
        group.forEach(w -> outcomes.add(new Outcome.Durable(w.line().sequence())));
      } catch (IOException e) {
        String reason = failed("write", e);
        group.forEach(w -> outcomes.add(new Outcome.Failed(reason)));
      }
    }
    List<Consumer<Outcome>> callbacks = group.stream().map(Command.Write::whenDone).toList();
    loop.execute(() -> {
      for (int i = 0; i < callbacks.size(); i++) {
        callbacks.get(i).accept(outcomes.get(i));
      }
    });
    group.clear();
  }

  private Outcome compact() {
    if (fault.isPresent()) {
      return new Outcome.Refused("the journal is at fault: " + fault.get());
    }
    try {
      closeChannel();
      LiveRecords live = new LiveRecords();
      List<Path> replaced = FileJournal.readSegments(directory, codec, live, new FileJournal.ReadCounts());
      long number = nextSegment++;
      Path temporary = directory.resolve(Segment.file(directory, number).getFileName() + ".compacting");
      try (FileChannel out = medium.open(temporary, Set.of(CREATE_NEW, WRITE), OwnerOnly.newFile(temporary))) {
        List<ByteBuffer> buffers = new ArrayList<>();
        buffers.add(Segment.header(Segment.BASE));
        for (Entry entry : live.entries()) {
          buffers.add(Segment.frame(codec.encode(
              new JournalLine(entry.sequence(), entry.key(), Optional.of(entry.payload())))));
        }
        Segment.writeFully(out, buffers.toArray(ByteBuffer[]::new));
        out.force(false);
      }
      Files.move(temporary, Segment.file(directory, number), ATOMIC_MOVE);
      syncDirectory();
      // From here the base segment stands for everything before it; a cut now leaves files open() removes.
      for (Path old : replaced) {
        Files.deleteIfExists(old);
      }
      syncDirectory();
      LOG.info("journal compacted to {} live records in {}; {} segments dropped", live.size(),
          Segment.file(directory, number).getFileName(), replaced.size());
      return new Outcome.Durable(lastDurableSequence);
    } catch (IOException | RuntimeException e) {
      return new Outcome.Failed(failed("compaction", e));
    }
  }

  private Outcome retry() {
    if (fault.isEmpty()) {
      return new Outcome.Durable(lastDurableSequence);
    }
    try {
      // Drop whatever of the failed write reached the file, so it cannot reappear at the next start.
      Path failedFile = channelFile;
      closeQuietly();
      if (failedFile != null) {
        try (FileChannel old = medium.open(failedFile, Set.of(WRITE))) {
          old.truncate(durableBytes);
          old.force(false);
        }
      }
      startSegment(Segment.PLAIN);
      LOG.info("journal writable again after: {}", fault.get());
      fault = Optional.empty();
      return new Outcome.Durable(lastDurableSequence);
    } catch (IOException e) {
      closeQuietly();
      return new Outcome.Failed("the medium still refuses writes: " + e.getMessage());
    }
  }

  /** Starts the next segment with its header, flushed together with its directory entry. */
  private void startSegment(byte flag) throws IOException {
    closeChannel();
    Path file = Segment.file(directory, nextSegment++);
    FileChannel created = medium.open(file, Set.of(CREATE_NEW, WRITE), OwnerOnly.newFile(file));
    channel = created;
    channelFile = file;
    durableBytes = 0;
    zeroedUpTo = 0;
    layZerosBeyond(Segment.HEADER_BYTES);
    Segment.writeFully(created, Segment.header(flag));
    created.force(false);
    syncDirectory();
    durableBytes = created.position();
  }

  /**
   * Makes sure zeros lie on the segment beyond {@code end}, the end of what is about to be written, laying the
   * next stretch when they do not; the flush that follows makes them durable with the records.
   */
  private void layZerosBeyond(long end) throws IOException {
    if (end <= zeroedUpTo) {
      return;
    }
    long from = Math.max(zeroedUpTo, channel.position());
    ByteBuffer zeros = ByteBuffer.allocate((int) (end + ZEROS_AHEAD - from));
    while (zeros.hasRemaining()) {
      channel.write(zeros, from + zeros.position());
    }
    zeroedUpTo = end + ZEROS_AHEAD;
  }

  private String failed(String what, Exception e) {
    String reason = "journal " + what + " failed in " + directory + ": " + e.getMessage();
    LOG.error(reason + "; writes are refused until retried", e);
    fault = Optional.of(reason);
    return reason;
  }

  private void post(Consumer<Outcome> whenDone, Outcome outcome) {
    loop.execute(() -> whenDone.accept(outcome));
  }

  /** Closes the segment, cutting off the zeros beyond its last durable record: they were only there for speed. */
  private void closeChannel() throws IOException {
    if (channel != null) {
      try {
        channel.truncate(durableBytes);
      } finally {
        channel.close();
        channel = null;
        channelFile = null;
      }
    }
  }

  private void closeQuietly() {
    try {
      closeChannel();
    } catch (IOException e) {
      LOG.debug("closing the journal segment failed; its flushed records are safe", e);
    }
  }

  private void syncDirectory() throws IOException {
    AtomicFile.syncDirectory(directory);
  }
}
