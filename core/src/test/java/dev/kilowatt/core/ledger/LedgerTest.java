package dev.kilowatt.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

  record Step(String name) {}

  private final VirtualTime loop = new VirtualTime(Instant.parse("2025-06-01T12:00:00Z"));
  private final List<String> heard = new ArrayList<>();
  private final MemoryJournal.Flash flash = new MemoryJournal.Flash();
  private final Ledger ledger = new Ledger(flash.open(loop), loop, new Ledger.FaultListener() {
    @Override
    public void onFault(String reason) {
      heard.add("fault");
    }

    @Override
    public void onCleared() {
      heard.add("cleared");
    }
  });

  @Test
  void writesMadeDuringAFaultWaitAndGoOutInTheirOrderOnceTheJournalRecovers() {
    ledger.write("tx/1/start", new Step("start"), () -> heard.add("start"));
    loop.runPending();
    flash.failWrites(true);
    ledger.write("tx/1/sample/1", new Step("sample"), () -> heard.add("sample"));
    ledger.forget("tx/1/", () -> heard.add("forget"));
    ledger.write("tx/1/stop", new Step("stop"), () -> heard.add("stop"));
    loop.runPending();
    ledger.write("tx/2/start", new Step("later"), () -> heard.add("later"));
    loop.runPending();
    assertEquals(List.of("start", "fault"), heard, "no action on a record that is not durable");
    assertFalse(ledger.writable());

    loop.advance(Ledger.RETRY_EVERY);
    assertEquals(List.of("start", "fault"), heard, "the medium still refuses");
    flash.failWrites(false);
    loop.advance(Ledger.RETRY_EVERY);
    assertEquals(List.of("start", "fault", "cleared", "sample", "forget", "stop", "later"), heard, "the fault clears as the journal takes writes");
    assertTrue(ledger.writable());
    assertEquals(1, ledger.failures());
    assertEquals(List.of("tx/1/stop", "tx/2/start"), flash.open(loop).replay().stream().map(e -> e.key()).toList());
  }

  @Test
  void onSlowFlashTheActionWaitsForItsWriteWhileTheLoopRunsOn() {
    flash.slow(Duration.ofMillis(200));
    ledger.write("tx/1/start", new Step("start"), () -> heard.add("start"));
    loop.execute(() -> heard.add("pilot"));
    loop.advance(Duration.ofMillis(10));
    assertEquals(List.of("pilot"), heard);
    loop.advance(Duration.ofMillis(190));
    assertEquals(List.of("pilot", "start"), heard);
  }

  @Test
  void aWriterThatAskedIsToldOnceWhenItsWriteWaitsForAFaultAndItsActionStillRunsOnceDurable() {
    flash.failWrites(true);
    ledger.write("tx/1/answer", new Step("answer"), () -> heard.add("answer durable"), () -> heard.add("answer held"));
    loop.runPending();
    ledger.write("tx/2/answer", new Step("later"), () -> heard.add("later durable"), () -> heard.add("later held"));
    loop.runPending();
    assertEquals(List.of("answer held", "fault", "later held"), heard, "told at once, the held one and the one made during the fault");

    loop.advance(Ledger.RETRY_EVERY);
    loop.advance(Ledger.RETRY_EVERY);
    assertEquals(List.of("answer held", "fault", "later held"), heard, "a failed retry tells no one again");
    flash.failWrites(false);
    loop.advance(Ledger.RETRY_EVERY);
    assertEquals(List.of("answer held", "fault", "later held", "cleared", "answer durable", "later durable"), heard);
  }
}
