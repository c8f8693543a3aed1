package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {

  record Started(String idTag, long meterStartWh, Instant time, Optional<String> reservation) {}

  record Answered(int transactionId) {}

  record Unstorable(Object anything) {}

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir
  Path dir;

  private final LoopTasks loop = new LoopTasks();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<FileJournal> opened = new ArrayList<>();

  @AfterEach
  void closeJournals() {
    opened.forEach(FileJournal::close);
  }

  private FileJournal open(JournalWriter.Medium medium) {
    FileJournal journal = FileJournal.open(dir, loop, FileJournal.Settings.defaults(), medium);
    opened.add(journal);
    return journal;
  }

  private FileJournal open() {
    return open(FileChannel::open);
  }

  private void awaitOutcomes(int count) {
    loop.runUntil(() -> outcomes.size() >= count);
  }

  private static Started started(int n) {
    return new Started("TAG-" + n, 1000 + n, T0.plusSeconds(n), n % 2 == 0 ? Optional.of("R" + n) : Optional.empty());
  }

  @Test
  void appendedRecordsComeBackTypedAndInOrderAfterReopening() {
    FileJournal journal = open();
    assertEquals(List.of(), journal.replay());
    journal.append("tx/1/start", started(1), outcomes::add);
    journal.append("tx/1/id", new Answered(17), outcomes::add);
    journal.append("tx/2/start", started(2), outcomes::add);
    awaitOutcomes(3);
    journal.close();

    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(2), new Outcome.Durable(3)), outcomes);
    List<Entry> replayed = open().replay();
    assertEquals(List.of(new Entry(1, "tx/1/start", started(1)), new Entry(2, "tx/1/id", new Answered(17)),
        new Entry(3, "tx/2/start", started(2))), replayed);
    assertEquals(Optional.of(new Answered(17)), replayed.get(1).payload(Answered.class));
  }

  @Test
  void recordsWaitingForAFlushShareOne() throws IOException {
    var medium = new ScriptedMedium();
    var firstFlushHeld = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    FileJournal journal = open(medium);
    journal.append("first", new Answered(0), outcomes::add);
    awaitOutcomes(1);
    int flushesBefore = medium.flushes();

    medium.beforeFlush(() -> {
      firstFlushHeld.countDown();
      awaitQuietly(release);
    });
    journal.append("held", new Answered(1), outcomes::add);
    awaitQuietly(firstFlushHeld);
    for (int n = 2; n <= 100; n++) {
      journal.append("waiting/" + n, new Answered(n), outcomes::add);
    }
    release.countDown();
    awaitOutcomes(101);

    assertEquals(2, medium.flushes() - flushesBefore, "one flush for the held record, one for the 99 behind it");
    assertTrue(outcomes.stream().allMatch(Outcome.Durable.class::isInstance));
  }

  @Test
  void laterRecordsReplaceEarlierOnesUnderTheSameKeyAndForgetDropsAPrefix() {
    FileJournal journal = open();
    journal.append("tx/1/start", started(1), outcomes::add);
    journal.append("tx/2/start", started(2), outcomes::add);
    journal.append("tx/1/stop", new Answered(5), outcomes::add);
    journal.append("tx/2/start", started(3), outcomes::add);
    journal.forget("tx/1/", outcomes::add);
    awaitOutcomes(5);
    journal.close();

    assertEquals(List.of(new Entry(4, "tx/2/start", started(3))), open().replay());
  }

  @Test
  void compactionLeavesOneSegmentWithTheLiveSetAndWritingGoesOn() throws IOException {
    for (int boot = 0; boot < 3; boot++) {
      FileJournal journal = open();
      journal.replay();
      for (int n = 0; n < 10; n++) {
        journal.append("tx/" + boot + "/sample/" + n, started(n), outcomes::add);
      }
      journal.forget("tx/" + boot + "/sample/", outcomes::add);
      journal.append("tx/" + boot + "/start", started(boot), outcomes::add);
      awaitOutcomes(outcomes.size() + 12);
      journal.close();
    }
    assertEquals(3, segments().size());
    List<Entry> live = open().replay();

    FileJournal journal = opened.getLast();
    journal.compact(outcomes::add);
    journal.append("tx/3/start", started(3), outcomes::add);
    awaitOutcomes(outcomes.size() + 2);
    journal.close();

    assertInstanceOf(Outcome.Durable.class, outcomes.get(outcomes.size() - 2));
    assertEquals(2, segments().size(), "the base and the segment written after it");
    List<Entry> afterCompaction = open().replay();
    assertEquals(live, afterCompaction.subList(0, 3));
    assertEquals(List.of("tx/0/start", "tx/1/start", "tx/2/start", "tx/3/start"),
        afterCompaction.stream().map(Entry::key).toList());
  }

  @Test
  void aCompactionCutBeforeItRemovedTheOldSegmentsIsFinishedAtTheNextStart() throws IOException {
    FileJournal journal = open();
    journal.append("a", new Answered(1), outcomes::add);
    journal.append("a", new Answered(2), outcomes::add);
    awaitOutcomes(2);
    journal.close();
    Path old = segments().getFirst();
    byte[] oldBytes = Files.readAllBytes(old);
    journal = open();
    journal.compact(outcomes::add);
    awaitOutcomes(3);
    journal.close();
    Files.write(old, oldBytes);
    Files.writeString(dir.resolve("journal-000000000009.log.compacting"), "half a compaction");

    assertEquals(List.of(new Entry(2, "a", new Answered(2))), open().replay());
    assertEquals(1, segments().size());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aFailedFlushFailsItsRecordsRefusesLaterOnesAndIsGoneAfterRetry() {
    var medium = new ScriptedMedium();
    FileJournal journal = open(medium);
    journal.append("kept", new Answered(1), outcomes::add);
    awaitOutcomes(1);

    medium.beforeFlush(() -> {
      throw new IOException("Input/output error");
    });
    journal.append("failed", new Answered(2), outcomes::add);
    awaitOutcomes(2);
    journal.append("refused", new Answered(3), outcomes::add);
    journal.compact(outcomes::add);
    journal.retry(outcomes::add);
    awaitOutcomes(5);

    assertInstanceOf(Outcome.Failed.class, outcomes.get(1));
    assertTrue(((Outcome.Failed) outcomes.get(1)).reason().contains("Input/output error"));
    assertInstanceOf(Outcome.Refused.class, outcomes.get(2));
    assertInstanceOf(Outcome.Refused.class, outcomes.get(3));
    assertInstanceOf(Outcome.Failed.class, outcomes.get(4), "the medium still fails");

    medium.beforeFlush(() -> {});
    journal.retry(outcomes::add);
    journal.append("after", new Answered(4), outcomes::add);
    awaitOutcomes(7);
    journal.close();

    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(4)), outcomes.subList(5, 7));
    assertEquals(List.of("kept", "after"), open().replay().stream().map(Entry::key).toList());
  }

  @Test
  void refusesAtOnceWhatCannotBeStoredAndReplayAfterWriting() {
    FileJournal journal = open();

    assertThrows(IllegalArgumentException.class, () -> journal.append("x", new Unstorable(new Object()), outcomes::add));
    assertThrows(IllegalArgumentException.class, () -> journal.append("no spaces", new Answered(1), outcomes::add));
    journal.append("x", new Answered(1), outcomes::add);
    assertThrows(IllegalStateException.class, journal::replay);
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Segment.number(f).isPresent()).sorted().toList();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
