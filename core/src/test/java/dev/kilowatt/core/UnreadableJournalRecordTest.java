package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ledger.MemoryJournal;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.security.SecurityEvents;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a journal record the start cannot read is kept aside by the journal, and is a fault the charger
 * reports while it goes on working.
 */
class UnreadableJournalRecordTest {

  /** A journal that found records it could not read, and otherwise works as the one it wraps. */
  record FoundUnreadable(Journal journal, List<Journal.Unreadable> unreadable) implements Journal {

    @Override
    public List<Entry> replay() {
      return journal.replay();
    }

    @Override
    public void append(String key, Record payload, Consumer<Outcome> whenDone) {
      journal.append(key, payload, whenDone);
    }

    @Override
    public void forget(String keyPrefix, Consumer<Outcome> whenDone) {
      journal.forget(keyPrefix, whenDone);
    }

    @Override
    public void compact(Consumer<Outcome> whenDone) {
      journal.compact(whenDone);
    }

    @Override
    public void retry(Consumer<Outcome> whenDone) {
      journal.retry(whenDone);
    }
  }

  private static final Journal.Unreadable GARBAGE = new Journal.Unreadable("journal-000000000001.log at byte 97",
      "/data/journal/unreadable/journal-000000000001.log-at-97.record", "not a record");

  @Test
  void aRecordSetAsideIsAFaultOnConnectorZeroAndTheChargerGoesOn() {
    Harness h = new Harness();
    h.customize(b -> b.journal(new FoundUnreadable(new MemoryJournal.Flash().open(h.time), List.of(GARBAGE)))).online();

    StatusNotificationRequest fault = StorageOffTheLoopTest.lastOfConnectorZero(h);
    assertEquals(ChargePointErrorCode.INTERNAL_ERROR, fault.errorCode());
    assertEquals(Optional.of("JournalRecordUnreadable"), fault.vendorErrorCode());
    assertEquals(1L, h.cp.counters().get("journal.unreadable"));
    assertTrue(h.storage.load(SecurityEvents.LOG_KEY, SecurityEvents.Log.class).orElseThrow().entries().stream()
        .anyMatch(e -> e.type().equals("JournalRecordUnreadable") && e.techInfo().orElse("").contains(GARBAGE.keptIn())),
        "in the security log, with where the record is kept");

    h.startCharging();
    h.run();
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size(), "the charger goes on working");
    assertEquals(ChargePointErrorCode.INTERNAL_ERROR, StorageOffTheLoopTest.lastOfConnectorZero(h).errorCode(), "the fault stays for this start");
  }

  @Test
  void aJournalThatReadEveryRecordRaisesNoFault() {
    Harness h = new Harness().online();

    assertEquals(ChargePointErrorCode.NO_ERROR, StorageOffTheLoopTest.lastOfConnectorZero(h).errorCode());
    assertEquals(null, h.cp.counters().get("journal.unreadable"));
  }
}
