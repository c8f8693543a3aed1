package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.HeldWriter;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the adapter writes its seqNo counters off the loop, as the core writes its state (issue 9), and a
 * TransactionEvent leaves only once its number is durable, so that no number goes on the wire twice.
 */
class SeqNoDurableFirstSessionTest {

  /** The medium under the adapter's write-behind: each write reported with the thread that made it. */
  static final class WatchedStorage implements Storage {
    record Write(String key, Thread thread) {
    }

    final InMemoryStorage medium = new InMemoryStorage();
    final BlockingQueue<Write> writes = new LinkedBlockingQueue<>();

    @Override
    public <T extends Record> Optional<T> load(String key, Class<T> type) {
      return medium.load(key, type);
    }

    @Override
    public void save(String key, Record value) {
      medium.save(key, value);
      writes.add(new Write(key, Thread.currentThread()));
    }

    @Override
    public void delete(String key) {
      medium.delete(key);
      writes.add(new Write(key, Thread.currentThread()));
    }

    @Override
    public List<String> keys(String prefix) {
      return medium.keys(prefix);
    }

    /** The next write, within a minute: a guard against a hang, not a measured time. */
    Write next() throws InterruptedException {
      Write write = writes.poll(60, TimeUnit.SECONDS);
      assertNotNull(write, "no write reached the medium");
      return write;
    }
  }

  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
  private CentralSystemProcess csms;
  private EventLoop loop;
  private WatchedStorage storage;
  private HeldWriter writer;
  private CoreProbe core;
  private Ocpp201CentralSystem port;
  private int syncs;

