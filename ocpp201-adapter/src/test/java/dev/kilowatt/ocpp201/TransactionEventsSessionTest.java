package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.ValueFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core's transaction messages as one TransactionEvent stream per transaction, in strict mode. */
class TransactionEventsSessionTest extends PortSession {

  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));

  private int start(int connectorId, String idTag) throws Exception {
    port.send("start", new StartTransactionRequest(connectorId, idTag, 1000, Optional.empty(), started));
    return core.result("start", StartTransactionResponse.class).transactionId();
  }

  static MeterValue register(Instant at, int wh, ReadingContext context) {
    return new MeterValue(at, List.of(new SampledValue(Integer.toString(wh), Optional.of(context), Optional.empty(),
        Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER), Optional.empty(), Optional.empty(),
        Optional.of(UnitOfMeasure.WH))));
  }

  @Test
  void aSessionIsStartedUpdatedAndEndedWithSeqNoFromZeroAcrossARestart() throws Exception {
    int id = start(1, "04A1B2C3");

    assertEquals(TransactionIds.core(1, started), id);
    JsonNode begin = csms.received("TransactionEvent");
    assertEquals("Started", begin.get("eventType").asText());
    assertEquals("Authorized", begin.get("triggerReason").asText());
    assertEquals(0, begin.get("seqNo").asInt());
    assertEquals(TransactionIds.station(1, started), begin.at("/transactionInfo/transactionId").asText());
    assertEquals(1, begin.at("/evse/id").asInt());
    assertEquals(1, begin.at("/evse/connectorId").asInt());
    assertEquals("04A1B2C3", begin.at("/idToken/idToken").asText());
    assertEquals("ISO14443", begin.at("/idToken/type").asText());
    assertEquals("Transaction.Begin", begin.at("/meterValue/0/sampledValue/0/context").asText());
    assertEquals(1000, begin.at("/meterValue/0/sampledValue/0/value").asInt());

    port.send("mv", new MeterValuesRequest(1, Optional.of(id),
        List.of(register(started.plusSeconds(60), 1500, ReadingContext.SAMPLE_PERIODIC))));
    core.result("mv", MeterValuesResponse.class);
    JsonNode update = csms.received("TransactionEvent");
    assertEquals("Updated", update.get("eventType").asText());
    assertEquals("MeterValuePeriodic", update.get("triggerReason").asText());
    assertEquals(1, update.get("seqNo").asInt());
    assertEquals(begin.at("/transactionInfo/transactionId"), update.at("/transactionInfo/transactionId"));
    assertEquals("Energy.Active.Import.Register", update.at("/meterValue/0/sampledValue/0/measurand").asText());
    assertEquals("Wh", update.at("/meterValue/0/sampledValue/0/unitOfMeasure/unit").asText());

    restart();
    port.send("stop", new StopTransactionRequest(Optional.empty(), 2500, started.plusSeconds(120), id,
        Optional.of(Reason.EV_DISCONNECTED), List.of(register(started.plusSeconds(90), 2000, ReadingContext.SAMPLE_CLOCK))));
    assertTrue(core.result("stop", StopTransactionResponse.class).idTagInfo().isEmpty());
    JsonNode end = csms.received("TransactionEvent");
    assertEquals("Ended", end.get("eventType").asText());
    assertEquals(2, end.get("seqNo").asInt(), "the seqNo of a running transaction survives a restart");
    assertEquals("EVCommunicationLost", end.get("triggerReason").asText());
    assertEquals("EVDisconnected", end.at("/transactionInfo/stoppedReason").asText());
    assertEquals(begin.at("/transactionInfo/transactionId"), end.at("/transactionInfo/transactionId"));
    assertEquals("Sample.Clock", end.at("/meterValue/0/sampledValue/0/context").asText());
    assertEquals("Transaction.End", end.at("/meterValue/1/sampledValue/0/context").asText());
    assertEquals(2500, end.at("/meterValue/1/sampledValue/0/value").asInt());
    assertFalse(end.has("idToken"));
    assertEquals(List.of(), keysOnceWritten("ocpp201/", List.of()), "the counter of an ended transaction is let go");
    noStrictFailures();
  }

  @Test
  void aStopByCardCarriesTheCardAndTheNextTransactionStartsAtSeqNoZero() throws Exception {
    int id = start(2, "CARD-1");
    csms.received("TransactionEvent");

    port.send("stop", new StopTransactionRequest(Optional.of("CARD-1"), 1200, started.plusSeconds(30), id,
        Optional.empty(), List.of()));
    // the test central system answers without an idTokenInfo, which the core reads as no verdict
    assertTrue(core.result("stop", StopTransactionResponse.class).idTagInfo().isEmpty());
    JsonNode end = csms.received("TransactionEvent");
    assertEquals("StopAuthorized", end.get("triggerReason").asText());
    assertEquals("Local", end.at("/transactionInfo/stoppedReason").asText());
    assertEquals("CARD-1", end.at("/idToken/idToken").asText());

    port.send("start", new StartTransactionRequest(2, "CARD-2", 1200, Optional.empty(), started.plusSeconds(60)));
    core.result("start", StartTransactionResponse.class);
    assertEquals(0, csms.received("TransactionEvent").get("seqNo").asInt());
    noStrictFailures();
  }

  @Test
  void clockAlignedAndTriggeredSamplesSaySoAndSignedOnesAreLeftOut() throws Exception {
    int id = start(1, "04A1B2C3");
    csms.received("TransactionEvent");

    port.send("clock", new MeterValuesRequest(1, Optional.of(id),
        List.of(register(started.plusSeconds(900), 1100, ReadingContext.SAMPLE_CLOCK))));
    core.result("clock", MeterValuesResponse.class);
    assertEquals("MeterValueClock", csms.received("TransactionEvent").get("triggerReason").asText());
    port.send("trigger", new MeterValuesRequest(1, Optional.of(id),
        List.of(register(started.plusSeconds(901), 1101, ReadingContext.TRIGGER))));
    core.result("trigger", MeterValuesResponse.class);
    assertEquals("Trigger", csms.received("TransactionEvent").get("triggerReason").asText());

    port.send("signed", new MeterValuesRequest(1, Optional.of(id), List.of(new MeterValue(started.plusSeconds(902),
        List.of(new SampledValue("AP///8=", Optional.empty(), Optional.of(ValueFormat.SIGNED_DATA), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty()))))));
    core.result("signed", MeterValuesResponse.class);
    port.send("outside", new MeterValuesRequest(1, Optional.empty(),
        List.of(register(started.plusSeconds(903), 1102, ReadingContext.SAMPLE_CLOCK))));
    core.result("outside", MeterValuesResponse.class);
    JsonNode values = csms.received("MeterValues");
    assertEquals(1, values.get("evseId").asInt());
    assertEquals(1102, values.at("/meterValue/0/sampledValue/0/value").asInt());
    assertTrue(csms.reported().stream().filter(l -> l.startsWith("received TransactionEvent")).count() == 3,
        "the signed value has no 2.0.1 number to go in");
    noStrictFailures();
  }
}
