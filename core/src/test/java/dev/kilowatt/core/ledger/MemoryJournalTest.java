package dev.kilowatt.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Journal.Entry;
import dev.kilowatt.core.port.Journal.Outcome;
import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryJournalTest {

  record Started(String idTag, long meterStartWh) {}

  record Answered(int transactionId) {}

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T10:00:00Z"));
  private final List<Outcome> outcomes = new ArrayList<>();

  @Test
  void appendsOfOneLoopTaskGoToTheFlashAsOneWriteAndComeBackOnReplay() {
    var flash = new MemoryJournal.Flash();
    Journal journal = flash.open(time);

    journal.append("tx/1/start", new Started("TAG", 100), outcomes::add);
    journal.append("tx/1/id", new Answered(42), outcomes::add);
    assertEquals(List.of(), outcomes);
    time.runPending();

    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(2)), outcomes);
    assertEquals(1, flash.writes());
    assertEquals(List.of(new Entry(1, "tx/1/start", new Started("TAG", 100)), new Entry(2, "tx/1/id", new Answered(42))),
        flash.open(time).replay());
  }

  @Test
  void keepsExactlyTheFirstKWritesWhenThePowerGoes() {
    for (int k = 0; k <= 3; k++) {
      var flash = new MemoryJournal.Flash().losePowerAfter(k);
      Journal journal = flash.open(time);
      for (int write = 1; write <= 3; write++) {
        journal.append("tx/" + write + "/start", new Started("TAG", write), outcomes::add);
        time.runPending();
      }

      assertEquals(k < 3, flash.powerCut());
      List<Entry> replayed = flash.open(time).replay();
      assertEquals(k, replayed.size());
      for (int i = 0; i < k; i++) {
        assertEquals(new Started("TAG", i + 1), replayed.get(i).payload());
      }
    }
    assertEquals(3 + 2 + 1 + 0, outcomes.size(), "no outcome arrives once the power is gone");
  }

  @Test
  void aSlowFlashDelaysTheOutcomeButNotTheLoopAndGroupsWhatArrivesMeanwhile() {
    var flash = new MemoryJournal.Flash().slow(Duration.ofMillis(200));
    Journal journal = flash.open(time);
    List<Instant> pilotHandled = new ArrayList<>();

    journal.append("a", new Answered(1), outcomes::add);
    time.runPending();
    time.schedule(Duration.ofMillis(5), () -> pilotHandled.add(time.now()));
    time.schedule(Duration.ofMillis(10), () -> journal.append("b", new Answered(2), outcomes::add));
    time.schedule(Duration.ofMillis(20), () -> journal.append("c", new Answered(3), outcomes::add));
    time.advance(Duration.ofMillis(199));
    assertEquals(List.of(Instant.parse("2026-12-01T10:00:00.005Z")), pilotHandled);
    assertEquals(List.of(), outcomes);

    time.advance(Duration.ofMillis(1));
    assertEquals(List.of(new Outcome.Durable(1)), outcomes);
    time.advance(Duration.ofMillis(200));
    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(2), new Outcome.Durable(3)), outcomes);
    assertEquals(2, flash.writes());
  }

  @Test
  void aFailedWriteFailsItsRecordsRefusesLaterOnesAndRetryClearsTheFault() {
    var flash = new MemoryJournal.Flash();
    Journal journal = flash.open(time);
    journal.append("a", new Answered(1), outcomes::add);
    time.runPending();

    flash.failWrites(true);
    journal.append("b", new Answered(2), outcomes::add);
    time.runPending();
    journal.append("c", new Answered(3), outcomes::add);
    journal.retry(outcomes::add);
    time.runPending();

    assertEquals(new Outcome.Durable(1), outcomes.get(0));
    assertTrue(outcomes.get(1) instanceof Outcome.Failed);
    assertTrue(outcomes.get(2) instanceof Outcome.Refused);
    assertTrue(outcomes.get(3) instanceof Outcome.Failed, "retry fails while the flash refuses writes");

    flash.failWrites(false);
    journal.retry(outcomes::add);
    time.runPending();
    journal.append("d", new Answered(4), outcomes::add);
    time.runPending();

    assertEquals(List.of(new Outcome.Durable(1), new Outcome.Durable(4)), outcomes.subList(4, 6));
    assertEquals(List.of("a", "d"), flash.open(time).replay().stream().map(Entry::key).toList());
  }

  @Test
  void outcomesArriveInCallOrderAlsoWhileASlowWriteIsUnderWay() {
    Journal journal = new MemoryJournal.Flash().slow(Duration.ofMillis(200)).open(time);
    List<String> order = new ArrayList<>();

    journal.append("a", new Answered(1), outcome -> order.add("append " + outcome));
    journal.retry(outcome -> order.add("retry " + outcome));
    journal.compact(outcome -> order.add("compact " + outcome));
    time.advance(Duration.ofMillis(400));

    assertEquals(List.of("append Durable[sequence=1]", "retry Durable[sequence=1]", "compact Durable[sequence=1]"),
        order);
  }

  @Test
  void compactionKeepsTheLiveSetAndReplayIsOnlyForStartUp() {
    var flash = new MemoryJournal.Flash();
    Journal journal = flash.open(time);
    journal.append("tx/1/start", new Started("A", 1), outcomes::add);
    journal.append("tx/2/start", new Started("B", 2), outcomes::add);
    journal.forget("tx/1/", outcomes::add);
    journal.compact(outcomes::add);
    time.runPending();

    assertEquals(new Outcome.Durable(3), outcomes.getLast());
    assertThrows(IllegalStateException.class, journal::replay);
    Journal rebooted = flash.open(time);
    assertEquals(List.of(new Entry(2, "tx/2/start", new Started("B", 2))), rebooted.replay());
    rebooted.append("tx/3/start", new Started("C", 3), outcomes::add);
    time.runPending();
    assertEquals(new Outcome.Durable(4), outcomes.getLast());
    assertFalse(flash.powerCut());
  }

  @Test
  void refusesKeysTheBoardWouldRefuse() {
    Journal journal = new MemoryJournal.Flash().open(time);

    assertThrows(IllegalArgumentException.class, () -> journal.append("../x", new Answered(1), outcomes::add));
    assertThrows(IllegalArgumentException.class, () -> journal.forget("a b", outcomes::add));
  }
}
