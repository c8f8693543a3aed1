package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.Firmware;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.GetLogResponse;
import dev.kilowatt.core.message.LogParameters;
import dev.kilowatt.core.message.LogStatus;
import dev.kilowatt.core.message.LogStatusNotificationRequest;
import dev.kilowatt.core.message.LogStatusNotificationResponse;
import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationResponse;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.UpdateFirmwareStatus;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.port.CallError;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * UpdateFirmware, GetLog, their status notifications and their triggers between the core's port and ocpp-rpc's
 * server in strict mode (every message checked against the OCA schemas both ways), the core stood in for by a
 * {@link CoreProbe}.
 */
class FirmwareCallsSessionTest extends PortSession {

  private static final Instant RETRIEVE = Instant.parse("2026-12-04T02:00:00Z");
  private static final Instant INSTALL = Instant.parse("2026-12-04T03:30:00Z");

  private final String[] coreCallId = new String[1];

  private JsonNode result(String tag) {
    return csms.awaitJson("result " + tag + " ");
  }

  @Test
  void anUpdateFirmwareIsTheCoresSignedUpdateWithTheSameFieldsAndItsAnswerComesBackByName() throws Exception {
    csms.send("call u1 UpdateFirmware {\"requestId\":21,\"retries\":2,\"retryInterval\":30,\"firmware\":{"
        + "\"location\":\"https://fw.example/kw-2.0.0.bin\",\"retrieveDateTime\":\"" + RETRIEVE + "\","
        + "\"installDateTime\":\"" + INSTALL + "\",\"signingCertificate\":\"-----BEGIN CERTIFICATE-----\","
        + "\"signature\":\"c2lnbmVk\"}}");
    assertEquals(new SignedUpdateFirmwareRequest(Optional.of(2), Optional.of(30), 21, new Firmware(
            "https://fw.example/kw-2.0.0.bin", RETRIEVE, Optional.of(INSTALL), Optional.of("-----BEGIN CERTIFICATE-----"),
            Optional.of("c2lnbmVk"))),
        core.call(SignedUpdateFirmwareRequest.class, coreCallId));
    port.reply(coreCallId[0], new SignedUpdateFirmwareResponse(UpdateFirmwareStatus.ACCEPTED_CANCELED));
    assertEquals("{\"status\":\"AcceptedCanceled\"}", result("u1").toString(), "L01.FR.24");

    csms.send("call u2 UpdateFirmware {\"requestId\":22,\"firmware\":{\"location\":\"ftp://fw.example/kw.bin\","
        + "\"retrieveDateTime\":\"" + RETRIEVE + "\"}}");
    assertEquals(new SignedUpdateFirmwareRequest(Optional.empty(), Optional.empty(), 22, new Firmware(
            "ftp://fw.example/kw.bin", RETRIEVE, Optional.empty(), Optional.empty(), Optional.empty())),
        core.call(SignedUpdateFirmwareRequest.class, coreCallId), "without a certificate the core judges it too");
    port.reply(coreCallId[0], new SignedUpdateFirmwareResponse(UpdateFirmwareStatus.INVALID_CERTIFICATE));
    assertEquals("InvalidCertificate", result("u2").get("status").asText(), "L01.FR.22");
    noStrictFailures();
  }

  @Test
  void everyStatusOfTheCoresSignedUpdateGoesAsAFirmwareStatusNotificationWithItsRequestId() throws Exception {
    for (SignedFirmwareStatus status : SignedFirmwareStatus.values()) {
      port.send("f-" + status, new SignedFirmwareStatusNotificationRequest(status, Optional.of(21)));
      core.result("f-" + status, SignedFirmwareStatusNotificationResponse.class);
      JsonNode sent = csms.received("FirmwareStatusNotification");
      assertEquals(status.ocppValue(), sent.get("status").asText());
      assertEquals(21, sent.get("requestId").asInt(), "L01.FR.10");
    }

    port.send("idle", new SignedFirmwareStatusNotificationRequest(SignedFirmwareStatus.IDLE, Optional.empty()));
    core.result("idle", SignedFirmwareStatusNotificationResponse.class);
    assertEquals("{\"status\":\"Idle\"}", csms.received("FirmwareStatusNotification").toString(), "L01.FR.20");
    noStrictFailures();
  }

