package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.ConnectorState;
import dev.kilowatt.core.Ocpp16Mapping;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Part 2 E04.FR.03 with the unchanged core, in strict mode: a transaction the core starts while the CSMS cannot hear
 * it (connected, its BootNotification held unanswered, and the core allowed to charge offline before an acceptance)
 * goes, once the boot is accepted, as a Started event with offline true; its Ended event, made online, leaves the
 * field out.
 */
class OfflineEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CentralSystemProcess csms = CentralSystemProcess.start("ocpp2.0.1");
  private SimulatedCharger charger;

  @AfterEach
  void shutDown() throws InterruptedException {
    charger.close();
    csms.close();
  }

  private JsonNode event(String eventType) throws Exception {
    String line = csms.await(l -> l.startsWith("received TransactionEvent ") && l.contains("\"eventType\":\"" + eventType + "\""));
    return JSON.readTree(line.substring("received TransactionEvent ".length()));
  }

  @Test
  void aTransactionStartedBeforeTheBootIsAcceptedSaysOfflineAndOneEndedOnlineDoesNot() throws Exception {
    csms.send("hold BootNotification");
    csms.awaitPrefix("holding BootNotification");
    BlockingQueue<String> statuses = new LinkedBlockingQueue<>();
    charger = new SimulatedCharger(csms, new ChargePointListener() {
      @Override
      public void onStatusChanged(int connectorId, ConnectorState state, ConnectorFault fault) {
        statuses.add(Ocpp16Mapping.status(state).ocppValue());
      }
    }, builder -> builder
        .configuration("AllowOfflineTxForUnknownId", "true").offlineTransactionsBeforeAcceptance(true));
    csms.received("BootNotification");

    charger.connector.ev().plug();
    charger.connector.ev().requestEnergy();
    charger.reader.present("04A1B2C3");
    for (String status = ""; !status.equals("Charging"); ) {
      status = Optional.ofNullable(statuses.poll(20, TimeUnit.SECONDS)).orElseThrow(() -> new AssertionError("never charged"));
    }
    csms.send("release BootNotification");
    JsonNode started = event("Started");
    assertTrue(started.get("offline").asBoolean(), started::toString);

    charger.connector.ev().unplug();
    JsonNode ended = event("Ended");
    assertFalse(ended.has("offline"), ended::toString);
    assertEquals(started.at("/transactionInfo/transactionId"), ended.at("/transactionInfo/transactionId"));
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
