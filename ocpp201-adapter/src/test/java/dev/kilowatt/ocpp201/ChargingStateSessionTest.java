package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The charging state in the TransactionEvents, and the Updated events its changes call for, in strict mode. */
class ChargingStateSessionTest extends PortSession {

  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

  private void status(String callId, ChargePointStatus status, Instant at) {
    port.send(callId, new StatusNotificationRequest(1, ChargePointErrorCode.NO_ERROR, Optional.empty(), status,
        Optional.of(at), Optional.empty(), Optional.empty()));
    core.result(callId, StatusNotificationResponse.class);
    csms.received("StatusNotification");
  }

  private int start() {
    port.send("start", new StartTransactionRequest(1, "04A1B2C3", 1000, Optional.empty(), started));
    return core.result("start", StartTransactionResponse.class).transactionId();
  }

  private long transactionEvents() {
    // a call of the station's after the events: they have all reached the central system by its answer
    port.send("h", new HeartbeatRequest());
    core.result("h", HeartbeatResponse.class);
    return csms.reported().stream().filter(l -> l.startsWith("received TransactionEvent ")).count();
  }

  private static String state(JsonNode event) {
    return event.get("eventType").asText() + " " + event.get("triggerReason").asText() + " "
        + event.at("/transactionInfo/chargingState").asText() + " " + event.get("seqNo").asInt();
  }

  @Test
  void eachChangeOfTheCoresStatusDuringATransactionIsAnUpdatedEventAndAnUnpluggedEvEndsIdle() {
    status("s0", ChargePointStatus.PREPARING, started.minusSeconds(10));
    int id = start();
    assertEquals("Started Authorized EVConnected 0", state(csms.received("TransactionEvent")),
        "a status from before the start is no state of the transaction");

    status("s1", ChargePointStatus.CHARGING, started.plusSeconds(1));
    JsonNode charging = csms.received("TransactionEvent");
    assertEquals("Updated ChargingStateChanged Charging 1", state(charging));
    assertEquals(started.plusSeconds(1), Instant.parse(charging.get("timestamp").asText()), "the time of the change");
    assertEquals(TransactionIds.station(1, started), charging.at("/transactionInfo/transactionId").asText());

    status("s2", ChargePointStatus.SUSPENDED_EV, started.plusSeconds(60));
    assertEquals("Updated ChargingStateChanged SuspendedEV 2", state(csms.received("TransactionEvent")));
    status("s3", ChargePointStatus.SUSPENDED_EV, started.plusSeconds(61));
    status("s4", ChargePointStatus.FAULTED, started.plusSeconds(62));
    assertEquals("Updated ChargingStateChanged SuspendedEVSE 3", state(csms.received("TransactionEvent")),
        "the same state again is no change; a fault stops the station offering energy");

    port.send("stop", new StopTransactionRequest(Optional.empty(), 2000, started.plusSeconds(90), id,
        Optional.of(Reason.EV_DISCONNECTED), List.of()));
    core.result("stop", StopTransactionResponse.class);
    assertEquals("Ended EVCommunicationLost Idle 4", state(csms.received("TransactionEvent")));
    status("s5", ChargePointStatus.AVAILABLE, started.plusSeconds(91));
    status("s6", ChargePointStatus.CHARGING, started.plusSeconds(92));
    assertEquals(5, transactionEvents(), "no transaction runs to have a charging state");
    noStrictFailures();
  }

  @Test
  void aStateTheCoreReportedBeforeItsStartTransactionWentIsToldRightAfterTheStartedEvent() {
    // the core sends StartTransaction once it is durable, the new state's StatusNotification at once
    status("s1", ChargePointStatus.CHARGING, started);
    int id = start();

    assertEquals("Started Authorized EVConnected 0", state(csms.received("TransactionEvent")));
    assertEquals("Updated ChargingStateChanged Charging 1", state(csms.received("TransactionEvent")));
    port.send("stop", new StopTransactionRequest(Optional.of("04A1B2C3"), 1500, started.plusSeconds(30), id,
        Optional.empty(), List.of()));
    core.result("stop", StopTransactionResponse.class);
    JsonNode ended = csms.received("TransactionEvent");
    assertEquals("Ended StopAuthorized  2", state(ended));
    assertTrue(ended.at("/transactionInfo/chargingState").isMissingNode(),
        "after a card's stop the EV may or may not still be plugged in");
    assertEquals(3, transactionEvents());
    noStrictFailures();
  }
}
