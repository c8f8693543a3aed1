package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.DataTransferRequest;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.message.DataTransferStatus;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.SecurityEventNotificationResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.UnlockConnectorRequest;
import dev.kilowatt.core.message.UnlockConnectorResponse;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * UnlockConnector, DataTransfer both ways, GetTransactionStatus and SecurityEventNotification between the
 * core's port and ocpp-rpc's server in strict mode, the core stood in for by a {@link CoreProbe}.
 */
class ServiceCallsSessionTest extends PortSession {

  private static final Instant STARTED = Instant.parse("2026-12-03T06:30:04.250Z");
  private static final String TRANSACTION = "1-2026-12-03T06:30:04Z";

  private final String[] coreCallId = new String[1];

  private JsonNode result(String tag) {
    return csms.awaitJson("result " + tag + " ");
  }

  /** The core reports connector 1, as it does after every boot: EVSE 1 is known. */
  private void evseOneReported() {
    port.send("s1", Ocpp201CentralSystemTest.status(1, ChargePointStatus.AVAILABLE));
    core.result("s1", StatusNotificationResponse.class);
    csms.received("StatusNotification");
  }

  /** The central system unlocks EVSE 1's connector; the core says which transactions are unsettled. */
  private void unlock(String tag, List<UnsettledTransaction> unsettled) {
    csms.send("call " + tag + " UnlockConnector {\"evseId\":1,\"connectorId\":1}");
    core.transactionsAsked(unsettled);
  }

  @Test
  void anUnlockOfAnIdleEvseIsTheCoresUnlockAndItsAnswerUnlockedOrUnlockFailed() throws Exception {
    evseOneReported();
    unlock("u1", List.of());
    assertEquals(new UnlockConnectorRequest(1), core.call(UnlockConnectorRequest.class, coreCallId));
    port.reply(coreCallId[0], new UnlockConnectorResponse(UnlockStatus.UNLOCKED));
    assertEquals("Unlocked", result("u1").get("status").asText());

    unlock("u2", List.of(new UnsettledTransaction(1, STARTED, false, true)));
    core.call(UnlockConnectorRequest.class, coreCallId);
    port.reply(coreCallId[0], new UnlockConnectorResponse(UnlockStatus.UNLOCK_FAILED));
    assertEquals("UnlockFailed", result("u2").get("status").asText(), "an ended transaction does not hold the lock");
    noStrictFailures();
  }

  @Test
  void anUnlockWhereTheCoreHasNoLockToOpenIsUnlockFailedFor201HasNoNotSupported() throws Exception {
    evseOneReported();
    unlock("u1", List.of());
    core.call(UnlockConnectorRequest.class, coreCallId);
    port.reply(coreCallId[0], new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED));

