package dev.kilowatt.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.HeldWriter;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

  record Value(int n) {}

  static final class Faults implements Ledger.FaultListener {
    final List<String> heard = new ArrayList<>();

    @Override
    public void onFault(String reason) {
      heard.add("fault: " + reason);
    }

    @Override
    public void onCleared() {
      heard.add("cleared");
    }
  }

  private final VirtualTime loop = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
  private final HeldWriter writer = new HeldWriter();
  private final Faults faults = new Faults();

  @Test
  void aStopWritesWhatStillWaitsOnTheStoppingThreadAndNothingAfter() {
    InMemoryStorage medium = new InMemoryStorage();
    WriteBehind storage = new WriteBehind(medium, writer, loop, faults);
    storage.save("config", new Value(1));
    storage.save("cache", new Value(2));
    storage.save("config", new Value(3));
    writer.finish();

    storage.drain();

    assertEquals(Optional.of(new Value(3)), medium.load("config", Value.class), "the later value of the key in flight");
    assertEquals(Optional.of(new Value(2)), medium.load("cache", Value.class), "a key that waited behind it");
    loop.runPending();
    storage.save("late", new Value(4));
    assertTrue(writer.held() == 0, "nothing goes to the writer after the stop");
  }

  @Test
  void aSaveIsReadAtOnceAndReachesTheMediumOnlyOnTheWriter() {
    InMemoryStorage medium = new InMemoryStorage();
    medium.save("list/old", new Value(0));
    WriteBehind storage = new WriteBehind(medium, writer, loop, faults);

    storage.save("list/new", new Value(1));
    storage.delete("list/old");

    assertEquals(Optional.of(new Value(1)), storage.load("list/new", Value.class));
    assertEquals(Optional.empty(), storage.load("list/old", Value.class), "a delete is seen at once too");
    assertEquals(List.of("list/new"), storage.keys("list/"));
    assertTrue(medium.load("list/new", Value.class).isEmpty(), "nothing is written on the caller's thread");

    writer.finish();
    loop.runPending();
    writer.finish();
    loop.runPending();
    assertEquals(Optional.of(new Value(1)), medium.load("list/new", Value.class));
    assertEquals(List.of("list/new"), medium.keys("list/"));
    assertEquals(Optional.of(new Value(1)), storage.load("list/new", Value.class));
    assertEquals(2, storage.writes());
  }

  @Test
  void tenSavesOfOneKeyMakeAtMostTwoWritesTheLastOneWithTheLatestValue() {
    CountingStorage medium = new CountingStorage();
    WriteBehind storage = new WriteBehind(medium, writer, loop, faults);
    for (int n = 1; n <= 10; n++) {
      storage.save("cache", new Value(n));
    }
    while (writer.held() > 0) {
      writer.finish();
      loop.runPending();
    }
    assertEquals(List.of(new Value(1), new Value(10)), medium.written);
  }

  @Test
  void keysReachTheMediumInTheOrderOfTheirFirstChangeNotYetWritten() {
    CountingStorage medium = new CountingStorage();
    WriteBehind storage = new WriteBehind(medium, writer, loop, faults);
    storage.save("a", new Value(1));
    storage.save("b", new Value(2));
    storage.save("c", new Value(3));
    storage.save("b", new Value(4));
    while (writer.held() > 0) {
      writer.finish();
      loop.runPending();
    }
    assertEquals(List.of("a", "b", "c"), medium.keys);
    assertEquals(List.of(new Value(1), new Value(4), new Value(3)), medium.written);
  }

  @Test
  void anOutcomeComesOnTheLoopOnceTheValueIsDurable() {
    WriteBehind storage = new WriteBehind(new InMemoryStorage(), writer, loop, faults);
    List<Journal.Outcome> outcomes = new ArrayList<>();
    storage.save("configuration", new Value(1), outcomes::add);
    storage.save("other", new Value(2));
    storage.save("configuration", new Value(3), outcomes::add);
    loop.runPending();
    assertEquals(List.of(), outcomes, "nothing is durable yet");

    writer.finish();
    loop.runPending();
    assertEquals(1, outcomes.size(), "the first value is durable, the second waits for its own write");
    while (writer.held() > 0) {
      writer.finish();
      loop.runPending();
    }
    assertEquals(2, outcomes.size());
    assertTrue(outcomes.stream().allMatch(Journal.Outcome.Durable.class::isInstance));
  }

  @Test
  void aRefusedWriteIsAFaultReportedOnceRefusingAnswersUntilTheTimedRetryWritesWhatWaited() {
    FaultyStorage medium = new FaultyStorage();
    medium.failSavesOf("configuration");
    WriteBehind storage = new WriteBehind(medium, Runnable::run, loop, faults);
    List<Journal.Outcome> outcomes = new ArrayList<>();

    storage.save("configuration", new Value(1), outcomes::add);
    storage.save("cache", new Value(2));
    loop.runPending();
    assertEquals(1, outcomes.size());
    assertTrue(outcomes.get(0) instanceof Journal.Outcome.Failed, outcomes.toString());
    assertEquals(List.of("fault: java.io.IOException: No space left on device"), faults.heard);
    assertFalse(storage.writable());
    assertTrue(medium.load("cache", Value.class).isEmpty(), "nothing is written behind the failed write");
    assertEquals(Optional.of(new Value(2)), storage.load("cache", Value.class), "what waits is still read");

    storage.save("configuration", new Value(3), outcomes::add);
    loop.runPending();
    assertTrue(outcomes.get(1) instanceof Journal.Outcome.Refused, "refused at once while the fault lasts");

    medium.failSavesOf(null);
    loop.advance(WriteBehind.RETRY_EVERY.minusSeconds(1));
    assertTrue(medium.load("configuration", Value.class).isEmpty(), "tried again on the timer only");
    loop.advance(WriteBehind.RETRY_EVERY);
    assertEquals(Optional.of(new Value(3)), medium.load("configuration", Value.class));
    assertEquals(Optional.of(new Value(2)), medium.load("cache", Value.class));
    assertEquals(List.of("fault: java.io.IOException: No space left on device", "cleared"), faults.heard);
    assertTrue(storage.writable());
    assertEquals(2, outcomes.size(), "each caller is told once");
  }

  @Test
  void aMediumThatStillRefusesIsTriedAgainWithoutASecondReport() {
    FaultyStorage medium = new FaultyStorage();
    medium.failSavesOf("configuration");
    WriteBehind storage = new WriteBehind(medium, Runnable::run, loop, faults);
    storage.save("configuration", new Value(1));
    loop.runPending();
    loop.advance(WriteBehind.RETRY_EVERY);
    loop.advance(WriteBehind.RETRY_EVERY);
    assertEquals(1, faults.heard.size());
    assertEquals(3, medium.saves(), "the first write and two retries");
    medium.failSavesOf(null);
    loop.advance(WriteBehind.RETRY_EVERY);
    assertEquals(Optional.of(new Value(1)), medium.load("configuration", Value.class));
    assertEquals("cleared", faults.heard.get(1));
  }

  /** A medium that lists what it was asked to write, in order. */
  static final class CountingStorage implements dev.kilowatt.core.port.Storage {
    final InMemoryStorage values = new InMemoryStorage();
    final List<String> keys = new ArrayList<>();
    final List<Record> written = new ArrayList<>();

    @Override
    public <T extends Record> Optional<T> load(String key, Class<T> type) {
      return values.load(key, type);
    }

    @Override
    public void save(String key, Record value) {
      keys.add(key);
      written.add(value);
      values.save(key, value);
    }

    @Override
    public void delete(String key) {
      keys.add(key);
      values.delete(key);
    }

    @Override
    public List<String> keys(String prefix) {
      return values.keys(prefix);
    }
  }
}
