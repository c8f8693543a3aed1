package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import org.junit.jupiter.api.Test;

/** The console's power-cut and restart, in one process: what the web console's buttons do. */
class PowerCutEndToEndTest extends EndToEndFixture {

  @Test
  void aPowerCutMidTransactionTakesTheChargerOffAndTheRestartEndsTheTransactionWithPowerLoss() {
    boot();
    StartTransactionRequest start = startCharging();
    int transactionId = centralSystem.transactionIdOf(start);

    type("power-cut");
    awaitOffline();
    IllegalStateException noPower = assertThrows(IllegalStateException.class, () -> type("plug 1"));
    assertTrue(noPower.getMessage().contains("no power"), noPower.getMessage());
    assertThrows(IllegalStateException.class, () -> type("power-cut"), "no power to cut");
    assertEquals(1, charger.boots());

    type("restart");
    centralSystem.next(BootNotificationRequest.class);
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(transactionId, stop.getTransactionId());
    assertEquals(Reason.PowerLoss, stop.getReason());
    // The EV stayed plugged in through the cut: the connector is back, waiting for a card.
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Preparing);
    assertEquals(2, charger.boots());
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size(), "nothing started by itself");
  }

  @Test
  void aRestartWithPowerSwitchesTheChargerOffAndOn() {
    boot();
    type("restart");
    centralSystem.next(BootNotificationRequest.class);
    awaitAllConnectorsReported(1);
    assertEquals(2, charger.boots());
    awaitConnector(1, c -> c.state() == dev.kilowatt.core.ConnectorState.AVAILABLE, "connector 1 Available after the restart");
  }
}
