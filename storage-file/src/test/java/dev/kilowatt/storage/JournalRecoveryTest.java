package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a power cut in the middle of a record leaves, at every byte it could leave. */
class JournalRecoveryTest {

  record Sample(String transaction, long energyWh) {}

  @TempDir
  Path root;

  private final LoopTasks loop = new LoopTasks();
  private final List<Outcome> outcomes = new ArrayList<>();

  @Test
  void aCutAnywhereInTheLastRecordLeavesExactlyTheRecordsBeforeIt() throws IOException {
    Path written = root.resolve("written");
    FileJournal journal = FileJournal.open(written, loop);
    journal.append("tx/1/sample/1", new Sample("1", 100), outcomes::add);
    journal.append("tx/1/sample/2", new Sample("1", 200), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 2);
    Path segment = onlySegment(written);
    // The open segment has zeros laid ahead of its records; the records end where they start.
    long before = Segment.read(segment, new ValueCodec()).intactBytes();
    journal.append("tx/1/sample/3", new Sample("1", 300), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 3);
    journal.close();
    byte[] whole = Files.readAllBytes(segment);
    List<Entry> firstTwo = List.of(new Entry(1, "tx/1/sample/1", new Sample("1", 100)),
        new Entry(2, "tx/1/sample/2", new Sample("1", 200)));

    for (long cut = before; cut < whole.length; cut++) {
      Path copy = root.resolve("cut-" + cut);
      Files.createDirectories(copy);
      Files.write(copy.resolve(segment.getFileName()), Arrays.copyOf(whole, (int) cut));

      FileJournal reopened = FileJournal.open(copy, loop);
      assertEquals(firstTwo, reopened.replay(), "cut at byte " + cut);
      // Bytes past the last record that read as zeros are what the writer lays ahead, not a torn record.
      int past = (int) (cut - before);
      boolean torn = !Arrays.equals(whole, (int) before, (int) cut, new byte[past], 0, past);
      assertEquals(torn ? 1 : 0, reopened.droppedTails(), "cut at byte " + cut);
      reopened.close();
    }
  }

  @Test
  void aDamagedRecordEndsItsSegmentAndWritingGoesOnInTheNext() throws IOException {
    FileJournal journal = FileJournal.open(root, loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    journal.append("b", new Sample("1", 2), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 2);
    journal.close();
    Path segment = onlySegment(root);
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      // The last byte of the file is inside the body of "b": its CRC no longer matches.
      channel.write(ByteBuffer.wrap(new byte[] {'#'}), Files.size(segment) - 2);
    }

    FileJournal reopened = FileJournal.open(root, loop);
    assertEquals(List.of("a"), reopened.replay().stream().map(Entry::key).toList());
    reopened.append("c", new Sample("1", 3), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 3);
    reopened.close();

    FileJournal third = FileJournal.open(root, loop);
    assertEquals(List.of(new Entry(1, "a", new Sample("1", 1)), new Entry(2, "c", new Sample("1", 3))), third.replay());
    third.close();
  }

  @Test
  void anIntactRecordOfATypeThisVersionDoesNotKnowIsSkippedAndCounted() throws IOException {
    FileJournal journal = FileJournal.open(root, loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 1);
    journal.close();
    byte[] unknown = """
        {"sequence":2,"key":"b","payload":{"@type":"dev.kilowatt.storage.RemovedRecord","x":1}}"""
        .getBytes(StandardCharsets.UTF_8);
    byte[] known = new ValueCodec().encode(new JournalLine(3, "c", Optional.of(new Sample("1", 3))));
    try (FileChannel channel = FileChannel.open(onlySegment(root), StandardOpenOption.APPEND)) {
      Segment.writeFully(channel, Segment.frame(unknown), Segment.frame(known));
    }

    FileJournal reopened = FileJournal.open(root, loop);
    assertEquals(List.of("a", "c"), reopened.replay().stream().map(Entry::key).toList());
    assertEquals(1, reopened.unreadable().size());
    assertEquals(0, reopened.droppedTails());
    reopened.close();
  }

  @Test
  void aGarbageRecordInTheMiddleIsSkippedKeptAsideAndReportedAndTheRecordsAfterItCount() throws IOException {
    FileJournal journal = FileJournal.open(root, loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 1);
    journal.close();
    Path segment = onlySegment(root);
    long garbageAt = Files.size(segment);
    byte[] garbage = "\u0000{not a record".getBytes(StandardCharsets.UTF_8);
    byte[] known = new ValueCodec().encode(new JournalLine(3, "c", Optional.of(new Sample("1", 3))));
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      Segment.writeFully(channel, Segment.frame(garbage), Segment.frame(known));
    }

    FileJournal reopened = FileJournal.open(root, loop);
    assertEquals(List.of(new Entry(1, "a", new Sample("1", 1)), new Entry(3, "c", new Sample("1", 3))), reopened.replay());
    Path keptIn = root.resolve("unreadable").resolve(segment.getFileName() + "-at-" + garbageAt + ".record");
    assertEquals(List.of(new Journal.Unreadable(segment.getFileName() + " at byte " + garbageAt, keptIn.toString(),
        reopened.unreadable().getFirst().reason())), reopened.unreadable());
    assertArrayEquals(garbage, Files.readAllBytes(keptIn), "the record's bytes as they were written");
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keptIn));
    assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(keptIn.getParent()));
    reopened.append("d", new Sample("1", 4), outcomes::add);
    reopened.compact(outcomes::add);
    loop.runUntil(() -> outcomes.size() == 3);
    reopened.close();

    FileJournal compacted = FileJournal.open(root, loop);
    assertEquals(List.of("a", "c", "d"), compacted.replay().stream().map(Entry::key).toList());
    assertEquals(List.of(), compacted.unreadable(), "the compaction left it out of the segments");
    assertArrayEquals(garbage, Files.readAllBytes(keptIn), "and never removes the copy");
    compacted.close();
  }

  @Test
  void recordsSpanSegmentsOnceOneIsFull() throws IOException {
    FileJournal journal = FileJournal.open(root, loop, new FileJournal.Settings(200, 1024));
    for (int n = 1; n <= 12; n++) {
      journal.append("tx/1/sample/" + n, new Sample("1", n), outcomes::add);
      int expected = n;
      loop.runUntil(() -> outcomes.size() == expected);
    }
    journal.close();

    try (Stream<Path> files = Files.list(root)) {
      assertEquals(6, files.count(), "two records of about 90 bytes fill a 200-byte segment");
    }
    FileJournal reopened = FileJournal.open(root, loop);
    assertEquals(12, reopened.replay().size());
    assertEquals(new Sample("1", 12), reopened.replay().getLast().payload());
    reopened.close();
  }

  private static Path onlySegment(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.filter(f -> Segment.number(f).isPresent()).toList();
      assertEquals(1, segments.size());
      return segments.getFirst();
    }
  }
}