  @BeforeEach
  void connect() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    storage = new WatchedStorage();
    open(new Ocpp201CentralSystem(csms.address("KW-0001"), Handshake.MESSAGE_TIMEOUT, loop, storage,
        TrafficListener.NONE, writer = new HeldWriter()));
  }

  private void open(Ocpp201CentralSystem station) {
    core = new CoreProbe();
    port = station;
    port.connect(PortSession.SETTINGS, core);
    core.next(CoreProbe.Connected.class);
    csms.awaitPrefix("connected KW-0001 ocpp2.0.1");
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    port.disconnect();
    csms.close();
    loop.close();
  }

  @Test
  void anEventLeavesOnlyOnceItsSeqNoIsDurable() throws Exception {
    port.send("start", new StartTransactionRequest(1, "04A1B2C3", 1000, Optional.empty(), started));

    assertEquals(1, writer.held(), "the number's write waits for the writer");
    assertEquals(List.of(), events(), "sent before its seqNo was durable");
    assertEquals(List.of(), storage.keys("ocpp201/"));
    writeAll();
    assertEquals("ocpp201/seqNo/" + TransactionIds.station(1, started).replace(':', '.'), storage.next().key());
    core.result("start", StartTransactionResponse.class);
    JsonNode begin = csms.received("TransactionEvent");
    assertEquals("Started 0", begin.get("eventType").asText() + " " + begin.get("seqNo").asInt());
  }

  @Test
  void eventsInFlightTogetherLeaveInTheOrderTheCoreSentThem() throws Exception {
    // the write-behind writes a key saved again before its turn once, in its first place: connector 2's second
    // number is durable before connector 1's second and connector 3's first, and must still go after them
    port.send("a0", start(1));
    port.send("b0", start(2));
    port.send("a1", values(1));
    port.send("c0", start(3));
    port.send("b1", values(2));
    assertEquals(List.of(), events());

    writeAll();
    for (String callId : List.of("a0", "b0", "a1", "c0", "b1")) {
      Class<? extends Response> answer = callId.endsWith("0") ? StartTransactionResponse.class : MeterValuesResponse.class;
      core.result(callId, answer);
    }
    List<String> wire = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonNode event = csms.received("TransactionEvent");
      wire.add(event.at("/transactionInfo/transactionId").asText() + " " + event.get("seqNo").asInt());
    }
    assertEquals(List.of(station(1) + " 0", station(2) + " 0", station(1) + " 1", station(3) + " 0",
        station(2) + " 1"), wire);
  }

  @Test
  void theLoopWritesNoSeqNoAndNoVariable() throws Exception {
    port.disconnect();
    csms.awaitPrefix("disconnected KW-0001");
    open(new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage));
    CompletableFuture<Thread> loopThread = new CompletableFuture<>();
    loop.execute(() -> loopThread.complete(Thread.currentThread()));

    // from the loop, as the core calls
    loop.execute(() -> port.send("start", start(1)));
    core.result("start", StartTransactionResponse.class);
    csms.send("call v1 SetVariables {\"setVariableData\":[{\"component\":{\"name\":\"TxCtrlr\"},"
        + "\"variable\":{\"name\":\"TxStartPoint\"},\"attributeValue\":\"PowerPathClosed,EnergyTransfer\"}]}");
    csms.awaitPrefix("result v1 ");
    loop.execute(() -> port.send("stop", new StopTransactionRequest(Optional.empty(), 1500, started.plusSeconds(60),
        TransactionIds.core(1, started), Optional.empty(), List.of())));
    core.result("stop", StopTransactionResponse.class);

    List<WatchedStorage.Write> writes = List.of(storage.next(), storage.next(), storage.next(), storage.next());
    Thread onLoop = loopThread.join();
    assertEquals(List.of(), writes.stream().filter(w -> w.thread() == onLoop).toList(),
        "written on the loop");
    assertTrue(writes.stream().anyMatch(w -> w.key().equals("ocpp201/TxCtrlr/TxStartPoint")), writes::toString);
    assertEquals(List.of(), storage.keys("ocpp201/seqNo/"), "the ended transaction's counter is deleted");
  }

  @Test
  void aCutBeforeTheSeqNoIsDurablePutsNoNumberOnTheWireTwice() throws Exception {
    port.send("start", start(1));
    writeAll();
    core.result("start", StartTransactionResponse.class);
    csms.received("TransactionEvent");
    port.send("mv", values(1));
    assertEquals(1, writer.held());
    assertEquals(1, events().size(), "the Updated event went before its seqNo was durable");

    // the power goes: the write held never happens
    port.disconnect();
    csms.awaitPrefix("disconnected KW-0001");
    open(new Ocpp201CentralSystem(csms.address("KW-0001"), Handshake.MESSAGE_TIMEOUT, loop, storage,
        TrafficListener.NONE, writer = new HeldWriter()));
    port.send("mv", values(1));
    writeAll();
    core.result("mv", MeterValuesResponse.class);
    JsonNode update = csms.received("TransactionEvent");
    assertEquals("Updated 1", update.get("eventType").asText() + " " + update.get("seqNo").asInt(),
        "the number lost with the cut never went out, so it is taken again");
    assertEquals(2, events().size(), "each number once on the wire");
    assertFalse(csms.reported().stream().anyMatch(l -> l.startsWith("strictFailure")), csms.reported()::toString);
  }

  private StartTransactionRequest start(int connectorId) {
    return new StartTransactionRequest(connectorId, "04A1B2C3", 1000, Optional.empty(), started);
  }

  private MeterValuesRequest values(int connectorId) {
    return new MeterValuesRequest(connectorId, Optional.of(TransactionIds.core(connectorId, started)),
        List.of(TransactionEventsSessionTest.register(started.plusSeconds(60), 1500, ReadingContext.SAMPLE_PERIODIC)));
  }

  private String station(int connectorId) {
    return TransactionIds.station(connectorId, started);
  }

  /**
   * The TransactionEvents the central system has received, once a call of its own is answered: the station's
   * frames reach it in the order sent, so an event sent before the answer is reported before it.
   */
  private List<String> events() {
    String sync = "sync" + ++syncs;
    csms.send("call " + sync + " GetVariables {\"getVariableData\":[{\"component\":{\"name\":\"TxCtrlr\"},"
        + "\"variable\":{\"name\":\"TxStopPoint\"}}]}");
    csms.awaitPrefix("result " + sync + " ");
    return csms.reported().stream().filter(line -> line.startsWith("received TransactionEvent")).toList();
  }

  /** Runs the held writes one by one, each once the loop has heard how the one before went. */
  private void writeAll() {
    settle();
    while (writer.held() > 0) {
      writer.finish();
      settle();
    }
  }

  private void settle() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> done.complete(null));
    done.join();
  }
}
