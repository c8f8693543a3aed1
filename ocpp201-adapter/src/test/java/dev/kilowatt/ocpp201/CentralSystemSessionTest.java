package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.Payloads;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.BootReason;
import dev.kilowatt.ocpp201.Enums.GetVariableStatus;
import dev.kilowatt.ocpp201.Enums.RegistrationStatus;
import dev.kilowatt.ocpp201.Enums.RequestStartStopStatus;
import dev.kilowatt.ocpp201.Messages.BootNotificationRequest;
import dev.kilowatt.ocpp201.Messages.BootNotificationResponse;
import dev.kilowatt.ocpp201.Messages.GetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.HeartbeatRequest;
import dev.kilowatt.ocpp201.Messages.HeartbeatResponse;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionResponse;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.ChargingStation;
import dev.kilowatt.ocpp201.Types.GetVariableResult;
import dev.kilowatt.ocpp201.Types.Modem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A station's link against ocpp-rpc's server in strict mode: both sides check every message against the schemas. */
class CentralSystemSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CentralSystemProcess csms;
  private EventLoop loop;
  private StationProbe station;
  private Ocpp201Link link;

  @BeforeEach
  void connect() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    station = new StationProbe(CentralSystemSessionTest::answer);
    link = Ocpp201Link.open(csms.endpoint("KW-0001"), List.of(Subprotocol.OCPP201, Subprotocol.OCPP16), StationProbe.PROFILE_0, loop, station);
    assertEquals(Subprotocol.OCPP201, station.next());
    assertEquals("connected KW-0001 ocpp2.0.1", csms.awaitPrefix("connected "));
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    link.close();
    csms.close();
    loop.close();
  }

  /** What the stand-in station answers, on its event loop. */
  @SuppressWarnings("unchecked")
  private static void answer(IncomingCall<?> call) {
    Response sample = Samples.exchanges().get(call.request());
    if (sample != null) {
      ((IncomingCall<Response>) call).answer(sample);
      return;
    }
    switch (call.request()) {
      case GetVariablesRequest get -> ((IncomingCall<GetVariablesResponse>) call).answer(new GetVariablesResponse(
          get.getVariableData().stream().map(data -> new GetVariableResult(GetVariableStatus.Accepted,
              data.attributeType(), Optional.of("300"), data.component(), data.variable(), Optional.empty())).toList()));
      case RequestStartTransactionRequest start -> ((IncomingCall<RequestStartTransactionResponse>) call).answer(
          new RequestStartTransactionResponse(RequestStartStopStatus.Accepted, Optional.empty(), Optional.empty()));
      default -> call.refuse(new RpcError(ErrorCode.NOT_SUPPORTED, "not in this test"));
    }
  }

  private static BootNotificationRequest boot(String model) {
    return new BootNotificationRequest(new ChargingStation(Optional.of("SN-0001"), model,
        Optional.of(new Modem(Optional.of("89490200001234567890"), Optional.empty())), "Kilowatt",
        Optional.of("0.1.0")), BootReason.PowerUp);
  }

  private static <T> T await(CompletableFuture<T> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(60, TimeUnit.SECONDS);
  }

  @Test
  void bootIsAcceptedAndHeartbeatsAreAnswered() throws Exception {
    BootNotificationResponse boot = await(link.call(boot("KW-AC-7")));

    assertEquals(RegistrationStatus.Accepted, boot.status());
    assertEquals(300, boot.interval());
    JsonNode sent = JSON.readTree(csms.awaitPrefix("received BootNotification ").substring(26));
    assertEquals("Kilowatt", sent.at("/chargingStation/vendorName").asText());
    assertEquals("PowerUp", sent.get("reason").asText());

    HeartbeatResponse heartbeat = await(link.call(new HeartbeatRequest()));
    assertFalse(heartbeat.currentTime().isBefore(boot.currentTime()));
    csms.awaitPrefix("received Heartbeat ");
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void aCallThatBreaksItsSchemaIsRefusedLocallyAndNeverSent() throws Exception {
    // ChargingStationType.model is string[0..20]
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> await(link.call(boot("a model name longer than twenty characters"))));

    RpcError error = assertInstanceOf(RpcError.RpcException.class, refused.getCause()).error();
    assertEquals(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, error.code());
    assertTrue(error.description().contains("/chargingStation/model"), error.description());
    await(link.call(new HeartbeatRequest()));
    csms.awaitPrefix("received Heartbeat ");
    assertTrue(csms.reported().stream().noneMatch(line -> line.contains("BootNotification")), csms.reported()::toString);
  }

  @Test
  void callsOfTheCentralSystemReachTheStationTypedAndTheirAnswersPassStrictMode() throws Exception {
    csms.send("call g1 GetVariables {\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"HeartbeatInterval\"},\"attributeType\":\"Actual\"}]}");

    IncomingCall<?> call = assertInstanceOf(IncomingCall.class, station.next());
    GetVariablesRequest get = assertInstanceOf(GetVariablesRequest.class, call.request());
    assertEquals("HeartbeatInterval", get.getVariableData().getFirst().variable().name());
    assertEquals(Optional.of(Attribute.Actual), get.getVariableData().getFirst().attributeType());
    JsonNode result = JSON.readTree(csms.awaitPrefix("result g1 ").substring(10));
    assertEquals("Accepted", result.at("/getVariableResult/0/attributeStatus").asText());
    assertEquals("300", result.at("/getVariableResult/0/attributeValue").asText());

    csms.send("call s1 RequestStartTransaction {\"remoteStartId\":7,\"evseId\":1,"
        + "\"idToken\":{\"idToken\":\"04A1B2C3\",\"type\":\"ISO14443\"}}");
    RequestStartTransactionRequest start = assertInstanceOf(RequestStartTransactionRequest.class,
        assertInstanceOf(IncomingCall.class, station.next()).request());
    assertEquals(7, start.remoteStartId());
    assertEquals("04A1B2C3", start.idToken().idToken());
    assertEquals("result s1 {\"status\":\"Accepted\"}", csms.awaitPrefix("result s1 "));
  }

  @Test
  void aCallOfTheSpecificationNotHandledYetIsNotSupported() throws Exception {
    csms.send("call u1 CancelReservation {\"reservationId\":1}");

    assertTrue(csms.awaitPrefix("error u1 ").startsWith("error u1 NotSupported "));
  }

  /** Two Heartbeats called at once, the central system holding its answers; returns once the first arrived. */
  private List<CompletableFuture<HeartbeatResponse>> twoHeldHeartbeats() {
    csms.send("hold Heartbeat");
    csms.awaitPrefix("holding Heartbeat");
    List<CompletableFuture<HeartbeatResponse>> calls =
        List.of(link.call(new HeartbeatRequest()), link.call(new HeartbeatRequest()));
    csms.awaitPrefix("received Heartbeat ");
    return calls;
  }

  @Test
  void callsGoOutOneAtATimeTheNextWhenThePreviousIsAnswered() throws Exception {
    List<CompletableFuture<HeartbeatResponse>> calls = twoHeldHeartbeats();

    // the station's frames reach the server in the order sent: a second Heartbeat sent at once would be
    // reported before this answer
    csms.send("call sync GetVariables {\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");
    assertInstanceOf(IncomingCall.class, station.next());
    csms.awaitPrefix("result sync ");
    csms.send("release Heartbeat");
    await(calls.get(0));
    await(calls.get(1));
    csms.awaitPrefix("received Heartbeat ");

    List<String> order = csms.reported().stream()
        .filter(line -> line.startsWith("received Heartbeat") || line.startsWith("result sync")
            || line.startsWith("released"))
        .map(line -> line.split(" ")[0] + " " + line.split(" ")[1]).toList();
    assertEquals(List.of("received Heartbeat", "result sync", "released Heartbeat", "received Heartbeat"), order);
  }

  @Test
  void aLostConnectionFailsTheCallInFlightAndTheOnesWaiting() throws Exception {
    List<CompletableFuture<HeartbeatResponse>> inFlightAndWaiting = twoHeldHeartbeats();

    csms.send("drop");

    assertInstanceOf(StationProbe.Disconnected.class, station.next());
    for (CompletableFuture<HeartbeatResponse> call : inFlightAndWaiting) {
      ExecutionException lost = assertThrows(ExecutionException.class, () -> await(call));
      RpcError error = assertInstanceOf(RpcError.RpcException.class, lost.getCause()).error();
      assertTrue(error.description().startsWith("connection lost before an answer"), error.description());
    }
  }

  /** ocpp-rpc checks with its own validator (ajv) what ours let through: every typed message, both ways. */
  @Test
  void everyTypedMessagePassesTheIndependentValidatorBothWays() throws Exception {
    Payloads json = Payloads.skippingUnmodelledProperties();
    for (Map.Entry<Request<?>, Response> exchange : Samples.exchanges().entrySet()) {
      Action action = Action.of(exchange.getKey());
      if (action.sender().station()) {
        // the test central system answers these with its own minimal responses
        assertInstanceOf(action.responseType(), await(link.call(exchange.getKey())), action::name);
        csms.awaitPrefix("received " + action.wireName() + " ");
      }
      if (action.sender().csms()) {
        csms.send("call " + action + " " + action.wireName() + " " + json.toJson(exchange.getKey()));
        assertEquals(exchange.getKey(), assertInstanceOf(IncomingCall.class, station.next()).request());
        String result = csms.awaitPrefix("result " + action + " ").substring(("result " + action + " ").length());
        assertEquals(json.toJson(exchange.getValue()), JSON.readTree(result), action::name);
      }
    }
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