  @Test
  void aGetLogIsTheCoresGetLogWithTheSameFieldsAndItsAnswerAndFilenameComeBack() throws Exception {
    csms.send("call l1 GetLog {\"logType\":\"SecurityLog\",\"requestId\":8,\"retries\":1,\"retryInterval\":15,"
        + "\"log\":{\"remoteLocation\":\"https://logs.example/kw/\",\"oldestTimestamp\":\"" + RETRIEVE + "\","
        + "\"latestTimestamp\":\"" + INSTALL + "\"}}");
    assertEquals(new GetLogRequest(LogType.SECURITY_LOG, 8, Optional.of(1), Optional.of(15),
            new LogParameters("https://logs.example/kw/", Optional.of(RETRIEVE), Optional.of(INSTALL))),
        core.call(GetLogRequest.class, coreCallId));
    port.reply(coreCallId[0], new GetLogResponse(LogStatus.ACCEPTED, Optional.of("security-log-20261204T020000Z.log")));
    assertEquals("{\"status\":\"Accepted\",\"filename\":\"security-log-20261204T020000Z.log\"}", result("l1").toString(),
        "N01.FR.01");

    csms.send("call l2 GetLog {\"logType\":\"DiagnosticsLog\",\"requestId\":9,\"log\":{\"remoteLocation\":\"ftp://logs.example/\"}}");
    assertEquals(new GetLogRequest(LogType.DIAGNOSTICS_LOG, 9, Optional.empty(), Optional.empty(),
            new LogParameters("ftp://logs.example/", Optional.empty(), Optional.empty())),
        core.call(GetLogRequest.class, coreCallId));
    port.reply(coreCallId[0], new GetLogResponse(LogStatus.ACCEPTED_CANCELED, Optional.of("diagnostics.zip")));
    assertEquals("AcceptedCanceled", result("l2").get("status").asText(), "N01.FR.12");

    csms.send("call l3 GetLog {\"logType\":\"DiagnosticsLog\",\"requestId\":10,\"log\":{\"remoteLocation\":\"ftp://logs.example/\"}}");
    core.call(GetLogRequest.class, coreCallId);
    port.reply(coreCallId[0], new GetLogResponse(LogStatus.REJECTED, Optional.empty()));
    assertEquals("{\"status\":\"Rejected\"}", result("l3").toString(), "N01.FR.05");
    noStrictFailures();
  }

  @Test
  void aGetLogOfACoreWithoutLogsIsRejectedAndAnyOtherErrorOfTheCorePassesOn() throws Exception {
    String getLog = "GetLog {\"logType\":\"DiagnosticsLog\",\"requestId\":11,\"log\":{\"remoteLocation\":\"ftp://logs.example/\"}}";
    csms.send("call l1 " + getLog);
    core.call(GetLogRequest.class, coreCallId);
    port.replyError(coreCallId[0], new CallError(CallError.Code.NOT_IMPLEMENTED, "no diagnostics collector"));
    JsonNode rejected = result("l1");
    assertEquals("Rejected", rejected.get("status").asText(), "N01.FR.05, not the core's 1.6 CALLERROR");
    assertEquals("NoLogs", rejected.at("/statusInfo/reasonCode").asText());

    csms.send("call l2 " + getLog);
    core.call(GetLogRequest.class, coreCallId);
    port.replyError(coreCallId[0], new CallError(CallError.Code.INTERNAL_ERROR, "probe"));
    assertTrue(csms.awaitPrefix("error l2 ").startsWith("error l2 InternalError"));
    noStrictFailures();
  }

