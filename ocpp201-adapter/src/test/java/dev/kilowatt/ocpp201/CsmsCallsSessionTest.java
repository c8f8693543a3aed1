package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStartTransactionResponse;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.port.CallError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CSMS's 2.0.1 calls as the core's calls, and the core's answers as 2.0.1 answers, in strict mode. */
class CsmsCallsSessionTest extends PortSession {

  private final String[] coreCallId = new String[1];

  /** The central system's answer to its call {@code tag}. */
  private JsonNode result(String tag) {
    return csms.awaitJson("result " + tag + " ");
  }

  private int startTransaction(String idTag) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    port.send("start", new StartTransactionRequest(1, idTag, 0, Optional.empty(), now));
    return core.result("start", StartTransactionResponse.class).transactionId();
  }

  @Test
  void aRemoteStartKeepsItsRemoteStartIdAndTokenTypeForTheStartedEventAndARemoteStopFindsTheTransaction()
      throws Exception {
    csms.send("call r1 RequestStartTransaction {\"remoteStartId\":42,\"evseId\":1,"
        + "\"idToken\":{\"idToken\":\"APP-USER-7\",\"type\":\"Central\"}}");
    RemoteStartTransactionRequest start = core.call(RemoteStartTransactionRequest.class, coreCallId);
    assertEquals(Optional.of(1), start.connectorId());
    assertEquals("APP-USER-7", start.idTag());
    port.reply(coreCallId[0], new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    assertEquals("Accepted", result("r1").get("status").asText());

    int id = startTransaction("APP-USER-7");
    JsonNode started = csms.received("TransactionEvent");
    assertEquals("RemoteStart", started.get("triggerReason").asText());
    assertEquals(42, started.at("/transactionInfo/remoteStartId").asInt());
    assertEquals("Central", started.at("/idToken/type").asText());

    String transactionId = started.at("/transactionInfo/transactionId").asText();
    csms.send("call s1 RequestStopTransaction {\"transactionId\":\"" + transactionId + "\"}");
    assertEquals(id, core.call(RemoteStopTransactionRequest.class, coreCallId).transactionId());
    port.reply(coreCallId[0], new RemoteStopTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    assertEquals("Accepted", result("s1").get("status").asText());
    noStrictFailures();
  }

  @Test
  void aRemoteStopOfATransactionThisStationDidNotMakeIsRejectedWithoutAskingTheCore() throws Exception {
    csms.send("call s1 RequestStopTransaction {\"transactionId\":\"tx-of-someone-else\"}");

    assertEquals("Rejected", result("s1").get("status").asText());
    assertTrue(core.quiet());
  }

  @Test
  void resetImmediateIsHardAndOnIdleIsSoftOnceNoTransactionIsOpen() throws Exception {
    csms.send("call i1 Reset {\"type\":\"Immediate\"}");
    assertEquals(ResetType.HARD, core.call(ResetRequest.class, coreCallId).type());
    port.reply(coreCallId[0], new ResetResponse(ResetStatus.ACCEPTED));
    assertEquals("Accepted", result("i1").get("status").asText());

    csms.send("call o1 Reset {\"type\":\"OnIdle\"}");
    assertEquals(ResetType.SOFT, core.call(ResetRequest.class, coreCallId).type());
    port.reply(coreCallId[0], new ResetResponse(ResetStatus.ACCEPTED));
    assertEquals("Accepted", result("o1").get("status").asText());

    int id = startTransaction("04A1B2C3");
    csms.received("TransactionEvent");
    csms.send("call o2 Reset {\"type\":\"OnIdle\"}");
    assertEquals("Scheduled", result("o2").get("status").asText());
    assertTrue(core.quiet(), "an OnIdle reset never ends a transaction");
    port.send("stop", new StopTransactionRequest(Optional.empty(), 10, Instant.now(), id, Optional.empty(), List.of()));
    core.result("stop", StopTransactionResponse.class);
    assertEquals(ResetType.SOFT, core.call(ResetRequest.class, coreCallId).type());
    noStrictFailures();
  }

  @Test
  void aTriggeredBootNotificationGivesReasonTriggeredAndOtherTriggersAreNotImplemented() throws Exception {
    csms.send("call t1 TriggerMessage {\"requestedMessage\":\"BootNotification\"}");
    assertEquals(MessageTrigger.BOOT_NOTIFICATION, core.call(TriggerMessageRequest.class, coreCallId).requestedMessage());
    port.reply(coreCallId[0], new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED));
    assertEquals("Accepted", result("t1").get("status").asText());
    port.send("b1", new dev.kilowatt.core.message.BootNotificationRequest("Kilowatt", "KW-AC-7", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    core.result("b1", dev.kilowatt.core.message.BootNotificationResponse.class);
    assertEquals("Triggered", csms.received("BootNotification").get("reason").asText());

    csms.send("call t2 TriggerMessage {\"requestedMessage\":\"StatusNotification\",\"evse\":{\"id\":1,\"connectorId\":1}}");
    TriggerMessageRequest status = core.call(TriggerMessageRequest.class, coreCallId);
    assertEquals(MessageTrigger.STATUS_NOTIFICATION, status.requestedMessage());
    assertEquals(Optional.of(1), status.connectorId());
    port.reply(coreCallId[0], new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED));
    result("t2");

    csms.send("call t3 TriggerMessage {\"requestedMessage\":\"PublishFirmwareStatusNotification\"}");
    assertEquals("NotImplemented", result("t3").get("status").asText());
    noStrictFailures();
  }

  @Test
  void changeAvailabilityOfAnEvseIsThatOfItsConnectorAndWithoutOneThatOfTheStation() throws Exception {
    csms.send("call c1 ChangeAvailability {\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":1}}");
    assertEquals(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE),
        core.call(ChangeAvailabilityRequest.class, coreCallId));
    port.reply(coreCallId[0], new ChangeAvailabilityResponse(AvailabilityStatus.SCHEDULED));
    assertEquals("Scheduled", result("c1").get("status").asText());

    csms.send("call c2 ChangeAvailability {\"operationalStatus\":\"Operative\"}");
    assertEquals(new ChangeAvailabilityRequest(0, AvailabilityType.OPERATIVE),
        core.call(ChangeAvailabilityRequest.class, coreCallId));
    port.reply(coreCallId[0], new ChangeAvailabilityResponse(AvailabilityStatus.ACCEPTED));
    assertEquals("Accepted", result("c2").get("status").asText());
    noStrictFailures();
  }

  @Test
  void getVariablesReadsTheMappedConfigurationKeysInOneGetConfigurationOfAllKeys() throws Exception {
    csms.send("call g1 GetVariables {\"getVariableData\":["
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
        + "{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}},"
        + "{\"component\":{\"name\":\"AuthCtrlr\"},\"variable\":{\"name\":\"AuthorizeRemoteStart\"},\"attributeType\":\"Actual\"},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"},\"attributeType\":\"Target\"},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"NoSuchVariable\"}},"
        + "{\"component\":{\"name\":\"NoSuchCtrlr\"},\"variable\":{\"name\":\"Enabled\"}}]}");

    GetConfigurationRequest get = core.call(GetConfigurationRequest.class, coreCallId);
    assertEquals(List.of(), get.key(), "all keys, so that no GetConfigurationMaxKeys can refuse it");
    port.reply(coreCallId[0], new GetConfigurationResponse(List.of(
        new KeyValue("ClockAlignedDataInterval", false, Optional.of("0")),
        new KeyValue("HeartbeatInterval", false, Optional.of("300")),
        new KeyValue("MeterValueSampleInterval", false, Optional.of("60")),
        new KeyValue("AuthorizeRemoteTxRequests", false, Optional.of("true"))), List.of()));
    JsonNode results = result("g1").get("getVariableResult");
    assertEquals("Accepted 300", results.get(0).get("attributeStatus").asText() + " " + results.get(0).get("attributeValue").asText());
    assertEquals("Accepted 60", results.get(1).get("attributeStatus").asText() + " " + results.get(1).get("attributeValue").asText());
    assertEquals("Accepted true", results.get(2).get("attributeStatus").asText() + " " + results.get(2).get("attributeValue").asText());
    assertEquals("NotSupportedAttributeType", results.get(3).get("attributeStatus").asText());
    assertEquals("UnknownVariable", results.get(4).get("attributeStatus").asText());
    assertEquals("UnknownComponent", results.get(5).get("attributeStatus").asText());
    noStrictFailures();
  }

  @Test
  void setVariablesChangesEachMappedKeyAndAnswersTheRestWithoutTheCore() throws Exception {
    csms.send("call v1 SetVariables {\"setVariableData\":["
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"},\"attributeValue\":\"60\"},"
        + "{\"component\":{\"name\":\"NoSuchCtrlr\"},\"variable\":{\"name\":\"Enabled\"},\"attributeValue\":\"true\"},"
        + "{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"},\"attributeValue\":\"-1\"}]}");

    assertEquals(new ChangeConfigurationRequest("HeartbeatInterval", "60"),
        core.call(ChangeConfigurationRequest.class, coreCallId));
    String first = coreCallId[0];
    assertEquals(new ChangeConfigurationRequest("MeterValueSampleInterval", "-1"),
        core.call(ChangeConfigurationRequest.class, coreCallId));
    port.reply(coreCallId[0], new ChangeConfigurationResponse(ConfigurationStatus.REJECTED));
    port.reply(first, new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED));
    JsonNode results = result("v1").get("setVariableResult");
    assertEquals("Accepted", results.get(0).get("attributeStatus").asText());
    assertEquals("UnknownComponent", results.get(1).get("attributeStatus").asText());
    assertEquals("Rejected", results.get(2).get("attributeStatus").asText());
    noStrictFailures();
  }

  @Test
  void aCallErrorOfTheCoreReachesTheCentralSystemAndAnUnhandledCallIsNotSupported() throws Exception {
    csms.send("call c1 ChangeAvailability {\"operationalStatus\":\"Operative\"}");
    core.call(ChangeAvailabilityRequest.class, coreCallId);
    port.replyError(coreCallId[0], new CallError(CallError.Code.INTERNAL_ERROR, "probe"));
    assertTrue(csms.awaitPrefix("error c1 ").startsWith("error c1 InternalError"));

    csms.send("call u1 ClearDisplayMessage {\"id\":1}");
    assertTrue(csms.awaitPrefix("error u1 ").startsWith("error u1 NotSupported"));
  }
}
