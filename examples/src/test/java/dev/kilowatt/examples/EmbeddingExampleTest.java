package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's embedding example, run against an independent central system (ChargeTime's): it boots, charges and answers the vendor. */
class EmbeddingExampleTest extends CentralSystemFixture {

  private final EventLoop eventLoop = new EventLoop();
  private ChargePoint chargePoint;

  @AfterEach
  void stopCharger() throws Exception {
    // closed before the stop has drained storage, the loop would leave its writers writing into a deleted directory
    chargePoint.stop().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    eventLoop.close();
  }

  @Test
  void theExampleChargerBootsChargesAndAnswersItsVendorsDataTransfer() {
    SimulatedConnector connector = new SimulatedConnector(eventLoop, SimulatedConnector.Settings.defaults());
    SimulatedRfidReader reader = new SimulatedRfidReader();
    chargePoint = EmbeddingExample.build(eventLoop, centralSystem.url(), "ACME-AC7-0001", dataDirectory,
        ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16), reader);
    chargePoint.start();

    BootNotificationRequest boot = centralSystem.next(BootNotificationRequest.class);
    assertEquals("Acme", boot.getChargePointVendor());
    assertEquals("AC7", boot.getChargePointModel());
    assertEquals("0001", boot.getChargePointSerialNumber());
    assertEquals("1.4.2", boot.getFirmwareVersion());

    centralSystem.nextStatus(1, ChargePointStatus.Available);
    reader.present("04A2B3C4");
    connector.ev().plug();
    assertEquals("04A2B3C4", centralSystem.next(StartTransactionRequest.class).getIdTag());
    connector.ev().requestEnergy();
    centralSystem.nextStatus(1, ChargePointStatus.Charging);

    DataTransferRequest ping = new DataTransferRequest("com.acme");
    ping.setMessageId("ping");
    DataTransferConfirmation pong = centralSystem.call(ping);
    assertEquals(DataTransferStatus.Accepted, pong.getStatus());
    assertEquals("pong", pong.getData());
    DataTransferRequest other = new DataTransferRequest("com.acme");
    other.setMessageId("reboot-the-moon");
    assertEquals(DataTransferStatus.UnknownMessageId, centralSystem.<DataTransferConfirmation>call(other).getStatus());
  }
}