  @Test
  void everyStatusOfTheCoresLogUploadGoesAsALogStatusNotificationWithItsRequestId() throws Exception {
    for (UploadLogStatus status : UploadLogStatus.values()) {
      port.send("l-" + status, new LogStatusNotificationRequest(status, Optional.of(8)));
      core.result("l-" + status, LogStatusNotificationResponse.class);
      JsonNode sent = csms.received("LogStatusNotification");
      assertEquals(status.ocppValue(), sent.get("status").asText());
      assertEquals(8, sent.get("requestId").asInt(), "N01.FR.07");
    }

    port.send("idle", new LogStatusNotificationRequest(UploadLogStatus.IDLE, Optional.empty()));
    core.result("idle", LogStatusNotificationResponse.class);
    assertFalse(csms.received("LogStatusNotification").has("requestId"), "N01.FR.13");
    noStrictFailures();
  }

  /** The core reports {@code status} of GetLog {@code requestId}, which the central system hears. */
  private JsonNode logStatus(UploadLogStatus status, int requestId) {
    port.send("l-" + requestId + "-" + status, new LogStatusNotificationRequest(status, Optional.of(requestId)));
    core.result("l-" + requestId + "-" + status, LogStatusNotificationResponse.class);
    return csms.received("LogStatusNotification");
  }

  @Test
  void aGetLogThatCancelsAnUploadTellsOfTheCancelledOneBeforeTheNewOnesUploading() throws Exception {
    logStatus(UploadLogStatus.UPLOADING, 8);
    csms.send("call l1 GetLog {\"logType\":\"SecurityLog\",\"requestId\":9,\"log\":{\"remoteLocation\":\"ftp://logs.example/\"}}");
    core.call(GetLogRequest.class, coreCallId);
    port.reply(coreCallId[0], new GetLogResponse(LogStatus.ACCEPTED_CANCELED, Optional.of("security.log")));
    assertEquals("AcceptedCanceled", result("l1").get("status").asText(), "N01.FR.12");
    assertEquals("{\"status\":\"AcceptedCanceled\",\"requestId\":8}", csms.received("LogStatusNotification").toString(),
        "N01.FR.20");
    assertEquals("{\"status\":\"Uploading\",\"requestId\":9}", logStatus(UploadLogStatus.UPLOADING, 9).toString());

    logStatus(UploadLogStatus.UPLOADED, 9);
    csms.send("call l2 GetLog {\"logType\":\"SecurityLog\",\"requestId\":10,\"log\":{\"remoteLocation\":\"ftp://logs.example/\"}}");
    core.call(GetLogRequest.class, coreCallId);
    // the core cancelled an upload whose Uploading the CSMS has not heard yet (one it resumed after a restart)
    port.reply(coreCallId[0], new GetLogResponse(LogStatus.ACCEPTED_CANCELED, Optional.of("security.log")));
    assertEquals("AcceptedCanceled", result("l2").get("status").asText());
    assertEquals("{\"status\":\"Uploading\",\"requestId\":10}", logStatus(UploadLogStatus.UPLOADING, 10).toString(),
        "the CSMS heard GetLog 9's upload end: nothing to tell of it");
    noStrictFailures();
  }

  @Test
  void aTriggeredFirmwareOrLogStatusIsTheCoresExtendedTriggerOfTheSameMessage() throws Exception {
    csms.send("call t1 TriggerMessage {\"requestedMessage\":\"FirmwareStatusNotification\"}");
    assertEquals(new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.FIRMWARE_STATUS_NOTIFICATION, Optional.empty()),
        core.call(ExtendedTriggerMessageRequest.class, coreCallId));
    port.reply(coreCallId[0], new ExtendedTriggerMessageResponse(TriggerMessageStatus.ACCEPTED));
    assertEquals("Accepted", result("t1").get("status").asText());

    csms.send("call t2 TriggerMessage {\"requestedMessage\":\"LogStatusNotification\"}");
    assertEquals(new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.LOG_STATUS_NOTIFICATION, Optional.empty()),
        core.call(ExtendedTriggerMessageRequest.class, coreCallId));
    port.reply(coreCallId[0], new ExtendedTriggerMessageResponse(TriggerMessageStatus.NOT_IMPLEMENTED));
    assertEquals("NotImplemented", result("t2").get("status").asText(), "a core without a diagnostics collector");
    noStrictFailures();
  }
}
