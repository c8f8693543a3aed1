package dev.kilowatt.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
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

  @Test
  void replayAfterAReopenAppliesSupersedingAndForgetting() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.append("tx/2/start", new Started("B"), outcomes::add);
    journal.append("tx/1/start", new Started("A2"), outcomes::add);
    journal.forget("tx/2/", outcomes::add);
    loop.runPending();
    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(2), new Outcome.Durable(3), new Outcome.Durable(4)), outcomes);

    StorageJournal reopened = new StorageJournal(storage, loop);
    assertEquals(List.of(new Entry(3, "tx/1/start", new Started("A2"))), reopened.replay());
    reopened.append("tx/3/start", new Started("C"), outcomes::add);
    loop.runPending();
    assertEquals(new Outcome.Durable(5), outcomes.getLast(), "sequences go on after a reopen");
  }

  @Test
  void compactionKeepsOnlyTheLiveRecords() {
    InMemoryStorage storage = new InMemoryStorage();
    StorageJournal journal = new StorageJournal(storage, loop);
    journal.append("tx/1/start", new Started("A"), outcomes::add);
    journal.append("tx/1/start", new Started("A2"), outcomes::add);
    journal.append("tx/2/start", new Started("B"), outcomes::add);
    journal.forget("tx/2/", outcomes::add);
    journal.compact(outcomes::add);
    loop.runPending();
    assertEquals(1, storage.keys("journal/").size());
    assertEquals(List.of(new Entry(2, "tx/1/start", new Started("A2"))), new StorageJournal(storage, loop).replay());
  }

  @Test
  void aFailedSaveFailsThatWriteRefusesTheNextUntilRetried() {
    FaultyStorage storage = new FaultyStorage();
    storage.failSavesOf("journal/00000000000000000001");
    StorageJournal journal = new StorageJournal(storage, loop);
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
    assertEquals(1, new StorageJournal(storage, loop).replay().size());
  }
}
