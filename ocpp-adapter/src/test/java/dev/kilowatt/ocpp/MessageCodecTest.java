package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.Action;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.Request;
import dev.kilowatt.core.message.ReserveNowRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallError.Code;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

  private final Counters counters = new Counters();
  private final MessageCodec codec = new MessageCodec(Schemas.ocpp16(), counters);
  private final Payloads payloads = new Payloads();
  private final Frames frames = new Frames(payloads);

  @Test
  void samplesCoverEveryAction() {
    Set<Action> fromChargePoint = Samples.chargePointRequests().stream().map(Request::action)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
    Set<Action> fromCentralSystem = Samples.centralSystemRequests().stream().map(Request::action)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
    for (Action action : Action.values()) {
      assertEquals(action.sentByChargePoint(), fromChargePoint.contains(action), action.ocppName());
      assertTrue(!action.sentByCentralSystem() || fromCentralSystem.contains(action), action.ocppName());
    }
    assertEquals(EnumSet.allOf(Action.class), Samples.responses().keySet());
  }

  @Test
  void everyRecordSurvivesTheRoundTripThroughJson() {
    List<Object> all = new ArrayList<>();
    all.addAll(Samples.chargePointRequests());
    all.addAll(Samples.centralSystemRequests());
    all.addAll(Samples.responses().values());
    for (Object message : all) {
      assertEquals(message, payloads.fromJson(payloads.toJson(message), message.getClass()));
    }
  }

  @Test
  void ourCallsConformToTheirSchemas() {
    for (ChargePointRequest<?> request : Samples.chargePointRequests()) {
      JsonNode frame = parse(codec.encodeCall("c-1", request));
      assertEquals(2, frame.get(0).intValue());
      assertEquals(request.action().ocppName(), frame.get(2).textValue());
      assertEquals(List.of(), Schemas.ocpp16().request(request.action()).validate(frame.get(3)), request.toString());
    }
    assertEquals(0L, counters.snapshot().get(Counters.INVALID_OUTBOUND));
  }

  @Test
  void ourAnswersConformToTheirSchemas() {
    for (Action action : Action.values()) {
      if (action.sentByCentralSystem()) {
        JsonNode frame = parse(codec.encodeResult("cs-1", Samples.responses().get(action)));
        assertEquals(3, frame.get(0).intValue());
        assertEquals(List.of(), Schemas.ocpp16().response(action).validate(frame.get(2)), action.ocppName());
      }
    }
    assertEquals(0L, counters.snapshot().get(Counters.INVALID_OUTBOUND));
  }

  /** The core's boot reason is 2.0.1's: 1.6's BootNotification has none, and its schema refuses one. */
  @Test
  void aBootNotificationGoesWithoutItsReasonAndValidates() {
    BootNotificationRequest boot = new BootNotificationRequest("Kilowatt", "KW", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
        .withReason(dev.kilowatt.core.message.BootReason.REMOTE_RESET);
    String text = codec.encodeCall("c-1", boot);
    assertEquals("[2,\"c-1\",\"BootNotification\",{\"chargePointVendor\":\"Kilowatt\",\"chargePointModel\":\"KW\"}]", text);
    assertEquals(0L, counters.snapshot().get(Counters.INVALID_OUTBOUND));
  }

  @Test
  void anOutboundBreachIsCountedAndStillSent() {
    String text = codec.encodeCall("c-1", new BootNotificationRequest("a vendor name far too long", "KW",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()));
    assertTrue(text.startsWith("[2,\"c-1\",\"BootNotification\""));
    assertEquals(1L, counters.snapshot().get(Counters.INVALID_OUTBOUND));
  }

  @Test
  void everyCentralSystemCallDecodesToItsRecord() {
    for (CentralSystemRequest<?> request : Samples.centralSystemRequests()) {
      String text = frames.call("cs-9", request.action().ocppName(), payloads.toJson(request));
      assertEquals(new MessageCodec.CallReceived("cs-9", request), codec.decode(text));
    }
  }

  @Test
  void everyAnswerToOurCallsDecodesToItsRecord() {
    for (ChargePointRequest<?> request : Samples.chargePointRequests()) {
      Response answer = Samples.responses().get(request.action());
      codec.encodeCall("c-2", request);
      assertEquals(new MessageCodec.ResultReceived("c-2", answer),
          codec.decode(frames.result("c-2", payloads.toJson(answer))));
    }
  }

  @Test
  void wireFormatUsesOcppValuesUtcTimesAndLeavesOutWhatIsAbsent() {
    assertEquals("[2,\"c-3\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
            + "\"status\":\"SuspendedEVSE\",\"timestamp\":\"2024-01-01T12:00:00Z\"}]",
        codec.encodeCall("c-3", new StatusNotificationRequest(1, ChargePointErrorCode.NO_ERROR,
            Optional.empty(), ChargePointStatus.SUSPENDED_EVSE,
            Optional.of(Samples.T0), Optional.empty(), Optional.empty())));
    assertEquals("[2,\"c-4\",\"StopTransaction\",{\"meterStop\":22345,\"timestamp\":\"2024-01-01T12:15:30.250Z\","
            + "\"transactionId\":42}]",
        codec.encodeCall("c-4", new StopTransactionRequest(Optional.empty(), 22345, Samples.T1, 42,
            Optional.empty(), List.of())));
    assertEquals("[2,\"c-5\",\"Heartbeat\",{}]", codec.encodeCall("c-5", new HeartbeatRequest()));
    assertEquals("[4,\"cs-1\",\"NotSupported\",\"no\",{}]",
        codec.encodeError("cs-1", new CallError(Code.NOT_SUPPORTED, "no")));
  }

  @Test
  void dateTimesWithAnOffsetAreReadAsTheInstantTheyName() {
    String text = "[2,\"cs-1\",\"ReserveNow\",{\"connectorId\":1,\"expiryDate\":\"2024-01-01T13:15:30.25+01:00\","
        + "\"idTag\":\"04A2B3C4D5E6F7\",\"reservationId\":11}]";
    var received = assertInstanceOf(MessageCodec.CallReceived.class, codec.decode(text));
    assertEquals(Samples.T1, ((ReserveNowRequest) received.request()).expiryDate());
  }

  private static final String PROFILE_HEAD = "[2,'a','SetChargingProfile',{'connectorId':1,'csChargingProfiles':{"
      + "'chargingProfileId':1,'stackLevel':0,'chargingProfilePurpose':'TxDefaultProfile',"
      + "'chargingProfileKind':'Absolute','chargingSchedule':{'chargingRateUnit':'A','chargingSchedulePeriod':";

  static Stream<Arguments> refusedCalls() {
    return Stream.of(
        refused("[2,'a','Heartbeat',{]", Code.FORMATION_VIOLATION),
        refused("[2,'a','Reset',{'type':'Soft'}] trailing", Code.FORMATION_VIOLATION),
        refused("['2','a','Reset',{'type':'Soft'}]", Code.FORMATION_VIOLATION),
        refused("[2,'a','Reset']", Code.PROTOCOL_ERROR),
        refused("[2,'a']", Code.PROTOCOL_ERROR),
        refused("[2,'a','Reset',{'type':'Soft'},{}]", Code.FORMATION_VIOLATION),
        refused("[2,'a',7,{'type':'Soft'}]", Code.FORMATION_VIOLATION),
        refused("[2,'a','Reset',[]]", Code.FORMATION_VIOLATION),
        refused("[2,'" + "x".repeat(37) + "','Reset',{'type':'Soft'}]", Code.FORMATION_VIOLATION),
        refused("[2,'a','Teleport',{}]", Code.NOT_IMPLEMENTED),
        refused("[2,'a','reset',{'type':'Soft'}]", Code.NOT_IMPLEMENTED),
        refused("[2,'a','BootNotification',{'chargePointVendor':'v','chargePointModel':'m'}]", Code.NOT_SUPPORTED),
        refused("[2,'a','Reset',{}]", Code.OCCURENCE_CONSTRAINT_VIOLATION),
        refused(PROFILE_HEAD + "[]}}}]", Code.OCCURENCE_CONSTRAINT_VIOLATION),
        refused("[2,'a','UnlockConnector',{'connectorId':'1'}]", Code.TYPE_CONSTRAINT_VIOLATION),
        refused("[2,'a','UnlockConnector',{'connectorId':1.5}]", Code.TYPE_CONSTRAINT_VIOLATION),
        refused("[2,'a','UnlockConnector',{'connectorId':null}]", Code.TYPE_CONSTRAINT_VIOLATION),
        refused("[2,'a','UnlockConnector',{'connectorId':4294967296}]", Code.TYPE_CONSTRAINT_VIOLATION),
        refused("[2,'a','GetConfiguration',{'key':'HeartbeatInterval'}]", Code.TYPE_CONSTRAINT_VIOLATION),
        refused("[2,'a','ChangeConfiguration',{'key':'k','value':true}]", Code.TYPE_CONSTRAINT_VIOLATION),
        refused("[2,'a','Reset',{'type':'Warm'}]", Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','RemoteStartTransaction',{'idTag':'" + "1".repeat(21) + "'}]",
            Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','ChangeConfiguration',{'key':'" + "k".repeat(51) + "','value':'1'}]",
            Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','ReserveNow',{'connectorId':1,'expiryDate':'2024-01-01T12:00:00','idTag':'t',"
            + "'reservationId':1}]", Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','ReserveNow',{'connectorId':1,'expiryDate':'tomorrow','idTag':'t','reservationId':1}]",
            Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','UpdateFirmware',{'location':'not a uri','retrieveDate':'2024-01-01T12:00:00Z'}]",
            Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','GetCompositeSchedule',{'connectorId':1,'duration':60,'chargingRateUnit':'kW'}]",
            Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused(PROFILE_HEAD + "[{'startPeriod':0,'limit':16.05}]}}}]", Code.PROPERTY_CONSTRAINT_VIOLATION),
        refused("[2,'a','Reset',{'type':'Soft','force':true}]", Code.FORMATION_VIOLATION),
        refused("[2,'a','SendLocalList',{'listVersion':1,'updateType':'Full','localAuthorizationList':"
            + "[{'idTag':'t','idTagInfo':{'status':'Accepted','colour':'red'}}]}]", Code.FORMATION_VIOLATION));
  }

  private static Arguments refused(String singleQuoted, Code code) {
    return Arguments.of(Samples.json(singleQuoted), code);
  }

  @ParameterizedTest
  @MethodSource("refusedCalls")
  void aBrokenCallIsRefusedWithTheCodeOfItsFirstBreach(String text, Code code) {
    var refused = assertInstanceOf(MessageCodec.Refused.class, codec.decode(text));
    assertEquals(code, refused.error().code(), refused.error().description());
    assertTrue(refused.callId().equals("a") || refused.callId().length() == 37);
    assertEquals(1L, counters.snapshot().get(code.ocppValue()));
  }

  @Test
  void framesWithoutAReadableIdAreCountedAndIgnored() {
    for (String text : List.of("hello", "{'id':1}", "[]", "42", "[2]", "[2,17,'Reset',{}]", "[7,'a','Reset',{}]",
        "[3,'a',{}", "")) {
      assertInstanceOf(MessageCodec.Ignored.class, codec.decode(Samples.json(text)), text);
    }
    assertEquals(8L, counters.snapshot().get(Counters.UNANSWERABLE_FRAMES));
    assertEquals(1L, counters.snapshot().get(Counters.UNKNOWN_RESPONSES));
  }

  @Test
  void anInvalidAnswerFailsTheCallWithTheCodeOfItsBreach() {
    codec.encodeCall("c-1", new HeartbeatRequest());
    var failed = assertInstanceOf(MessageCodec.CallFailed.class, codec.decode("[3,\"c-1\",{\"currentTime\":42}]"));
    assertEquals(Code.TYPE_CONSTRAINT_VIOLATION, failed.error().code());
    codec.encodeCall("c-2", new HeartbeatRequest());
    failed = assertInstanceOf(MessageCodec.CallFailed.class, codec.decode("[3,\"c-2\",{\"currentTime\":\"2024\"}"));
    assertEquals(Code.FORMATION_VIOLATION, failed.error().code());
    codec.encodeCall("c-3", new HeartbeatRequest());
    failed = assertInstanceOf(MessageCodec.CallFailed.class, codec.decode("[3,\"c-3\"]"));
    assertEquals(Code.PROTOCOL_ERROR, failed.error().code());
    assertEquals(3L, counters.snapshot().get(Counters.INVALID_CALL_RESULTS));
  }

  @Test
  void aCallErrorFailsThePendingCallOnce() {
    codec.encodeCall("c-1", new HeartbeatRequest());
    assertEquals(new MessageCodec.CallFailed("c-1", new CallError(Code.INTERNAL_ERROR, "db down")),
        codec.decode("[4,\"c-1\",\"InternalError\",\"db down\",{}]"));
    assertInstanceOf(MessageCodec.Ignored.class, codec.decode("[4,\"c-1\",\"InternalError\",\"db down\",{}]"));
    codec.encodeCall("c-2", new HeartbeatRequest());
    assertEquals(new MessageCodec.CallFailed("c-2", new CallError(Code.GENERIC_ERROR, "")),
        codec.decode("[4,\"c-2\",\"SomethingElse\"]"));
  }

  @Test
  void answersToForgottenCallsAreIgnored() {
    codec.encodeCall("c-1", new HeartbeatRequest());
    codec.forgetAll();
    assertInstanceOf(MessageCodec.Ignored.class, codec.decode(frames.result("c-1",
        payloads.toJson(new HeartbeatResponse(Samples.T0)))));
    assertEquals(1L, counters.snapshot().get(Counters.UNKNOWN_RESPONSES));
  }

  private JsonNode parse(String text) {
    try {
      return payloads.parse(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
