package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackCentralSystemTest {

  private final LoopbackCentralSystem centralSystem = LoopbackCentralSystem.open();
  private TestChargePoint chargePoint;

  @AfterEach
  void close() throws InterruptedException {
    if (chargePoint != null) {
      chargePoint.closeBlocking();
    }
    centralSystem.close();
  }

  @Test
  void readsTheTypeAndIdOfAFrameWithoutParsingIt() {
    assertEquals(3, LoopbackCentralSystem.messageType("[3,\"17\",{\"status\":\"Accepted\"}]"));
    assertEquals(4, LoopbackCentralSystem.messageType("[ 4 ,\"18\",\"NotImplemented\",\"\",{}]"));
    assertEquals(0, LoopbackCentralSystem.messageType("not a frame"));
    assertEquals(0, LoopbackCentralSystem.messageType("[\"2\"]"));
    assertEquals("17", LoopbackCentralSystem.uniqueId("[3,\"17\",{}]"));
    assertEquals("", LoopbackCentralSystem.uniqueId("[3,17,{}]"));
  }

  @Test
  void acceptsTheBootAndHandsOutTransactionIdsInOrder() throws Exception {
    chargePoint = TestChargePoint.connect(centralSystem, Integer.MAX_VALUE);
    long before = System.nanoTime();
    chargePoint.send("[2,\"a\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]");
    String boot = chargePoint.next();
    assertTrue(boot.startsWith("[3,\"a\",{\"status\":\"Accepted\""), boot);
    assertTrue(boot.contains("\"interval\":300"), boot);
    assertTrue(centralSystem.awaitCall("BootNotification", before).nanos() > before);
    chargePoint.closeBlocking();
    chargePoint = TestChargePoint.connect(centralSystem, Integer.MAX_VALUE);
    assertEquals(2, centralSystem.connections(), "a second connection of the same charge point is counted");
    centralSystem.reset();
    assertEquals(0, centralSystem.connections());
    chargePoint.closeBlocking();
    chargePoint = TestChargePoint.connect(centralSystem, Integer.MAX_VALUE);

    chargePoint.send("[2,\"b\",\"StartTransaction\",{\"connectorId\":1}]");
    chargePoint.send("[2,\"c\",\"StartTransaction\",{\"connectorId\":1}]");
    assertTrue(chargePoint.next().startsWith("[3,\"b\",{\"transactionId\":1,"));
    assertTrue(chargePoint.next().startsWith("[3,\"c\",{\"transactionId\":2,"));
    assertEquals(1, centralSystem.awaitCall("StartTransaction", before).transactionId());
  }

  @Test
  void timesTheRoundTripOfItsOwnCalls() throws Exception {
    chargePoint = TestChargePoint.connect(centralSystem, Integer.MAX_VALUE);
    long nanos = centralSystem.roundTrip("GetConfiguration", "{}").orElseThrow();
    assertTrue(nanos > 0);
    assertEquals(0, centralSystem.lost());
    assertEquals(1, chargePoint.callsAnswered());
    assertEquals(1, centralSystem.connections());
  }

  @Test
  void aCallNeverAnsweredIsCountedAsLostAndTheRoundGoesOn() throws Exception {
    chargePoint = TestChargePoint.connect(centralSystem, 0);
    assertTrue(centralSystem.roundTrip("GetConfiguration", "{}").isEmpty());
    assertEquals(1, centralSystem.lost());
  }

  @Test
  void aFloodKeepsFiftyInFlightAndCountsWhatIsNeverAnswered() throws Exception {
    chargePoint = TestChargePoint.connect(centralSystem, 100);
    Flood.Result result = Flood.run(centralSystem, () -> 1024, 300, Duration.ofMillis(300));
    assertEquals(200, result.dropped());
    assertEquals(0, result.errors());
    assertEquals(1024, result.peakResidentKib());
    assertTrue(result.callsPerSecond() > 0);
    assertEquals(100 + BenchOptions.IN_FLIGHT, chargePoint.callsReceived(),
        "each answer sends the next call, so 50 stay unanswered in flight and no more are sent");
  }

  @Test
  void aFloodThatIsAllAnsweredDropsNothing() throws Exception {
    chargePoint = TestChargePoint.connect(centralSystem, Integer.MAX_VALUE);
    Flood.Result result = Flood.run(centralSystem, () -> 1, 500, Duration.ofSeconds(5));
    assertEquals(0, result.dropped());
    assertEquals(500, chargePoint.callsAnswered());
  }

  /** A charge point that answers the first {@code answering} calls with an empty CALLRESULT, then none. */
  private static final class TestChargePoint extends WebSocketClient {
    private final int answering;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final BlockingQueue<String> results = new LinkedBlockingQueue<>();

    private TestChargePoint(URI url, int answering) {
      super(url, new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6"))));
      this.answering = answering;
    }

    static TestChargePoint connect(LoopbackCentralSystem centralSystem, int answering) throws InterruptedException {
      TestChargePoint client = new TestChargePoint(URI.create(centralSystem.url() + "/TEST"), answering);
      assertTrue(client.connectBlocking(10, TimeUnit.SECONDS));
      return client;
    }

    String next() throws InterruptedException {
      String frame = results.poll(10, TimeUnit.SECONDS);
      assertTrue(frame != null, "no answer from the central system");
      return frame;
    }

    int callsReceived() {
      return received.get();
    }

    int callsAnswered() {
      return answered.get();
    }

    @Override
    public void onMessage(String frame) {
      if (LoopbackCentralSystem.messageType(frame) != 2) {
        results.add(frame);
      } else if (received.incrementAndGet() <= answering) {
        answered.incrementAndGet();
        send("[3,\"" + LoopbackCentralSystem.uniqueId(frame) + "\",{}]");
      }
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      throw new AssertionError("the central system sent a binary frame");
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      // the test drives the conversation
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      // the test closes
    }

    @Override
    public void onError(Exception e) {
      results.add("error: " + e);
    }
  }
}
