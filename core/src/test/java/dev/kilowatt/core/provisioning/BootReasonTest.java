package dev.kilowatt.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.HeldWriter;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.BootReason;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (OCPP 2.0.1 B01.FR.09): the BootNotification says why the charge point started. A reboot the domain asks
 * of its platform records its reason durably first; the next start tells it; an accepted boot clears it.
 */
class BootReasonTest {

  @Test
  void aStartWithoutARecordedReasonIsAPowerUp() {
    Harness h = new Harness().online();
    assertEquals(List.of(BootReason.POWER_UP), reasons(h));
  }

  @Test
  void aResetOfTheCentralSystemsIsARemoteResetAtTheNextBootAndAPowerCutAfterItAPowerUp() {
    for (ResetType type : ResetType.values()) {
      Harness h = new Harness().online();
      assertEquals(ResetStatus.ACCEPTED, h.callOk(new ResetRequest(type)).status());
      h.advance(Duration.ofSeconds(5));
      assertEquals(1, h.platform.reboots.size(), type + " rebooted");

      h.restartOnline();
      assertEquals(List.of(BootReason.REMOTE_RESET), reasons(h), type + " reset");
      h.restartOnline();
      assertEquals(List.of(BootReason.POWER_UP), reasons(h), "cleared by the accepted boot: the power cut after it is a PowerUp");
    }
  }

  @Test
  void aBootThatIsNotAcceptedKeepsTheReasonForTheNextStart() {
    Harness h = new Harness().online();
    h.callOk(new ResetRequest(ResetType.SOFT));
    h.advance(Duration.ofSeconds(5));
    h.restart();
    h.restartOnline();
    assertEquals(List.of(BootReason.REMOTE_RESET), reasons(h), "the boot before never reached the central system");
  }

  @Test
  void thePlatformIsAskedToRebootOnlyOnceTheReasonIsOnTheMedium() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = new Harness(1, medium).customize(b -> b.storageWriter(writer)).online();
    writer.finishAll(h);
    h.callOk(new ResetRequest(ResetType.HARD));
    h.advance(Duration.ofSeconds(5));
    assertTrue(h.platform.reboots.isEmpty(), "the reason is still being written");
    while (h.platform.reboots.isEmpty()) {
      assertTrue(writer.held() > 0, "no reboot, yet nothing left to write");
      writer.finish();
      h.run();
      if (!h.platform.reboots.isEmpty()) {
        assertEquals(Optional.of(BootReason.REMOTE_RESET), onTheMedium(medium), "rebooted, so the reason is durable");
      }
    }
    assertEquals(List.of(Platform.RebootKind.HARD), h.platform.reboots);
  }

  @Test
  void aStorageThatRefusesTheReasonDoesNotHoldTheResetBack() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    storage.failSavesOf(BootReasons.STORAGE_KEY);
    h.callOk(new ResetRequest(ResetType.SOFT));
    h.advance(Duration.ofSeconds(5));
    assertEquals(List.of(Platform.RebootKind.SOFT), h.platform.reboots);
  }

  @Test
  void aFirmwareRebootIsAFirmwareUpdateAndEveryOtherAReset() {
    InMemoryStorage storage = new InMemoryStorage();
    new BootReasons(storage).recordThen(Platform.RebootKind.FIRMWARE, () -> {});
    assertEquals(BootReason.FIRMWARE_UPDATE, new BootReasons(storage).thisStart());
    new BootReasons(storage).recordThen(Platform.RebootKind.SOFT, () -> {});
    assertEquals(BootReason.REMOTE_RESET, new BootReasons(storage).thisStart());
    BootReasons afterTheReset = new BootReasons(storage);
    afterTheReset.accepted();
    assertEquals(BootReason.POWER_UP, new BootReasons(storage).thisStart());
  }

  private static List<BootReason> reasons(Harness h) {
    return h.cs.sent(BootNotificationRequest.class).stream().map(BootNotificationRequest::reason).toList();
  }

  private static Optional<BootReason> onTheMedium(InMemoryStorage medium) {
    return medium.load(BootReasons.STORAGE_KEY, BootReasons.Recorded.class).map(BootReasons.Recorded::reason);
  }
}
