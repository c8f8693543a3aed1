package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Reset of one EVSE (part 2 B11, B12 with an evseId) on the core, which resets only the whole station: the EVSE
 * leaves service and comes back, its transaction ended first (Immediate) or waited for (OnIdle); in strict mode.
 */
class ResetSessionTest extends PortSession {

  private final String[] coreCallId = new String[1];
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

  private JsonNode result(String tag) {
    return csms.awaitJson("result " + tag + " ");
  }

  /** The core reports EVSE {@code evseId} (its connector) in {@code status}, as it does after every boot. */
  private void reported(int evseId, ChargePointStatus status) {
    port.send("status-" + evseId, Ocpp201CentralSystemTest.status(evseId, status));
    core.result("status-" + evseId, StatusNotificationResponse.class);
    csms.received("StatusNotification");
  }

  private int startTransaction(int evseId) {
    port.send("start", new StartTransactionRequest(evseId, "04A1B2C3", 0, Optional.empty(), started));
    int id = core.result("start", StartTransactionResponse.class).transactionId();
    csms.received("TransactionEvent");
    return id;
  }

  /** The core is asked to take EVSE {@code evseId} out of service and to bring it back, and says Accepted. */
  private void outOfServiceAndBack(int evseId) {
    assertEquals(new ChangeAvailabilityRequest(evseId, AvailabilityType.INOPERATIVE),
        core.call(ChangeAvailabilityRequest.class, coreCallId));
    port.reply(coreCallId[0], new ChangeAvailabilityResponse(AvailabilityStatus.ACCEPTED));
    assertEquals(new ChangeAvailabilityRequest(evseId, AvailabilityType.OPERATIVE),
        core.call(ChangeAvailabilityRequest.class, coreCallId));
    port.reply(coreCallId[0], new ChangeAvailabilityResponse(AvailabilityStatus.ACCEPTED));
  }

  @Test
  void aResetOfAnEvseTheStationDoesNotHaveIsRejectedWithoutTheCore() throws Exception {
    reported(1, ChargePointStatus.AVAILABLE);

    csms.send("call e1 Reset {\"type\":\"Immediate\",\"evseId\":3}");

    JsonNode answer = result("e1");
    assertEquals("Rejected", answer.get("status").asText());
    assertEquals("UnknownEvse", answer.at("/statusInfo/reasonCode").asText());
    assertTrue(core.quiet());
    noStrictFailures();
  }

  @Test
  void anIdleEvseLeavesServiceAndComesBackWhateverTheTypeAndTheStationIsNotReset() throws Exception {
    reported(1, ChargePointStatus.AVAILABLE);

    for (String type : List.of("Immediate", "OnIdle")) {
      csms.send("call " + type + " Reset {\"type\":\"" + type + "\",\"evseId\":1}");
      core.transactionsAsked(List.of());
      outOfServiceAndBack(1);
      assertEquals("Accepted", result(type).get("status").asText());
    }
    assertTrue(core.quiet(), "no Reset of the station reaches the core");
    noStrictFailures();
  }

  @Test
  void anEvseOutOfServiceAlreadyStaysSoAndTheResetIsAccepted() throws Exception {
    reported(2, ChargePointStatus.UNAVAILABLE);

    csms.send("call u1 Reset {\"type\":\"Immediate\",\"evseId\":2}");
    core.transactionsAsked(List.of());

    assertEquals("Accepted", result("u1").get("status").asText());
    assertTrue(core.quiet(), "a reset does not bring an EVSE into service that was out of it");
    noStrictFailures();
  }

  @Test
  void anImmediateResetOfAnEvseEndsItsTransactionAsImmediateResetThenResetsTheEvse() throws Exception {
    reported(1, ChargePointStatus.CHARGING);
    int id = startTransaction(1);

    csms.send("call i1 Reset {\"type\":\"Immediate\",\"evseId\":1}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, started, true, false),
        new UnsettledTransaction(2, started, true, false)));
    assertEquals(id, core.call(RemoteStopTransactionRequest.class, coreCallId).transactionId());
    port.reply(coreCallId[0], new RemoteStopTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    assertEquals("Accepted", result("i1").get("status").asText());

    // the core ends the transaction as it ends any remote stop
    port.send("stop", new StopTransactionRequest(Optional.empty(), 100, started.plusSeconds(30), id,
        Optional.of(Reason.REMOTE), List.of()));
    JsonNode ended = csms.received("TransactionEvent");
    assertEquals("Ended", ended.get("eventType").asText());
    assertEquals("ImmediateReset", ended.at("/transactionInfo/stoppedReason").asText());
    assertEquals("ResetCommand", ended.get("triggerReason").asText());
    core.result("stop", StopTransactionResponse.class);
    outOfServiceAndBack(1);
    assertTrue(core.quiet(), "only EVSE 1 is reset");
    assertEquals(List.of(), keysOnceWritten("ocpp201/reset/", List.of()));
    noStrictFailures();
  }

