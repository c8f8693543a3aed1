package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.ocpp.Payloads;
import dev.kilowatt.ocpp201.Messages.BootNotificationRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.HeartbeatRequest;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.ChargingStation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed messages against the OCA schemas, both ways, and what the codec does with every kind of answer. */
class CodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Codec codec = new Codec();

  private static JsonNode tree(String frame) throws Exception {
    return JSON.readTree(frame);
  }

  /** Encodes a call of the station's and lets the codec know it left, as the link does. */
  private String send(String callId, Request<?> request) {
    String frame = codec.encodeCall(callId, request);
    codec.sent(callId, Action.of(request));
    return frame;
  }

  @Test
  void everyTypedExchangeOfTheStationConformsAndComesBackEqual() throws Exception {
    for (Map.Entry<Request<?>, Response> exchange : Samples.exchanges().entrySet()) {
      Action action = Action.of(exchange.getKey());
      if (!action.sender().station()) {
        continue;
      }
      JsonNode call = tree(send("id-" + action, exchange.getKey()));
      assertEquals(action.wireName(), call.get(2).asText());
      String payload = JSON.writeValueAsString(Payloads.skippingUnmodelledProperties().toJson(exchange.getValue()));
      String answer = "[3,\"id-" + action + "\"," + payload + "]";

      Codec.ResultReceived result = assertInstanceOf(Codec.ResultReceived.class, codec.decode(answer), action::name);
      assertEquals(exchange.getValue(), result.response());
    }
  }

  @Test
  void everyTypedCallOfTheCentralSystemBindsAndItsAnswerConforms() throws Exception {
    for (Map.Entry<Request<?>, Response> exchange : Samples.exchanges().entrySet()) {
      Action action = Action.of(exchange.getKey());
      if (!action.sender().csms()) {
        continue;
      }
      String payload = JSON.writeValueAsString(Payloads.skippingUnmodelledProperties().toJson(exchange.getKey()));
      String call = "[2,\"c\",\"" + action.wireName() + "\"," + payload + "]";

      Codec.CallReceived received = assertInstanceOf(Codec.CallReceived.class, codec.decode(call), action::name);
      assertEquals(exchange.getKey(), received.request());
      assertEquals(3, tree(codec.encodeResult("c", exchange.getValue())).get(0).asInt(), action::name);
    }
  }

  @Test
  void aCallOfTheStationThatBreaksItsSchemaIsNotEncoded() {
    BootNotificationRequest tooLong = new BootNotificationRequest(new ChargingStation(Optional.empty(),
        "KW-AC-7", Optional.empty(), "v".repeat(51), Optional.empty()), Enums.BootReason.PowerUp);

    RpcError error = assertThrows(RpcError.RpcException.class, () -> codec.encodeCall("b1", tooLong)).error();

    assertEquals(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, error.code());
    assertTrue(error.description().contains("/chargingStation/vendorName: 51 characters, 50 allowed"), error.description());
  }

  @Test
  void anAnswerOfTheStationThatBreaksItsSchemaGoesOutAsInternalError() throws Exception {
    JsonNode frame = tree(codec.encodeResult("g1", new GetVariablesResponse(List.of())));

    assertEquals(4, frame.get(0).asInt());
    assertEquals("g1", frame.get(1).asText());
    assertEquals("InternalError", frame.get(2).asText());
    assertTrue(frame.get(3).asText().contains("/getVariableResult"), frame.get(3).asText());
  }

  @Test
  void anAnswerThatBreaksItsSchemaFailsTheCallWithTheBreachsCode() {
    send("h1", new HeartbeatRequest());

    Codec.CallFailed failed = assertInstanceOf(Codec.CallFailed.class, codec.decode("[3,\"h1\",{}]"));

    assertEquals(ErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, failed.error().code());
    assertTrue(failed.error().description().contains("/currentTime"), failed.error().description());
  }

  @Test
  void aCallErrorOrABrokenAnswerFailsThePendingCallOnce() {
    send("h2", new HeartbeatRequest());
    send("h3", new HeartbeatRequest());

    Codec.CallFailed failed = assertInstanceOf(Codec.CallFailed.class,
        codec.decode("[4,\"h2\",\"InternalError\",\"database down\",{}]"));
    assertEquals(new RpcError(ErrorCode.INTERNAL_ERROR, "database down"), failed.error());
    assertInstanceOf(Codec.Ignored.class, codec.decode("[4,\"h2\",\"InternalError\",\"again\",{}]"));

    Codec.CallFailed broken = assertInstanceOf(Codec.CallFailed.class, codec.decode("[3,\"h3\"]"));
    assertEquals(ErrorCode.RPC_FRAMEWORK_ERROR, broken.error().code());
  }

  @Test
  void anAnswerToNoPendingCallIsIgnoredNotAnswered() {
    assertInstanceOf(Codec.Ignored.class, codec.decode("[3,\"nobody\",{\"currentTime\":\"2026-12-02T10:15:30Z\"}]"));
    assertInstanceOf(Codec.Ignored.class, codec.decode("[3,\"nobody\"]"));
  }

  @Test
  void anInboundCallIsRefusedWithTheCodeOfItsFirstBreach() {
    Codec.Refused refused = assertInstanceOf(Codec.Refused.class,
        codec.decode("[2,\"s1\",\"RequestStopTransaction\",{\"transactionId\":\"" + "t".repeat(37) + "\"}]"));

    assertEquals("s1", refused.callId());
    assertEquals(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, refused.error().code());
    assertTrue(refused.error().description().startsWith("/transactionId: 37 characters, 36 allowed"));
  }

  @Test
  void anActionOfTheSpecificationNotTypedYetIsNotSupportedAndAnUnknownOneNotImplemented() {
    Codec.Refused known = assertInstanceOf(Codec.Refused.class, codec.decode("[2,\"l1\",\"ClearVariableMonitoring\",{}]"));
    assertEquals(ErrorCode.NOT_SUPPORTED, known.error().code());

    Codec.Refused unknown = assertInstanceOf(Codec.Refused.class, codec.decode("[2,\"l2\",\"ClearVariableMonitorings\",{}]"));
    assertEquals(ErrorCode.NOT_IMPLEMENTED, unknown.error().code());
  }

  @Test
  void everyRequestAndResponseRecordHasItsAction() {
    for (Class<?> type : Request.class.getPermittedSubclasses()) {
      assertTrue(Arrays.stream(Action.values()).anyMatch(a -> a.requestType() == type), type::getName);
    }
    for (Class<?> type : Response.class.getPermittedSubclasses()) {
      assertTrue(Arrays.stream(Action.values()).anyMatch(a -> a.responseType() == type), type::getName);
    }
    assertEquals(Action.values().length, Request.class.getPermittedSubclasses().length);
  }

  @Test
  void aCallIsAnsweredOnceOnly() {
    List<Object> sent = new ArrayList<>();
    IncomingCall<Messages.ResetResponse> call = new IncomingCall<>("r1",
        new Messages.ResetRequest(Enums.ResetType.Immediate, Optional.empty()), new IncomingCall.Replies() {
          @Override
          public void result(String callId, Response response) {
            sent.add(response);
          }

          @Override
          public void error(String callId, RpcError error) {
            sent.add(error);
          }
        });
    Messages.ResetResponse accepted = new Messages.ResetResponse(Enums.ResetStatus.Accepted, Optional.empty());

    call.answer(accepted);

    assertThrows(IllegalStateException.class, () -> call.refuse(new RpcError(ErrorCode.INTERNAL_ERROR, "late")));
    assertEquals(List.of(accepted), sent);
  }

  @Test
  void absentOptionalFieldsBindAsEmptyNeverAsNull() {
    Codec.CallReceived received = assertInstanceOf(Codec.CallReceived.class, codec.decode(
        "[2,\"m1\",\"RequestStartTransaction\",{\"remoteStartId\":1,"
            + "\"idToken\":{\"idToken\":\"04A1B2C3\",\"type\":\"ISO14443\",\"customData\":{\"vendorId\":\"x\"}}}]"));
    Messages.RequestStartTransactionRequest start =
        assertInstanceOf(Messages.RequestStartTransactionRequest.class, received.request());

    assertEquals(Optional.empty(), start.evseId());
    assertEquals(Optional.empty(), start.chargingProfile());
    assertEquals(Optional.empty(), start.groupIdToken());
    assertEquals(List.of(), start.idToken().additionalInfo());

    Codec.CallReceived get = assertInstanceOf(Codec.CallReceived.class, codec.decode(
        "[2,\"m2\",\"GetVariables\",{\"getVariableData\":[{\"component\":{\"name\":\"TxCtrlr\"},"
            + "\"variable\":{\"name\":\"TxStartPoint\"}}]}]"));
    Types.GetVariableData data = ((Messages.GetVariablesRequest) get.request()).getVariableData().getFirst();
    assertEquals(Optional.empty(), data.attributeType());
    assertEquals(Optional.empty(), data.component().evse());
    assertEquals(Optional.empty(), data.variable().instance());
  }

  @Test
  void aPropertyTheMessageDoesNotHaveIsAProtocolErrorNotAFormatViolation() {
    // part 4 of 2.0.1: ProtocolError is "not conform the PDU structure", FormatViolation "syntactically incorrect"
    Codec.Refused extra = assertInstanceOf(Codec.Refused.class,
        codec.decode("[2,\"p1\",\"Reset\",{\"type\":\"Immediate\",\"delay\":5}]"));
    assertEquals(ErrorCode.PROTOCOL_ERROR, extra.error().code());
    assertEquals("/delay: not a property of this message", extra.error().description());

    Codec.Refused notAnObject = assertInstanceOf(Codec.Refused.class, codec.decode("[2,\"p2\",\"Reset\",\"Immediate\"]"));
    assertEquals(ErrorCode.FORMAT_VIOLATION, notAnObject.error().code());
  }
}
