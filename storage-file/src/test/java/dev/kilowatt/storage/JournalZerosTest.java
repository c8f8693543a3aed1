package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zeros the writer lays ahead of its records, so that a flush writes data into the file instead of
 * growing it: what a cut leaves with them on the medium, and that an orderly close takes them away.
 */
class JournalZerosTest {

  record Sample(String transaction, long energyWh) {}

  @TempDir
  Path root;

  private final LoopTasks loop = new LoopTasks();
  private final List<Outcome> outcomes = new ArrayList<>();

  @Test
  void aRecordIsWrittenIntoZerosAlreadyOnTheMediumSoTheFileDoesNotGrowAtEachFlush() throws IOException {
    FileJournal journal = FileJournal.open(root, loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 1);
    Path segment = onlySegment(root);
    long laid = Files.size(segment);
    long recordsEnd = Segment.read(segment, new ValueCodec()).intactBytes();
    journal.append("b", new Sample("1", 2), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 2);

    assertEquals(Segment.HEADER_BYTES + JournalWriter.ZEROS_AHEAD, laid, "laid with the segment's header");
    assertTrue(recordsEnd < laid);
    assertEquals(laid, Files.size(segment), "the second record went into them");
    assertTrue(Segment.read(segment, new ValueCodec()).intactBytes() > recordsEnd);
    journal.close();
  }

  @Test
  void aCutThatLeavesTheZerosOnTheMediumLosesNoRecordAndCountsNoTornTail() throws IOException {
    FileJournal journal = FileJournal.open(root.resolve("written"), loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    journal.append("b", new Sample("1", 2), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 2);
    byte[] asOnTheMedium = Files.readAllBytes(onlySegment(root.resolve("written")));
    journal.close();

    Path cut = Files.createDirectories(root.resolve("cut"));
    Files.write(cut.resolve(Segment.file(cut, 1).getFileName()), asOnTheMedium);
    FileJournal reopened = FileJournal.open(cut, loop);
    assertEquals(List.of(new Entry(1, "a", new Sample("1", 1)), new Entry(2, "b", new Sample("1", 2))),
        reopened.replay());
    assertEquals(0, reopened.droppedTails());
    reopened.close();
  }

  @Test
  void aCutAnywhereInARecordWrittenOverTheZerosLeavesExactlyTheRecordsBeforeIt() throws IOException {
    FileJournal journal = FileJournal.open(root.resolve("written"), loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 1);
    Path segment = onlySegment(root.resolve("written"));
    int before = (int) Segment.read(segment, new ValueCodec()).intactBytes();
    journal.append("b", new Sample("1", 2), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 2);
    byte[] whole = Files.readAllBytes(segment);
    int after = (int) Segment.read(segment, new ValueCodec()).intactBytes();
    journal.close();

    for (int cut = before; cut < after; cut++) {
      byte[] image = Arrays.copyOf(whole, whole.length);
      Arrays.fill(image, cut, after, (byte) 0);
      Path copy = Files.createDirectories(root.resolve("cut-" + cut));
      Files.write(copy.resolve(segment.getFileName()), image);

      FileJournal reopened = FileJournal.open(copy, loop);
      assertEquals(List.of(new Entry(1, "a", new Sample("1", 1))), reopened.replay(), "cut at byte " + cut);
      boolean wroteSomething = !Arrays.equals(image, before, cut, new byte[cut - before], 0, cut - before);
      assertEquals(wroteSomething ? 1 : 0, reopened.droppedTails(),
          "cut at byte " + cut + ": a torn record unless what reached the medium reads as zeros");
      reopened.close();
    }
  }

  @Test
  void anOrderlyCloseCutsTheZerosOffAndASegmentOfOnlyZerosIsNoTornTail() throws IOException {
    FileJournal journal = FileJournal.open(root, loop);
    journal.append("a", new Sample("1", 1), outcomes::add);
    loop.runUntil(() -> outcomes.size() == 1);
    journal.close();
    Path segment = onlySegment(root);
    assertEquals(Segment.read(segment, new ValueCodec()).intactBytes(), Files.size(segment));

    Path zeros = root.resolve("zeros");
    Files.createDirectories(zeros);
    Files.write(Segment.file(zeros, 1), new byte[JournalWriter.ZEROS_AHEAD]);
    Segment.Contents contents = Segment.read(Segment.file(zeros, 1), new ValueCodec());
    assertFalse(contents.tornTail(), "created and cut before its header reached the medium");
    assertEquals(List.of(), contents.lines());
  }

  private static Path onlySegment(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.filter(f -> Segment.number(f).isPresent()).toList();
      assertEquals(1, segments.size());
      return segments.getFirst();
    }
  }
}