  @Test
  void anOnIdleResetOfAnEvseIsScheduledUntilItsTransactionEndsNormally() throws Exception {
    reported(1, ChargePointStatus.CHARGING);
    int id = startTransaction(1);

    csms.send("call o1 Reset {\"type\":\"OnIdle\",\"evseId\":1}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, started, true, false)));
    assertEquals("Scheduled", result("o1").get("status").asText());
    assertTrue(core.quiet(), "an OnIdle reset never ends a transaction");

    port.send("stop", new StopTransactionRequest(Optional.of("04A1B2C3"), 100, started.plusSeconds(30), id,
        Optional.empty(), List.of()));
    JsonNode ended = csms.received("TransactionEvent");
    assertEquals("Local", ended.at("/transactionInfo/stoppedReason").asText());
    assertEquals("StopAuthorized", ended.get("triggerReason").asText());
    core.result("stop", StopTransactionResponse.class);
    outOfServiceAndBack(1);
    assertTrue(core.quiet());
    noStrictFailures();
  }

  @Test
  void anImmediateResetOfAnEvseTheCoreWillNotStopIsRejectedAndForgotten() throws Exception {
    reported(1, ChargePointStatus.CHARGING);
    int id = startTransaction(1);

    csms.send("call r1 Reset {\"type\":\"Immediate\",\"evseId\":1}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, started, true, false)));
    core.call(RemoteStopTransactionRequest.class, coreCallId);
    port.reply(coreCallId[0], new RemoteStopTransactionResponse(RemoteStartStopStatus.REJECTED));

    assertEquals("Rejected", result("r1").get("status").asText());
    port.send("stop", new StopTransactionRequest(Optional.empty(), 100, started.plusSeconds(30), id,
        Optional.of(Reason.REMOTE), List.of()));
    assertEquals("Remote", csms.received("TransactionEvent").at("/transactionInfo/stoppedReason").asText());
    core.result("stop", StopTransactionResponse.class);
    assertTrue(core.quiet(), "a refused reset does not reset the EVSE later");
    noStrictFailures();
  }

  @Test
  void aResetOfTheStationEndsTransactionsAsImmediateResetAndMakesAWaitingEvseResetMoot() throws Exception {
    reported(1, ChargePointStatus.CHARGING);
    int id = startTransaction(1);
    csms.send("call o1 Reset {\"type\":\"OnIdle\",\"evseId\":1}");
    core.transactionsAsked(List.of(new UnsettledTransaction(1, started, true, false)));
    assertEquals("Scheduled", result("o1").get("status").asText());

    csms.send("call i1 Reset {\"type\":\"Immediate\"}");
    assertEquals(ResetType.HARD, core.call(ResetRequest.class, coreCallId).type());
    port.reply(coreCallId[0], new ResetResponse(ResetStatus.ACCEPTED));
    assertEquals("Accepted", result("i1").get("status").asText());

    port.send("stop", new StopTransactionRequest(Optional.empty(), 100, started.plusSeconds(30), id,
        Optional.of(Reason.HARD_RESET), List.of()));
    JsonNode ended = csms.received("TransactionEvent");
    assertEquals("ImmediateReset", ended.at("/transactionInfo/stoppedReason").asText());
    assertEquals("ResetCommand", ended.get("triggerReason").asText());
    core.result("stop", StopTransactionResponse.class);
    assertTrue(core.quiet(), "the station resets as a whole; the EVSE's own reset is not handed on");
    assertEquals(List.of(), keysOnceWritten("ocpp201/", List.of()));
    noStrictFailures();
  }
}
