package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.CallOrigin;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Part 2 E04.FR.03: an event the core made while the CSMS could not be reached goes with offline true, in strict mode. */
class OfflineEventsSessionTest extends PortSession {

  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));

  @Test
  void eventsTheCoreQueuedOfflineSayOfflineAndTheOnesMadeOnlineLeaveItOut() throws Exception {
    port.send("start", new StartTransactionRequest(1, "04A1B2C3", 1000, Optional.empty(), started), CallOrigin.OFFLINE);
    int id = core.result("start", StartTransactionResponse.class).transactionId();
    JsonNode begin = csms.received("TransactionEvent");
    assertEquals("Started", begin.get("eventType").asText());
    assertEquals(true, begin.get("offline").asBoolean());
    port.send("offline-mv", new MeterValuesRequest(1, Optional.of(id), List.of(TransactionEventsSessionTest.register(
        started.plusSeconds(60), 1500, ReadingContext.SAMPLE_PERIODIC))), CallOrigin.OFFLINE);
    core.result("offline-mv", MeterValuesResponse.class);
    assertEquals(true, csms.received("TransactionEvent").get("offline").asBoolean());

    // the link is up again: what the core makes now is online, given as the field's default
    port.send("online-mv", new MeterValuesRequest(1, Optional.of(id), List.of(TransactionEventsSessionTest.register(
        started.plusSeconds(120), 1600, ReadingContext.SAMPLE_PERIODIC))), CallOrigin.ONLINE);
    core.result("online-mv", MeterValuesResponse.class);
    assertFalse(csms.received("TransactionEvent").has("offline"));
    port.send("stop", new StopTransactionRequest(Optional.empty(), 1700, started.plusSeconds(180), id,
        Optional.of(Reason.EV_DISCONNECTED), List.of()));
    core.result("stop", StopTransactionResponse.class);
    JsonNode end = csms.received("TransactionEvent");
    assertEquals("Ended", end.get("eventType").asText());
    assertFalse(end.has("offline"), "the port's two-argument send is an online one");
    noStrictFailures();
  }

  @Test
  void aStopQueuedOfflineBeforeARestartSaysOfflineAfterIt() throws Exception {
    port.send("start", new StartTransactionRequest(2, "CARD", 1000, Optional.empty(), started), CallOrigin.ONLINE);
    int id = core.result("start", StartTransactionResponse.class).transactionId();
    assertFalse(csms.received("TransactionEvent").has("offline"));

    restart();
    port.send("stop", new StopTransactionRequest(Optional.empty(), 1200, started.plusSeconds(30), id,
        Optional.of(Reason.POWER_LOSS), List.of()), CallOrigin.OFFLINE);
    core.result("stop", StopTransactionResponse.class);
    JsonNode end = csms.received("TransactionEvent");
    assertEquals(true, end.get("offline").asBoolean());
    assertEquals("PowerLoss", end.at("/transactionInfo/stoppedReason").asText());
    assertEquals(1, end.get("seqNo").asInt());
    noStrictFailures();
  }
}
