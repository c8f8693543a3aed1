package dev.kilowatt.core.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.CancelReservationRequest;
import dev.kilowatt.core.message.CancelReservationStatus;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ReservationStatus;
import dev.kilowatt.core.message.ReserveNowRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (OCPP 2.0.1 H01.FR.16/17, H04.FR.01): the link hears of each reservation that ends by itself, expired or
 * removed with its connector, once; one that a transaction used or the central system cancelled it does not hear of.
 */
class ReservationEndTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final HardwareFault GROUND_FAULT = new HardwareFault("rcm", ConnectorFault.GROUND_FAILURE, "RCM_TRIP", "");

  private static ReservationStatus reserve(Harness h, int connectorId, int reservationId, Duration validFor) {
    return h.callOk(new ReserveNowRequest(connectorId, h.time.now().plus(validFor), "HOLDER", Optional.empty(), reservationId))
        .status();
  }

  @Test
  void anExpiredReservationIsToldOnceAtItsExpiry() {
    Harness h = new Harness().online();
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 1, 7, Duration.ofMinutes(5)));
    h.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertEquals(List.of(), h.cs.endedReservations());
    h.advance(Duration.ofSeconds(1));
    assertEquals(List.of("7:EXPIRED"), h.cs.endedReservations());
    h.advance(HOUR);
    assertEquals(List.of("7:EXPIRED"), h.cs.endedReservations(), "once");
  }

  @Test
  void aCancelledOrUsedReservationIsNotToldOf() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, HOUR);
    assertEquals(CancelReservationStatus.ACCEPTED, h.callOk(new CancelReservationRequest(7)).status());
    reserve(h, 1, 8, HOUR);
    h.ev(PilotState.C);
    h.card("HOLDER");
    assertEquals(Optional.of(8), h.cs.sent(StartTransactionRequest.class).getLast().reservationId());
    h.advance(Duration.ofHours(2));
    assertEquals(List.of(), h.cs.endedReservations());
  }

  @Test
  void aFaultedOrUnavailableConnectorRemovesItsReservation() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, HOUR);
    h.pilot().fault(GROUND_FAULT);
    h.run();
    assertEquals(List.of("7:REMOVED"), h.cs.endedReservations());
    h.pilot().listener.onFaultCleared("rcm");
    h.run();

    reserve(h, 1, 8, HOUR);
    h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE));
    assertEquals(List.of("7:REMOVED", "8:REMOVED"), h.cs.endedReservations());
  }

  @Test
  void aReservationOfAnyConnectorIsRemovedOnlyWhenNoConnectorIsLeft() {
    Harness h = new Harness(2).online();
    reserve(h, 0, 9, HOUR);
    h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE));
    assertEquals(List.of(), h.cs.endedReservations(), "connector 2 still holds it");
    h.callOk(new ChangeAvailabilityRequest(2, AvailabilityType.INOPERATIVE));
    assertEquals(List.of("9:REMOVED"), h.cs.endedReservations());
  }
}
