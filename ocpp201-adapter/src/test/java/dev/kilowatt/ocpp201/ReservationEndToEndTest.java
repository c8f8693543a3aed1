package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.TestLoop;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Block H end to end: the unchanged core on simulated hardware and virtual time, over OCPP 2.0.1, against ocpp-rpc's
 * server in strict mode. A reserved EVSE shows Reserved, refuses another token and starts for the reserved one with
 * the reservation's id (H03, H01.FR.15); a cancelled reservation frees the EVSE (H02); one left unused expires and the
 * CSMS hears ReservationStatusUpdate Expired (H04.FR.01).
 */
class ReservationEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOLDER = "04A1B2C3";

  private final TestLoop loop = new TestLoop(Instant.now());
  private CentralSystemProcess csms;
  private SimulatedConnector connector;
  private final SimulatedRfidReader reader = new SimulatedRfidReader();
  private ChargePoint chargePoint;

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage),
            kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7").withSerialNumber("SN-0001"))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .rfidReader(reader)
        .build();
    chargePoint.start();
    status("Available", 1);
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    chargePoint.stop();
    loop.runPending();
    connector.close();
    csms.close();
  }

  /** Runs the loop until the central system has reported {@code count} lines that match; returns the last. */
  private String heard(String what, Predicate<String> wanted, int count) {
    loop.awaitUntil(what, Duration.ofMillis(100), () -> csms.reported().stream().filter(wanted).count() >= count);
    return csms.reported().stream().filter(wanted).toList().get(count - 1);
  }

  private JsonNode json(String line, String prefix) {
    try {
      return JSON.readTree(line.substring(prefix.length()));
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  /** The {@code count}th StatusNotification reporting {@code status}. */
  private void status(String status, int count) {
    heard("StatusNotification " + status, l -> l.startsWith("received StatusNotification ")
        && l.contains("\"connectorStatus\":\"" + status + "\""), count);
  }

  private JsonNode result(String tag) {
    return json(heard("the answer to " + tag, l -> l.startsWith("result " + tag + " "), 1), "result " + tag + " ");
  }

  private void reserve(String tag, int id, Instant expiry) {
    csms.send("call " + tag + " ReserveNow {\"id\":" + id + ",\"expiryDateTime\":\"" + expiry + "\",\"evseId\":1,"
        + "\"idToken\":{\"idToken\":\"" + HOLDER + "\",\"type\":\"ISO14443\"}}");
    assertEquals("{\"status\":\"Accepted\"}", result(tag).toString());
  }

  @Test
  void theReservedEvseRefusesAnotherTokenAndStartsForTheReservedOneWithTheReservationsId() {
    reserve("r1", 7, Instant.now().plus(Duration.ofHours(1)));
    status("Reserved", 1);

    connector.ev().plug();
    reader.present("0FFFFFFF");
    reader.present(HOLDER);
    JsonNode started = json(heard("the Started event", l -> l.startsWith("received TransactionEvent ")
        && l.contains("\"eventType\":\"Started\""), 1), "received TransactionEvent ");
    assertEquals(HOLDER, started.at("/idToken/idToken").asText());
    assertEquals(7, started.get("reservationId").asInt(), "H01.FR.15");
    assertTrue(csms.reported().stream().noneMatch(l -> l.contains("0FFFFFFF")), "the other token was turned away at the station");
    assertEquals(List.of(), updates());
    noStrictFailures();
  }

  @Test
  void aCancelledReservationFreesTheEvseAndOneLeftUnusedExpiresWithAReservationStatusUpdate() {
    reserve("r1", 7, Instant.now().plus(Duration.ofHours(1)));
    status("Reserved", 1);
    csms.send("call c1 CancelReservation {\"reservationId\":7}");
    assertEquals("Accepted", result("c1").get("status").asText());
    status("Available", 2);
    csms.send("call c2 CancelReservation {\"reservationId\":7}");
    assertEquals("Rejected", result("c2").get("status").asText());

    // the CSMS's clock is the core's (BootNotification); within the 300 s until the heartbeat sets it again
    reserve("r2", 8, Instant.now().plus(Duration.ofSeconds(120)));
    status("Reserved", 2);
    String update = heard("the ReservationStatusUpdate", l -> l.startsWith("received ReservationStatusUpdate "), 1);
    assertEquals("{\"reservationId\":8,\"reservationUpdateStatus\":\"Expired\"}",
        json(update, "received ReservationStatusUpdate ").toString());
    status("Available", 3);
    assertEquals(1, updates().size(), "the cancelled reservation is not told of");
    noStrictFailures();
  }

  private List<String> updates() {
    return csms.reported().stream().filter(l -> l.startsWith("received ReservationStatusUpdate ")).toList();
  }

  private void noStrictFailures() {
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
