package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import org.junit.jupiter.api.Test;

/** ChangeAvailability answers Accepted only for what it executed (OCPP 1.6 section 5.2). */
class ChangeAvailabilityTest {

  private static AvailabilityStatus change(Harness h, int connectorId, AvailabilityType type) {
    return h.callOk(new ChangeAvailabilityRequest(connectorId, type)).status();
  }

  @Test
  void aConnectorOfAnInoperativeChargePointCannotBeMadeOperative() {
    Harness h = new Harness(2).online();
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.REJECTED, change(h, 1, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.UNAVAILABLE, h.connector(1).status());

    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.AVAILABLE, h.connector(1).status());
    assertEquals(ChargePointStatus.AVAILABLE, h.connector(2).status());
  }

  @Test
  void aRejectedRequestLeavesTheConnectorsOwnWishAsItWas() {
    Harness h = new Harness(2).online();
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 2, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.REJECTED, change(h, 2, AvailabilityType.OPERATIVE));
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.AVAILABLE, h.connector(1).status());
    assertEquals(ChargePointStatus.UNAVAILABLE, h.connector(2).status(), "connector 2 was made Inoperative on its own");
  }

  @Test
  void aConnectorAlreadyInoperativeWithTheChargePointIsAcceptedAsItIsInThatState() {
    Harness h = new Harness(2).online();
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 1, AvailabilityType.INOPERATIVE));
    assertEquals(ChargePointStatus.UNAVAILABLE, h.connector(1).status());
  }
}
