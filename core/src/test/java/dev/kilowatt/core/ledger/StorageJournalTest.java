package dev.kilowatt.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.HeldWriter;
import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import dev.kilowatt.core.port.Journal.Unreadable;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageJournalTest {

  record Started(String idTag) {}

  private final VirtualTime loop = new VirtualTime(Instant.parse("2025-06-01T12:00:00Z"));
  private final List<Outcome> outcomes = new ArrayList<>();
  private final HeldWriter writer = new HeldWriter();

  @Test
  void replayAfterAReopenAppliesSupersedingAndForgetting() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, Runnable::run, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.append("tx/2/start", new Started("B"), outcomes::add);
    journal.append("tx/1/start", new Started("A2"), outcomes::add);
    journal.forget("tx/2/", outcomes::add);
    loop.runPending();
    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(2), new Outcome.Durable(3), new Outcome.Durable(4)), outcomes);

    StorageJournal reopened = new StorageJournal(storage, Runnable::run, loop);
    assertEquals(List.of(new Entry(3, "tx/1/start", new Started("A2"))), reopened.replay());
    reopened.append("tx/3/start", new Started("C"), outcomes::add);
    loop.runPending();
    assertEquals(new Outcome.Durable(5), outcomes.getLast(), "sequences go on after a reopen");
  }

  @Test
  void compactionKeepsOnlyTheLiveRecords() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, Runnable::run, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.append("tx/1/start", new Started("A2"), outcomes::add);
    journal.append("tx/2/start", new Started("B"), outcomes::add);
    journal.forget("tx/2/", outcomes::add);
    journal.compact(outcomes::add);
    loop.runPending();
    assertEquals(1, storage.keys("journal/").size());
    assertEquals(List.of(new Entry(2, "tx/1/start", new Started("A2"))), new StorageJournal(storage, Runnable::run, loop).replay());
  }

  @Test
  void aFailedSaveFailsThatWriteRefusesTheNextUntilRetried() {
    FaultyStorage storage = new FaultyStorage();
    storage.failSavesOf("journal/00000000000000000001");
    StorageJournal journal = new StorageJournal(storage, Runnable::run, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    storage.failSavesOf(null);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.retry(outcomes::add);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    loop.runPending();
    assertInstanceOf(Outcome.Failed.class, outcomes.get(0));
    assertInstanceOf(Outcome.Refused.class, outcomes.get(1));
    assertInstanceOf(Outcome.Durable.class, outcomes.get(2));
    assertEquals(new Outcome.Durable(3), outcomes.get(3));
    assertEquals(1, new StorageJournal(storage, Runnable::run, loop).replay().size());
  }

  @Test
  void anAppendReturnsBeforeItsSaveAndIsDurableOnlyOnceTheSaveReturned() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, writer, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    loop.runPending();
    assertEquals(List.of(), storage.keys("journal/"), "not saved on the caller");
    assertEquals(List.of(), outcomes, "not durable before the save");

    writer.finishAll();
    assertEquals(1, storage.keys("journal/").size());
    assertEquals(List.of(), outcomes, "the outcome is reported on the loop");
    loop.runPending();
    assertEquals(List.of(new Outcome.Durable(1)), outcomes);
  }

  @Test
  void outcomesComeInCallOrderWithTheSequencesOfTheCalls() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, writer, loop);
    List<String> order = new ArrayList<>();
    journal.append("tx/1/start", new Started("A"), o -> order.add("start " + o));
    journal.append("tx/1/answer", new Started("A"), o -> order.add("answer " + o));
    journal.compact(o -> order.add("compact " + o));
    journal.forget("tx/1/", o -> order.add("forget " + o));
    assertEquals(1, writer.held(), "one save at a time: the writer takes them in turn");

    writer.finishAll();
    loop.runPending();
    assertEquals(List.of("start Durable[sequence=1]", "answer Durable[sequence=2]", "compact Durable[sequence=2]",
        "forget Durable[sequence=3]"), order);
    assertEquals(List.of(), new StorageJournal(storage, Runnable::run, loop).replay());
  }

  @Test
  void aFailedSaveOnTheWriterRefusesTheWritesQueuedBehindItUntilRetried() {
    FaultyStorage storage = new FaultyStorage();
    storage.failSavesOf("journal/00000000000000000001");
    StorageJournal journal = new StorageJournal(storage, writer, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.append("tx/1/answer", new Started("A"), outcomes::add);
    journal.compact(outcomes::add);
    writer.finishAll();
    storage.failSavesOf(null);
    journal.retry(outcomes::add);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    writer.finishAll();
    loop.runPending();

    assertInstanceOf(Outcome.Failed.class, outcomes.get(0));
    assertInstanceOf(Outcome.Refused.class, outcomes.get(1), "not saved behind the failed one");
    assertInstanceOf(Outcome.Refused.class, outcomes.get(2));
    assertEquals(new Outcome.Durable(2), outcomes.get(3));
    assertEquals(new Outcome.Durable(3), outcomes.get(4));
    assertEquals(List.of(new Entry(3, "tx/1/start", new Started("A"))), new StorageJournal(storage, Runnable::run, loop).replay());
  }

  @Test
  void aDrainSavesWhatIsQueuedOnTheStoppingThreadAndNothingAfter() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, writer, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.append("tx/2/start", new Started("B"), outcomes::add);

    journal.drain();

    assertEquals(List.of(new Entry(1, "tx/1/start", new Started("A")), new Entry(2, "tx/2/start", new Started("B"))),
        new StorageJournal(storage, Runnable::run, loop).replay());
    journal.append("tx/3/start", new Started("C"), outcomes::add);
    writer.finishAll();
    loop.runPending();
    assertEquals(2, storage.keys("journal/").size(), "nothing is saved after the stop");
    assertEquals(List.of(new Outcome.Refused("the charge point has stopped")), outcomes,
        "the loop no longer runs the drained outcomes; a later call is refused");
  }

  @Test
  void aRecordThatCannotBeLoadedIsSkippedAndReportedAndTheRecordsAfterItCount() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, Runnable::run, loop);
    journal.append("a", new Started("A"), outcomes::add);
    journal.append("b", new Started("B"), outcomes::add);
    journal.append("c", new Started("C"), outcomes::add);
    // what a storage answers for a value it cannot read: nothing
    storage.save("journal/00000000000000000002", new Started("not a line"));

    StorageJournal reopened = new StorageJournal(storage, Runnable::run, loop);
    assertEquals(List.of(new Entry(1, "a", new Started("A")), new Entry(3, "c", new Started("C"))), reopened.replay());
    assertEquals(List.of("journal/00000000000000000002"), reopened.unreadable().stream().map(Unreadable::where).toList());
  }

  @Test
  void replayIsForStartUpOnly() {
    StorageJournal journal = new StorageJournal(new InMemoryStorage(), writer, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    assertThrows(IllegalStateException.class, journal::replay);
  }
}