    JsonNode answer = result("u1");
    assertEquals("UnlockFailed", answer.get("status").asText());
    assertEquals("NoLock", answer.at("/statusInfo/reasonCode").asText());
    noStrictFailures();
  }

  @Test
  void anUnlockWhileATransactionRunsOnTheEvseIsOngoingAuthorizedTransactionWithoutTheCore() throws Exception {
    evseOneReported();
    unlock("u1", List.of(new UnsettledTransaction(1, STARTED, true, false)));

    assertEquals("OngoingAuthorizedTransaction", result("u1").get("status").asText());
    assertTrue(core.quiet(), "the core's unlock would end the transaction: " + core.untaken());
    noStrictFailures();
  }

  @Test
  void anUnlockOfAConnectorOrEvseTheStationDoesNotHaveIsUnknownConnectorWithoutTheCore() throws Exception {
    evseOneReported();
    csms.send("call u1 UnlockConnector {\"evseId\":1,\"connectorId\":2}");
    assertEquals("UnknownConnector", result("u1").get("status").asText());
    csms.send("call u2 UnlockConnector {\"evseId\":7,\"connectorId\":1}");
    assertEquals("UnknownConnector", result("u2").get("status").asText());

    assertTrue(core.quiet(), core.untaken()::toString);
    noStrictFailures();
  }

  @Test
  void theCentralSystemsDataTransferReachesTheCoreAsJsonTextAndTheAnswersTextReturnsAsJson() throws Exception {
    csms.send("call d1 DataTransfer {\"vendorId\":\"com.acme\",\"messageId\":\"price\",\"data\":{\"kWh\":12.5}}");
    assertEquals(new DataTransferRequest("com.acme", Optional.of("price"), Optional.of("{\"kWh\":12.5}")),
        core.call(DataTransferRequest.class, coreCallId));
    port.reply(coreCallId[0], new DataTransferResponse(DataTransferStatus.ACCEPTED, Optional.of("[1,\"two\"]")));
    JsonNode accepted = result("d1");
    assertEquals("Accepted", accepted.get("status").asText());
    assertEquals("[1,\"two\"]", accepted.get("data").toString());

    csms.send("call d2 DataTransfer {\"vendorId\":\"com.acme\",\"data\":\"plain\"}");
    assertEquals(new DataTransferRequest("com.acme", Optional.empty(), Optional.of("\"plain\"")),
        core.call(DataTransferRequest.class, coreCallId), "a JSON string arrives with its quotes");
    port.reply(coreCallId[0], new DataTransferResponse(DataTransferStatus.REJECTED, Optional.of("not json")));
    JsonNode rejected = result("d2");
    assertEquals("Rejected", rejected.get("status").asText());
    assertEquals("not json", rejected.get("data").asText(), "a 1.6 handler's plain text goes as a JSON string");

    csms.send("call d3 DataTransfer {\"vendorId\":\"org.other\"}");
    assertEquals(new DataTransferRequest("org.other", Optional.empty(), Optional.empty()),
        core.call(DataTransferRequest.class, coreCallId));
    port.reply(coreCallId[0], new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID, Optional.empty()));
    JsonNode unknown = result("d3");
    assertEquals("UnknownVendorId", unknown.get("status").asText());
    assertFalse(unknown.has("data"));
    noStrictFailures();
  }

  @Test
  void theCoresDataTransferGoesWithItsTextAsJsonAndTheCentralSystemsAnswerComesBackAsText() throws Exception {
    port.send("d1", new DataTransferRequest("com.acme", Optional.of("price"), Optional.of("{\"kWh\":3}")));
    DataTransferResponse echoed = core.result("d1", DataTransferResponse.class);
    assertEquals(DataTransferStatus.ACCEPTED, echoed.status());
    assertEquals(Optional.of("{\"echo\":{\"kWh\":3}}"), echoed.data());
    JsonNode sent = csms.received("DataTransfer");
    assertEquals("price", sent.get("messageId").asText());
    assertEquals(3, sent.at("/data/kWh").asInt());

    port.send("d2", new DataTransferRequest("com.acme", Optional.empty(), Optional.of("hello")));
    assertEquals(Optional.of("{\"echo\":\"hello\"}"), core.result("d2", DataTransferResponse.class).data());

    port.send("d3", new DataTransferRequest("org.other", Optional.empty(), Optional.empty()));
    DataTransferResponse unknown = core.result("d3", DataTransferResponse.class);
    assertEquals(DataTransferStatus.UNKNOWN_VENDOR_ID, unknown.status());
    assertEquals(Optional.empty(), unknown.data());
    noStrictFailures();
  }

  @Test
  void getTransactionStatusOfANamedTransactionSaysWhetherItRunsAndWhetherItsMessagesWait() throws Exception {
    csms.send("call g1 GetTransactionStatus {\"transactionId\":\"" + TRANSACTION + "\"}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, STARTED, true, false),
        new UnsettledTransaction(2, STARTED, false, true)));
    assertEquals("{\"ongoingIndicator\":true,\"messagesInQueue\":false}", result("g1").toString());

    csms.send("call g2 GetTransactionStatus {\"transactionId\":\"" + TRANSACTION + "\"}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, STARTED, false, true)));
    assertEquals("{\"ongoingIndicator\":false,\"messagesInQueue\":true}", result("g2").toString());

    csms.send("call g3 GetTransactionStatus {\"transactionId\":\"tx-of-someone-else\"}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, STARTED, true, true)));
    assertEquals("{\"ongoingIndicator\":false,\"messagesInQueue\":false}", result("g3").toString());
    noStrictFailures();
  }

  @Test
  void getTransactionStatusWithoutATransactionHasNoOngoingIndicatorAndTellsOfAnyWaitingMessage() throws Exception {
    csms.send("call g1 GetTransactionStatus {}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, STARTED, true, false),
        new UnsettledTransaction(2, STARTED, false, true)));
    assertEquals("{\"messagesInQueue\":true}", result("g1").toString());

    csms.send("call g2 GetTransactionStatus {}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, STARTED, true, false)));
    assertEquals("{\"messagesInQueue\":false}", result("g2").toString());
    noStrictFailures();
  }

  @Test
  void theCoresSecurityEventsGoAsSecurityEventNotificationNamedIn201Words() throws Exception {
    port.send("e1", new SecurityEventNotificationRequest("InvalidCentralSystemCertificate", STARTED,
        Optional.of("unknown issuer")));
    core.result("e1", SecurityEventNotificationResponse.class);
    JsonNode renamed = csms.received("SecurityEventNotification");
    assertEquals("InvalidCsmsCertificate", renamed.get("type").asText());
    assertEquals("unknown issuer", renamed.get("techInfo").asText());
    assertEquals(STARTED, Instant.parse(renamed.get("timestamp").asText()));

    port.send("e2", new SecurityEventNotificationRequest("StartupOfTheDevice", STARTED, Optional.empty()));
    core.result("e2", SecurityEventNotificationResponse.class);
    JsonNode same = csms.received("SecurityEventNotification");
    assertEquals("StartupOfTheDevice", same.get("type").asText());
    assertFalse(same.has("techInfo"));
    noStrictFailures();
  }
}
