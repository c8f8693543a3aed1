package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    long before = Files.size(segment);
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
      assertEquals(cut == before ? 0 : 1, reopened.droppedTails(), "cut at byte " + cut);
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

  private static Path onlySegment(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.filter(f -> Segment.number(f).isPresent()).toList();
      assertEquals(1, segments.size());
      return segments.getFirst();
    }
  }
}
