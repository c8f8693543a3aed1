package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.CancelReservationRequest;
import dev.kilowatt.core.message.CancelReservationResponse;
import dev.kilowatt.core.message.CancelReservationStatus;
import dev.kilowatt.core.message.ReservationStatus;
import dev.kilowatt.core.message.ReserveNowRequest;
import dev.kilowatt.core.message.ReserveNowResponse;
import dev.kilowatt.core.port.ReservationEnd;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Block H between the core's port and ocpp-rpc's server in strict mode, the core stood in for by a
 * {@link CoreProbe}: ReserveNow and CancelReservation as the core's, the refusals made at the edge, and the core's
 * ended reservations as ReservationStatusUpdate.
 */
class ReservationCallsSessionTest extends PortSession {

  private static final String EXPIRY = "2026-12-06T23:30:00Z";

  private final String[] coreCallId = new String[1];

  private JsonNode result(String tag) {
    return csms.awaitJson("result " + tag + " ");
  }

  private void reserveNow(String tag, String fields) {
    csms.send("call " + tag + " ReserveNow {\"id\":7,\"expiryDateTime\":\"" + EXPIRY + "\","
        + "\"idToken\":{\"idToken\":\"04A1B2C3\",\"type\":\"ISO14443\"}" + fields + "}");
  }

  @Test
  void aReservationOfAnEvseIsTheCoresOfItsConnectorWithTheGroupAsParentIdTag() throws Exception {
    reserveNow("r1", ",\"evseId\":1,\"groupIdToken\":{\"idToken\":\"FLEET-9\",\"type\":\"Central\"}");
    assertEquals(new ReserveNowRequest(1, Instant.parse(EXPIRY), "04A1B2C3", Optional.of("FLEET-9"), 7),
        core.call(ReserveNowRequest.class, coreCallId));
    port.reply(coreCallId[0], new ReserveNowResponse(ReservationStatus.ACCEPTED));
    assertEquals("{\"status\":\"Accepted\"}", result("r1").toString());

    for (ReservationStatus status : ReservationStatus.values()) {
      reserveNow("r-" + status, ",\"evseId\":1");
      core.call(ReserveNowRequest.class, coreCallId);
      port.reply(coreCallId[0], new ReserveNowResponse(status));
      assertEquals(status.ocppValue(), result("r-" + status).get("status").asText(), "H01.FR.11 to FR.13: the core's answer");
    }
    noStrictFailures();
  }

  @Test
  void aReservationWithoutAnEvseIsTheCoresOfConnectorZero() throws Exception {
    reserveNow("r1", "");
    assertEquals(new ReserveNowRequest(0, Instant.parse(EXPIRY), "04A1B2C3", Optional.empty(), 7),
        core.call(ReserveNowRequest.class, coreCallId));
    // a core whose ReserveConnectorZeroSupported is false answers so (H01.FR.19)
    port.reply(coreCallId[0], new ReserveNowResponse(ReservationStatus.REJECTED));
    assertEquals("Rejected", result("r1").get("status").asText());
    noStrictFailures();
  }

  @Test
  void aConnectorTypeAnEvseBelowOneOrATokenTooLongForTheCoreIsRejectedWithoutIt() throws Exception {
    reserveNow("r1", ",\"evseId\":1,\"connectorType\":\"cType2\"");
    assertEquals("UnknownConnectorType", result("r1").at("/statusInfo/reasonCode").asText());
    reserveNow("r2", ",\"evseId\":0");
    assertEquals("UnknownEvse", result("r2").at("/statusInfo/reasonCode").asText());
    csms.send("call r3 ReserveNow {\"id\":8,\"expiryDateTime\":\"" + EXPIRY + "\","
        + "\"idToken\":{\"idToken\":\"A-TOKEN-OF-21-LETTERS\",\"type\":\"Central\"}}");
    JsonNode tooLong = result("r3");
    assertEquals("Rejected", tooLong.get("status").asText());
    assertEquals("InvalidIdToken", tooLong.at("/statusInfo/reasonCode").asText());
    assertTrue(core.quiet(), () -> "the core was asked: " + core.untaken());
    noStrictFailures();
  }

  @Test
  void aCancellationIsTheCoresAcceptedOrRejected() throws Exception {
    csms.send("call c1 CancelReservation {\"reservationId\":7}");
    assertEquals(new CancelReservationRequest(7), core.call(CancelReservationRequest.class, coreCallId));
    port.reply(coreCallId[0], new CancelReservationResponse(CancelReservationStatus.ACCEPTED));
    assertEquals("{\"status\":\"Accepted\"}", result("c1").toString());

    csms.send("call c2 CancelReservation {\"reservationId\":8}");
    core.call(CancelReservationRequest.class, coreCallId);
    port.reply(coreCallId[0], new CancelReservationResponse(CancelReservationStatus.REJECTED));
    assertEquals("Rejected", result("c2").get("status").asText(), "no such reservation");
    noStrictFailures();
  }

  @Test
  void aReservationTheCoreEndedIsAReservationStatusUpdate() throws Exception {
    port.reservationEnded(7, ReservationEnd.EXPIRED);
    assertEquals("{\"reservationId\":7,\"reservationUpdateStatus\":\"Expired\"}",
        csms.received("ReservationStatusUpdate").toString(), "H04.FR.01");
    port.reservationEnded(8, ReservationEnd.REMOVED);
    assertEquals("{\"reservationId\":8,\"reservationUpdateStatus\":\"Removed\"}",
        csms.received("ReservationStatusUpdate").toString(), "H01.FR.16/17");
    assertTrue(core.quiet(), () -> "the core heard of it: " + core.untaken());
    noStrictFailures();
  }
}
