package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.LogStatus;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.UpdateFirmwareStatus;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.ocpp201.FirmwareMessages.FirmwareStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core's firmware and log statuses, the security extension's, as 2.0.1's: every one, by its wire name. */
class FirmwareCallsTest {

  @Test
  void everyStatusOfTheCoresSignedUpdateIsTheFirmwareStatusOfTheSameNameAndTogetherTheyAreAllOf201s() {
    Set<FirmwareStatus> reached = EnumSet.noneOf(FirmwareStatus.class);
    for (SignedFirmwareStatus status : SignedFirmwareStatus.values()) {
      FirmwareStatus named = FirmwareCalls.status(status);
      assertEquals(status.ocppValue(), named.name());
      reached.add(named);
    }
    assertEquals(EnumSet.allOf(FirmwareStatus.class), reached, "the core reports every status part 2 lists");
  }

  @Test
  void everyAnswerOfTheCoreToAnUpdateOrAGetLogIs201sOfTheSameName() {
    for (UpdateFirmwareStatus status : UpdateFirmwareStatus.values()) {
      assertEquals(status.ocppValue(), FirmwareCalls.status(status).name());
    }
    assertEquals(FirmwareMessages.UpdateFirmwareStatus.values().length, UpdateFirmwareStatus.values().length);
    for (LogStatus status : LogStatus.values()) {
      assertEquals(status.ocppValue(), FirmwareCalls.status(status).name());
    }
    assertEquals(FirmwareMessages.LogStatus.values().length, LogStatus.values().length);
  }

  @Test
  void everyStatusOfTheCoresLogUploadIs201sOfTheSameNameAndOnlyTheCancelledUploadsIsNotTheCores() {
    Set<String> reached = Arrays.stream(UploadLogStatus.values())
        .map(status -> {
          assertEquals(status.ocppValue(), FirmwareCalls.status(status).name());
          return status.ocppValue();
        })
        .collect(Collectors.toSet());
    Set<String> missing = Arrays.stream(FirmwareMessages.UploadLogStatus.values()).map(Enum::name)
        .filter(name -> !reached.contains(name)).collect(Collectors.toSet());
    assertEquals(Set.of("AcceptedCanceled"), missing, "the cancelled upload's is the adapter's (N01.FR.20)");
  }

  @Test
  void onlyUpdateFirmwareGetLogAndTheirNotificationsAreTranslatedHereAndOnlyTheNotificationsTriggered() {
    FirmwareCalls calls = new FirmwareCalls(request -> CompletableFuture.failedFuture(new IllegalStateException("offline")));
    assertTrue(calls.translate(new ServiceMessages.GetTransactionStatusRequest(Optional.empty())).isEmpty());
    assertTrue(calls.translate(new dev.kilowatt.core.message.HeartbeatRequest()).isEmpty());
    for (Enums.MessageTrigger trigger : Enums.MessageTrigger.values()) {
      boolean ours = trigger == Enums.MessageTrigger.FirmwareStatusNotification
          || trigger == Enums.MessageTrigger.LogStatusNotification;
      assertEquals(ours, FirmwareCalls.trigger(trigger).isPresent(), trigger::name);
    }
  }
}
