package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.chargetime.ocpp.model.core.AvailabilityType;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.reservation.CancelReservationConfirmation;
import eu.chargetime.ocpp.model.reservation.CancelReservationRequest;
import eu.chargetime.ocpp.model.reservation.CancelReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Reservation test cases of the OCA OCPP 1.6 compliance test document that apply to this device (one
 * connector), end to end against the ChargeTime central system.
 */
class ReservationEndToEndTest extends EndToEndFixture {

  private static final String OTHER = "0BADCA4D";
  private static final int RESERVATION = 42;
  private static final Duration AN_HOUR = Duration.ofHours(1);

  @Test
  @DisplayName("TC_046_1_CS Reservation of a connector - local start transaction: Reserved, then the reservation's card starts with its id")
  void tc046ReserveAndStart() {
    boot();
    reserveForCard(1);

    type("card " + CARD);
    plugInAndCharge();
    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(CARD, start.getIdTag());
    assertEquals(RESERVATION, start.getReservationId());
  }

  @Test
  @DisplayName("TC_046_1_CS Reserved connector refuses another card; the reserved card still starts")
  void reservedConnectorRefusesAnotherCard() {
    boot();
    reserveForCard(1);
    plugInAndCharge();
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);

    type("card " + OTHER);
    type("card " + CARD);
    StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
    assertEquals(CARD, start.getIdTag(), "the other card started nothing on the reserved connector");
    assertEquals(RESERVATION, start.getReservationId());
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size());
  }

  @Test
  @DisplayName("TC_047_CS Reservation of a connector - expire: Reserved, then Available at the expiry date")
  void tc047ReservationExpires() {
    boot();
    assertEquals(ReservationStatus.Accepted, reserve(1, CARD, Duration.ofSeconds(3), Optional.empty()));
    centralSystem.nextStatus(1, ChargePointStatus.Reserved);
    centralSystem.nextStatus(1, ChargePointStatus.Available);
  }

  @Test
  @DisplayName("TC_048_1_CS Reservation of a connector - Faulted")
  void tc048ReserveFaulted() {
    boot();
    type("fault 1 GroundFailure");
    centralSystem.nextStatus(1, ChargePointStatus.Faulted);
    assertEquals(ReservationStatus.Faulted, reserve(1, CARD, AN_HOUR, Optional.empty()));
  }

  @Test
  @DisplayName("TC_048_2_CS Reservation of a connector - Occupied: an EV is plugged in")
  void tc048ReserveOccupied() {
    boot();
    type("plug 1");
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);
    assertEquals(ReservationStatus.Occupied, reserve(1, CARD, AN_HOUR, Optional.empty()));
  }

  @Test
  @DisplayName("TC_048_3_CS Reservation of a connector - Unavailable")
  void tc048ReserveUnavailable() {
    boot();
    centralSystem.call(new ChangeAvailabilityRequest(1, AvailabilityType.Inoperative));
    centralSystem.nextStatus(1, ChargePointStatus.Unavailable);
    assertEquals(ReservationStatus.Unavailable, reserve(1, CARD, AN_HOUR, Optional.empty()));
  }

  @Test
  @DisplayName("TC_049_CS Reservation of the charge point (connector 0): its only connector is Reserved and takes the card")
  void tc049ReserveChargePoint() {
    boot();
    reserveForCard(0);

    type("card " + CARD);
    plugInAndCharge();
    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(RESERVATION, start.getReservationId());
  }

  @Test
  @DisplayName("TC_051_CS Cancel reservation: Accepted, the connector is Available again")
  void tc051CancelReservation() {
    boot();
    reserveForCard(1);
    assertEquals(CancelReservationStatus.Accepted, cancel(RESERVATION));
    centralSystem.nextStatus(1, ChargePointStatus.Available);
  }

  @Test
  @DisplayName("TC_052_CS Cancel reservation - Rejected: no such reservation")
  void tc052CancelUnknownReservation() {
    boot();
    assertEquals(CancelReservationStatus.Rejected, cancel(RESERVATION + 1));
  }

  @Test
  @DisplayName("TC_053_CS Use a reserved connector with parentIdTag: a card of the same parent starts")
  void tc053ReservedConnectorWithParentIdTag() {
    String parent = "FLEET-7";
    centralSystem.parent(OTHER, parent);
    boot();
    assertEquals(ReservationStatus.Accepted, reserve(1, CARD, AN_HOUR, Optional.of(parent)));
    centralSystem.nextStatus(1, ChargePointStatus.Reserved);

    type("card " + OTHER);
    plugInAndCharge();
    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(OTHER, start.getIdTag());
    assertEquals(RESERVATION, start.getReservationId());
  }

  @Test
  @DisplayName("A used reservation is gone: cancelling it afterwards is Rejected, and Reserved is not reported again")
  void aUsedReservationIsGone() {
    boot();
    reserveForCard(1);
    startCharging();
    assertEquals(CancelReservationStatus.Rejected, cancel(RESERVATION));
    type("unplug 1");
    centralSystem.nextStatus(1, ChargePointStatus.Available);
    assertEquals(1, centralSystem.all(StatusNotificationRequest.class).stream().filter(s -> s.getStatus() == ChargePointStatus.Reserved).count());
  }

  /** Reserves {@code connectorId} for {@link #CARD} for an hour and waits until connector 1 reports Reserved. */
  private void reserveForCard(int connectorId) {
    assertEquals(ReservationStatus.Accepted, reserve(connectorId, CARD, AN_HOUR, Optional.empty()));
    centralSystem.nextStatus(1, ChargePointStatus.Reserved);
  }

  private ReservationStatus reserve(int connectorId, String idTag, Duration validFor, Optional<String> parentIdTag) {
    ReserveNowRequest request = new ReserveNowRequest(connectorId, ZonedDateTime.now(ZoneOffset.UTC).plus(validFor), idTag, RESERVATION);
    parentIdTag.ifPresent(request::setParentIdTag);
    ReserveNowConfirmation answer = centralSystem.call(request);
    return answer.getStatus();
  }

  private CancelReservationStatus cancel(int reservationId) {
    CancelReservationConfirmation answer = centralSystem.call(new CancelReservationRequest(reservationId));
    return answer.getStatus();
  }
}
