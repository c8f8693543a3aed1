package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.TestLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A seqNo the storage refuses: its event is not sent, and its number is taken again once the storage recovers. */
class HeldSendsTest {

  /** A medium that refuses every write while broken, as a worn flash does. */
  static final class BrokenStorage implements Storage {
    final InMemoryStorage medium = new InMemoryStorage();
    boolean broken = true;

    @Override
    public <T extends Record> Optional<T> load(String key, Class<T> type) {
      return medium.load(key, type);
    }

    @Override
    public void save(String key, Record value) {
      if (broken) {
        throw new IllegalStateException("no space left on device");
      }
      medium.save(key, value);
    }

    @Override
    public void delete(String key) {
      medium.delete(key);
    }

    @Override
    public List<String> keys(String prefix) {
      return medium.keys(prefix);
    }
  }

  private final Instant started = Instant.parse("2026-12-06T20:00:00Z");
  private final TestLoop loop = new TestLoop(started.plusSeconds(120));
  private final BrokenStorage medium = new BrokenStorage();
  private final HeldSends held = new HeldSends(new WriteBehind(medium, Runnable::run, loop, HeldSends.FAULTS), () -> true);
  private final Storage offTheLoop = new WriteBehind(medium, Runnable::run, loop, HeldSends.FAULTS);
  private final TransactionEvents events = new TransactionEvents(held.sequenceNumbers(), new RemoteStarts(offTheLoop), loop,
      new Resets(offTheLoop, held.sequenceNumbers(), evse -> Optional.empty(), request -> { }));
  private final List<Messages.Request<?>> sent = new ArrayList<>();
  private final List<Messages.Request<?>> unsent = new ArrayList<>();

  private void send(Outbound outbound) {
    held.send(() -> outbound, o -> sent.add(assertInstanceOf(Outbound.Send.class, o).request()), unsent::add);
  }

  private Outbound start() {
    return events.started(new StartTransactionRequest(1, "04A1B2C3", 1000, Optional.empty(), started), CallOrigin.ONLINE);
  }

  private Outbound values() {
    return events.updated(new MeterValuesRequest(1, Optional.of(TransactionIds.core(1, started)),
        List.of(TransactionEventsSessionTest.register(started.plusSeconds(60), 1500, ReadingContext.SAMPLE_PERIODIC))),
        TransactionIds.core(1, started), CallOrigin.ONLINE);
  }

  private List<Integer> seqNos(List<Messages.Request<?>> requests) {
    return requests.stream().map(r -> ((Messages.TransactionEventRequest) r).seqNo()).toList();
  }

  @Test
  void eventsWhoseSeqNoTheStorageRefusedAreCountedUnsentAndTheirNumbersTakenAgainOnceItRecovers() {
    send(start());
    send(values());
    loop.runPending();

    assertEquals(List.of(), sent, "an event whose number may be lost at a cut is not sent");
    assertEquals(List.of(0, 1), seqNos(unsent));
    assertEquals(2, held.dropped());

    medium.broken = false;
    loop.advance(WriteBehind.RETRY_EVERY);
    // the core, whose ledger keeps both, sends them again
    send(start());
    send(values());
    loop.runPending();
    assertEquals(List.of(0, 1), seqNos(sent), "no gap: the numbers that never went out go now");
    assertEquals(Optional.of(new SequenceNumbers.Next(2)),
        medium.load(medium.keys("ocpp201/seqNo/").getFirst(), SequenceNumbers.Next.class));
  }

  @Test
  void aCallWithoutAnEventWaitsOnlyForThoseBeforeIt() {
    medium.broken = false;
    send(start());
    send(new Outbound.Send<>(new Messages.HeartbeatRequest(), answer -> new dev.kilowatt.core.message.HeartbeatResponse(
        answer.currentTime())));
    assertEquals(List.of(), sent, "the Heartbeat keeps its place behind the Started event");

    loop.runPending();
    assertEquals(2, sent.size());
    assertInstanceOf(Messages.HeartbeatRequest.class, sent.get(1));
    send(new Outbound.Send<>(new Messages.HeartbeatRequest(), answer -> new dev.kilowatt.core.message.HeartbeatResponse(
        answer.currentTime())));
    assertEquals(3, sent.size(), "with nothing before it, it goes at once");
  }
}
