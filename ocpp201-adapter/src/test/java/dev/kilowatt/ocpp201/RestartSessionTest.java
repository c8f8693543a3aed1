package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStartTransactionResponse;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.RecordingLinkListener.Event;
import dev.kilowatt.test.TestLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the adapter keeps for 2.0.1 across a power cut (a new port on the same storage), on virtual time against
 * ocpp-rpc in strict mode: a remoteStartId and its IdToken's type until the transaction's events no longer need
 * them, and a reset that waits for transactions to end.
 */
class RestartSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestLoop loop = new TestLoop(Instant.parse("2026-12-06T20:00:00Z"));
  private final InMemoryStorage storage = new InMemoryStorage();
  private final Map<String, Integer> taken = new HashMap<>();
  private final Instant started = loop.now().minusSeconds(60);
  private CentralSystemProcess csms;
  private CoreProbe core;
  private Ocpp201CentralSystem port;

  @BeforeEach
  void powerUp() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    start();
  }

  @AfterEach
  void powerDown() throws InterruptedException {
    port.disconnect();
    csms.close();
  }

  private void start() {
    core = new CoreProbe();
    // each write durable as it is made: the power cuts fall between writes, not inside the write-behind
    port = new Ocpp201CentralSystem(csms.address("KW-0001"), Handshake.MESSAGE_TIMEOUT, loop, storage, TrafficListener.NONE,
        Runnable::run);
    port.connect(PortSession.SETTINGS, core);
    next(CoreProbe.Connected.class);
    line("connected KW-0001 ocpp2.0.1");
  }

  /** The power goes and comes back: the station starts again on what it stored. */
  private void powerCut() {
    port.disconnect();
    line("disconnected KW-0001");
    loop.runPending();
    start();
  }

  /** The loop runs until the core hears something, which must be {@code type}. */
  private <E extends Event> E next(Class<E> type) {
    loop.awaitUntil("the core to hear a " + type.getSimpleName(), Duration.ZERO, () -> !core.quiet());
    return core.next(type);
  }

  /** The loop runs until the central system reports one more line starting with {@code prefix}. */
  private String line(String prefix) {
    int count = taken.merge(prefix, 1, Integer::sum);
    loop.awaitUntil(prefix, Duration.ZERO, () -> csms.reported().stream().filter(l -> l.startsWith(prefix)).count() >= count);
    return csms.awaitPrefix(prefix);
  }

  private JsonNode received(String action) throws Exception {
    String prefix = "received " + action + " ";
    return JSON.readTree(line(prefix).substring(prefix.length()));
  }

  private <R extends dev.kilowatt.core.message.Response> R answered(String callId, Class<R> type) {
    CoreProbe.Result result = next(CoreProbe.Result.class);
    assertEquals(callId, result.callId());
    return assertInstanceOf(type, result.response());
  }

  /** The core reports EVSE {@code evseId}, as it does after every boot. */
  private void reported(int evseId, ChargePointStatus status) throws Exception {
    port.send("status", Ocpp201CentralSystemTest.status(evseId, status));
    answered("status", StatusNotificationResponse.class);
    received("StatusNotification");
  }

  private int startTransaction(String idTag) throws Exception {
    port.send("start", new StartTransactionRequest(1, idTag, 1000, Optional.empty(), started));
    received("TransactionEvent");
    return answered("start", StartTransactionResponse.class).transactionId();
  }

  @Test
  void aStartedEventTheCoreSendsAgainAfterAPowerCutCarriesTheRemoteStartIdAndTheTokenKeepsItsType() throws Exception {
    csms.send("call r1 RequestStartTransaction {\"remoteStartId\":42,\"evseId\":1,"
        + "\"idToken\":{\"idToken\":\"APP-USER-7\",\"type\":\"Central\"}}");
    CoreProbe.Call call = next(CoreProbe.Call.class);
    assertInstanceOf(RemoteStartTransactionRequest.class, call.request());
    csms.send("hold TransactionEvent");
    line("holding TransactionEvent");
    port.reply(call.callId(), new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    line("result r1 ");

    StartTransactionRequest start = new StartTransactionRequest(1, "APP-USER-7", 1000, Optional.empty(), started);
    port.send("start", start);
    JsonNode first = received("TransactionEvent");
    assertEquals(42, first.at("/transactionInfo/remoteStartId").asInt());

    powerCut();
    csms.send("release TransactionEvent");
    line("released TransactionEvent");
    port.send("start-again", start); // the core's journal replays the StartTransaction nobody answered
    JsonNode again = received("TransactionEvent");
    assertEquals("Started", again.get("eventType").asText());
    assertEquals(first.at("/transactionInfo/transactionId"), again.at("/transactionInfo/transactionId"));
    assertEquals("RemoteStart", again.get("triggerReason").asText());
    assertEquals(42, again.at("/transactionInfo/remoteStartId").asInt());
    assertEquals("Central", again.at("/idToken/type").asText());
    int id = answered("start-again", StartTransactionResponse.class).transactionId();

    port.send("stop", new StopTransactionRequest(Optional.of("APP-USER-7"), 1500, started.plusSeconds(30), id,
        Optional.empty(), List.of()));
    assertEquals("Central", received("TransactionEvent").at("/idToken/type").asText());
    answered("stop", StopTransactionResponse.class);
    assertEquals(List.of(), storage.keys("ocpp201/"), "nothing is kept for a transaction the CSMS has all of");
    assertNoStrictFailures();
  }

  @Test
  void aScheduledOnIdleResetOutlivesAPowerCutAndHappensWhenTheStationIsIdle() throws Exception {
    int id = startTransaction("04A1B2C3");
    csms.send("call o1 Reset {\"type\":\"OnIdle\"}");
    assertTrue(line("result o1 ").contains("Scheduled"));

    powerCut();
    assertTrue(core.quiet(), "a transaction still runs");
    // the core ends the transaction the power cut interrupted once it is back
    port.send("stop", new StopTransactionRequest(Optional.empty(), 1500, started.plusSeconds(30), id,
        Optional.of(Reason.POWER_LOSS), List.of()));
    assertEquals("PowerLoss", received("TransactionEvent").at("/transactionInfo/stoppedReason").asText());
    answered("stop", StopTransactionResponse.class);

    assertEquals(ResetType.SOFT, assertInstanceOf(ResetRequest.class, next(CoreProbe.Call.class).request()).type());
    assertEquals(List.of(), storage.keys("ocpp201/"));
    assertNoStrictFailures();
  }

  @Test
  void anEvseResetThatEndedItsTransactionNamesItAndResetsTheEvseAfterAPowerCut() throws Exception {
    reported(1, ChargePointStatus.CHARGING);
    int id = startTransaction("04A1B2C3");
    csms.send("call i1 Reset {\"type\":\"Immediate\",\"evseId\":1}");
    next(CoreProbe.TransactionsAsked.class).answer().accept(List.of(new UnsettledTransaction(1, started, true, false)));
    CoreProbe.Call stop = next(CoreProbe.Call.class);
    assertEquals(id, assertInstanceOf(RemoteStopTransactionRequest.class, stop.request()).transactionId());
    port.reply(stop.callId(), new RemoteStopTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    assertTrue(line("result i1 ").contains("Accepted"));

    powerCut(); // before the core's StopTransaction reached the CSMS
    reported(1, ChargePointStatus.FINISHING);
    port.send("stop", new StopTransactionRequest(Optional.empty(), 1500, started.plusSeconds(30), id,
        Optional.of(Reason.REMOTE), List.of()));
    JsonNode ended = received("TransactionEvent");
    assertEquals("ImmediateReset", ended.at("/transactionInfo/stoppedReason").asText());
    assertEquals("ResetCommand", ended.get("triggerReason").asText());
    answered("stop", StopTransactionResponse.class);

    assertEquals(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE), next(CoreProbe.Call.class).request());
    assertEquals(new ChangeAvailabilityRequest(1, AvailabilityType.OPERATIVE), next(CoreProbe.Call.class).request());
    assertEquals(List.of(), storage.keys("ocpp201/"));
    assertNoStrictFailures();
  }

  private void assertNoStrictFailures() {
    assertTrue(csms.reported().stream().noneMatch(l -> l.startsWith("strictFailure")), csms.reported()::toString);
  }
}
