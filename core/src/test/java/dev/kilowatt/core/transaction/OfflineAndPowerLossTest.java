package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineAndPowerLossTest {

  @Test
  void unknownCardChargesOfflineWhenAllowedAndEverythingIsDeliveredInOrderWithTheAssignedId() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").configure("MeterValueSampleInterval", "60").online();
    h.cs.goOffline();
    h.run();
    h.meter().read(2_000, 0);
    h.ev(PilotState.C);
    h.card("STRANGER");
    assertEquals(ChargePointStatus.CHARGING, h.status(), "offline, unknown, but allowed");
    h.meter().read(2_100, 3_680);
    h.advance(Duration.ofSeconds(60));
    h.card("STRANGER");
    assertEquals(ChargePointStatus.FINISHING, h.status());
    int before = h.cs.calls().size();

    h.cs.goOnline();
    h.run();
    List<ChargePointRequest<?>> delivered = h.cs.calls().subList(before, h.cs.calls().size()).stream()
        .filter(r -> !(r instanceof dev.kilowatt.core.message.StatusNotificationRequest)).toList();
    assertEquals(3, delivered.size(), delivered.toString());
    StartTransactionRequest start = (StartTransactionRequest) delivered.get(0);
    MeterValuesRequest values = (MeterValuesRequest) delivered.get(1);
    StopTransactionRequest stop = (StopTransactionRequest) delivered.get(2);
    assertEquals(2_000, start.meterStart());
    assertEquals(Optional.of(100), values.transactionId(), "the id assigned after the reconnection");
    assertEquals(100, stop.transactionId());
    assertEquals(2_100, stop.meterStop());
  }

  @Test
  void unknownCardIsRefusedOfflineByDefault() {
    Harness h = new Harness().online();
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.B);
    h.card("STRANGER");
    assertEquals(ChargePointStatus.PREPARING, h.status());
    assertEquals(0, h.connector(1).transactionId().stream().count());
    assertTrue(!h.connector(1).transactionRunning());
  }

  @Test
  void cachedCardChargesOfflineWithLocalAuthorizeOffline() {
    Harness h = new Harness().online();
    h.card("KNOWN");
    h.card("KNOWN");
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("KNOWN");
    assertTrue(h.connector(1).transactionRunning());
  }

  @Test
  void localPreAuthorizeSkipsAuthorizeForCachedCards() {
    Harness h = new Harness().configure("LocalPreAuthorize", "true").online();
    h.card("KNOWN");
    h.card("KNOWN");
    h.card("KNOWN");
    assertEquals(1, h.cs.sent(AuthorizeRequest.class).size());
    assertEquals(ChargePointStatus.PREPARING, h.status());
  }

  @Test
  void expiredCacheEntryIsNotAccepted() {
    Harness h = new Harness().configure("LocalPreAuthorize", "true").online();
    h.cs.holdAnswers();
    h.card("SOON-EXPIRED");
    h.reply(AuthorizeRequest.class,
        new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.of(Harness.START.plusSeconds(60)), Optional.empty())));
    h.replyFriendly();
    h.card("SOON-EXPIRED");
    h.replyFriendly();
    h.advance(Duration.ofSeconds(120));
    h.replyFriendly();
    h.card("SOON-EXPIRED");
    assertEquals(2, h.cs.sent(AuthorizeRequest.class).size(), "an expired entry is asked about again");
  }

  @Test
  void clearCacheForgetsCards() {
    Harness h = new Harness().online();
    h.card("KNOWN");
    h.card("KNOWN");
    h.callOk(new dev.kilowatt.core.message.ClearCacheRequest());
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("KNOWN");
    assertTrue(!h.connector(1).transactionRunning());
  }

  @Test
  void transactionMessagesAreRetriedThenSkippedAfterRepeatedCallErrors() {
    Harness h = new Harness().configure("TransactionMessageAttempts", "3").configure("TransactionMessageRetryInterval", "10").online();
    h.cs.holdAnswers();
    h.ev(PilotState.C);
    h.card("CARD");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty())));
    h.awaitCall(StartTransactionRequest.class);
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.run();
    h.replyFriendly();
    h.advance(Duration.ofSeconds(9));
    assertTrue(h.cs.pending().isEmpty(), "waits 10 s x 1 attempt");
    h.advance(Duration.ofSeconds(1));
    h.awaitCall(StartTransactionRequest.class);
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.run();
    h.advance(Duration.ofSeconds(19));
    assertTrue(h.cs.pending().isEmpty(), "waits 10 s x 2 attempts");
    h.advance(Duration.ofSeconds(1));
    h.awaitCall(StartTransactionRequest.class);
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.run();
    h.advance(Duration.ofSeconds(100));
    assertEquals(3, h.cs.sent(StartTransactionRequest.class).size(), "three attempts in all");
    assertEquals(1L, h.cp.counters().get("outbox.skipped"));
  }

  @Test
  void powerLossDuringATransactionIsReportedAfterTheNextBootOnce() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").online();
    h.meter().read(7_000, 0);
    h.ev(PilotState.C);
    h.card("CARD");
    h.meter().read(7_500, 3_680);
    h.advance(Duration.ofSeconds(60));
    Instant lastSample = h.time.now();
    h.advance(Duration.ofSeconds(10));

    h.restart();
    h.cs.goOnline();
    h.run();
    List<StopTransactionRequest> stops = h.cs.sent(StopTransactionRequest.class);
    assertEquals(1, stops.size());
    assertEquals(Optional.of(Reason.POWER_LOSS), stops.get(0).reason());
    assertEquals(100, stops.get(0).transactionId());
    assertEquals(7_500, stops.get(0).meterStop());
    assertEquals(lastSample, stops.get(0).timestamp());

    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(0, h.cs.sent(StopTransactionRequest.class).size(), "not reported twice");
  }

  @Test
  void powerLossWhileOfflineKeepsTheQueueAndStopsWithTheIdAssignedLater() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").online();
    h.cs.goOffline();
    h.run();
    h.meter().read(100, 0);
    h.ev(PilotState.C);
    h.card("OFFLINE");
    h.restart();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.reply(StartTransactionRequest.class,
        new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty()), 4242));
    StopTransactionRequest stop = h.reply(StopTransactionRequest.class, new StopTransactionResponse(Optional.empty()));
    assertEquals(4242, stop.transactionId());
    assertEquals(Optional.of(Reason.POWER_LOSS), stop.reason());
  }

  @Test
  void aTransactionAnOlderVersionSavedInStorageIsStoppedOnceWithItsIdAfterTheUpgrade() {
    Harness h = new Harness();
    Transaction running = Transaction.begin(7, 1, "CARD", Optional.empty(), Harness.START, 100, Optional.empty()).withTransactionId(4242)
        .seen(350, Harness.START.plusSeconds(600));
    h.storage.save("transaction/1", running);
    h.storage.save("transaction-id/7", new Transactions.TransactionIds(7, 4242));
    h.storage.save("transaction-counter", new Transactions.TransactionCounter(8));
    h.online();
    List<StopTransactionRequest> stops = h.cs.sent(StopTransactionRequest.class);
    assertEquals(1, stops.size());
    assertEquals(4242, stops.get(0).transactionId());
    assertEquals(350, stops.get(0).meterStop());
    assertEquals(Optional.of(Reason.POWER_LOSS), stops.get(0).reason());
    assertEquals(List.of(), h.storage.keys("transaction"), "the old copies are gone once the ledger holds them");
    assertEquals(0, h.cs.sent(StartTransactionRequest.class).size());
    h.restartOnline();
    assertEquals(List.of(), h.cs.sent(StopTransactionRequest.class), "answered once, never again");
  }

  @Test
  void statusChangesWhileOfflineAreReportedAfterReconnection() {
    Harness h = new Harness().online();
    h.cs.goOffline();
    h.run();
    int before = h.cs.calls().size();
    h.ev(PilotState.B);
    h.ev(PilotState.A);
    h.ev(PilotState.B);
    assertEquals(before, h.cs.calls().size());
    h.cs.goOnline();
    h.run();
    assertEquals(List.of("Available", "Preparing"), h.reportedStatuses(1));
  }
}
