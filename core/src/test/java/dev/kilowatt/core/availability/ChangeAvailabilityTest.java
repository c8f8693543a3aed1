package dev.kilowatt.core.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.FakeFiles;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status(1));

    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(1));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(2));
  }

  @Test
  void aRejectedRequestLeavesTheConnectorsOwnWishAsItWas() {
    Harness h = new Harness(2).online();
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 2, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.REJECTED, change(h, 2, AvailabilityType.OPERATIVE));
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(1));
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status(2), "connector 2 was made Inoperative on its own");
  }

  @Test
  void operativeDuringAFirmwareDownloadIsScheduledForWhenTheUpdateIsOver(@TempDir Path dir) {
    FakeFiles.FakeTransfer transfer = new FakeFiles.FakeTransfer(dir);
    Harness h = new Harness().customize(b -> b.fileTransfer(transfer).firmwareInstaller(new FakeFiles.FakeInstaller())
        .diagnosticsCollector(new FakeFiles.FakeCollector(dir))).online();
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 1, AvailabilityType.INOPERATIVE));
    h.call(new UpdateFirmwareRequest("https://updates.example.com/fw.bin", Optional.of(1), Harness.START, Optional.of(30)));
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status(), "held for the download");
    assertEquals(AvailabilityStatus.SCHEDULED, change(h, 1, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
  }

  @Test
  void aConnectorAlreadyInoperativeWithTheChargePointIsAcceptedAsItIsInThatState() {
    Harness h = new Harness(2).online();
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 0, AvailabilityType.INOPERATIVE));
    assertEquals(AvailabilityStatus.ACCEPTED, change(h, 1, AvailabilityType.INOPERATIVE));
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status(1));
  }
}
