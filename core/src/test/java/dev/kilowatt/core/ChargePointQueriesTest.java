package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.message.GetCompositeScheduleStatus;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.port.PilotState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a display beside the charger asks the charge point: the composite schedule and the offline queue. */
class ChargePointQueriesTest {

  private static <T> T answer(Harness h, CompletableFuture<T> query) {
    h.run();
    return query.join();
  }

  @Test
  void compositeScheduleForTheEmbedderIsTheOneTheCentralSystemIsTold() {
    Harness h = new Harness().online();
    ChargingProfile profile = new ChargingProfile(1, Optional.empty(), 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
        ChargingProfileKindType.ABSOLUTE, Optional.empty(), Optional.empty(), Optional.empty(),
        new ChargingSchedule(Optional.empty(), Optional.of(h.time.now()), ChargingRateUnitType.A,
            List.of(new ChargingSchedulePeriod(0, 10, Optional.empty()), new ChargingSchedulePeriod(600, 6, Optional.empty())),
            Optional.empty()));
    assertEquals(ChargingProfileStatus.ACCEPTED, h.callOk(new SetChargingProfileRequest(0, profile)).status());
    GetCompositeScheduleRequest request = new GetCompositeScheduleRequest(1, 1800, Optional.of(ChargingRateUnitType.A));

    GetCompositeScheduleResponse shown = answer(h, h.cp.compositeSchedule(request));
    GetCompositeScheduleResponse told = h.callOk(request);

    assertEquals(told, shown);
    assertEquals(GetCompositeScheduleStatus.ACCEPTED, shown.status());
    assertEquals(List.of(10.0, 6.0), shown.chargingSchedule().orElseThrow().chargingSchedulePeriod().stream()
        .map(ChargingSchedulePeriod::limit).toList());
  }

  @Test
  void compositeScheduleOfAConnectorThatDoesNotExistIsRejected() {
    Harness h = new Harness().online();
    GetCompositeScheduleResponse shown = answer(h, h.cp.compositeSchedule(new GetCompositeScheduleRequest(2, 600, Optional.empty())));
    assertEquals(GetCompositeScheduleStatus.REJECTED, shown.status());
  }

  @Test
  void transactionMessagesQueueWhileOfflineAndDrainOnceDelivered() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").online();
    assertEquals(0, answer(h, h.cp.queuedTransactionMessages()));
    h.cs.goOffline();
    h.run();

    h.ev(PilotState.C);
    h.card("STRANGER");
    assertEquals(1, answer(h, h.cp.queuedTransactionMessages()), "StartTransaction waits");
    h.card("STRANGER");
    assertEquals(2, answer(h, h.cp.queuedTransactionMessages()), "StopTransaction waits behind it");

    h.cs.goOnline();
    h.run();
    assertEquals(0, answer(h, h.cp.queuedTransactionMessages()));
  }
}
