package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FakeFiles;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.ledger.TransactionRecord.Delivery;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStartTransactionResponse;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction ledger's rules, one defect of issue 9 each. */
class TransactionLedgerTest {

  private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());

  /** Manual central system; the card is accepted and the StartTransaction waits for its answer. */
  private static StartTransactionRequest startAwaitingAnswer(Harness h) {
    h.cs.holdAnswers();
    h.ev(PilotState.C);
    h.card("CARD");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(ACCEPTED));
    return h.awaitCall(StartTransactionRequest.class);
  }

  @Test
  void aCutBeforeTheStartAnswerIsDurableSendsTheSameStartAgainAndStopsWithTheNewId() {
    Harness h = new Harness().online();
    StartTransactionRequest first = startAwaitingAnswer(h);
    h.flash.losePowerAfter(0);
    h.cs.answer(new StartTransactionResponse(ACCEPTED, 4242));
    h.run();
    assertTrue(h.flash.powerCut());

    h.restartOnline();
    List<StartTransactionRequest> starts = h.cs.sent(StartTransactionRequest.class);
    assertEquals(List.of(first), starts, "re-sent within the window of one write, identical so the central system can tell");
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).getFirst();
    assertEquals(100, stop.transactionId(), "the id the central system gave the repeated start");
    assertEquals(Optional.of(Reason.POWER_LOSS), stop.reason());
  }

  @Test
  void aCutJustAfterTheStartAnswerIsDurableStopsWithItsIdAndNeverSendsTheStartAgain() {
    Harness h = new Harness().online();
    startAwaitingAnswer(h);
    h.flash.losePowerAfter(1);
    h.cs.answer(new StartTransactionResponse(ACCEPTED, 4242));
    h.run();
    h.advance(Duration.ofSeconds(1));
    assertTrue(h.flash.powerCut(), "the write after the answer's record is the one cut");

    h.restartOnline();
    assertEquals(List.of(), h.cs.sent(StartTransactionRequest.class));
    List<StopTransactionRequest> stops = h.cs.sent(StopTransactionRequest.class);
    assertEquals(1, stops.size());
    assertEquals(4242, stops.getFirst().transactionId());
  }

  @Test
  void aSilentCentralSystemNeverMakesTheChargerGiveUpTheStart() {
    Harness h = new Harness().configure("TransactionMessageAttempts", "2").configure("TransactionMessageRetryInterval", "10").online();
    startAwaitingAnswer(h);
    for (int i = 0; i < 6; i++) {
      h.cs.loseWaitingCalls();
      h.advance(Duration.ofSeconds(31 + 20));
      h.run();
    }
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();
    h.awaitCall(StartTransactionRequest.class);
    assertTrue(h.cs.sent(StartTransactionRequest.class).size() >= 6, "sent again after every time-out and the reconnection");
    h.cs.answer(new StartTransactionResponse(ACCEPTED, 77));
    h.run();
    h.cs.answerAutomatically();
    h.card("CARD");
    h.advance(Duration.ofMinutes(5));
    assertEquals(77, h.cs.sent(StopTransactionRequest.class).getFirst().transactionId());
    assertEquals(null, h.cp.counters().get("outbox.skipped"));
  }

  @Test
  void aStartSkippedAfterCallErrorsKeepsItsSamplesAndStopAndALocalRecord() {
    Harness h = new Harness().configure("TransactionMessageAttempts", "2").configure("TransactionMessageRetryInterval", "10")
        .configure("MeterValueSampleInterval", "60").online();
    startAwaitingAnswer(h);
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.advance(Duration.ofSeconds(10));
    h.awaitCall(StartTransactionRequest.class);
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.run();
    h.cs.answerAutomatically();
    h.meter().read(500, 3_000);
    h.advance(Duration.ofSeconds(60));
    h.card("CARD");
    h.advance(Duration.ofSeconds(1));

    List<MeterValuesRequest> values = h.cs.sent(MeterValuesRequest.class);
    assertTrue(values.stream().allMatch(v -> v.transactionId().isEmpty()), "no transactionId was ever given");
    MeterValuesRequest end = values.getLast();
    assertEquals(Optional.of(ReadingContext.TRANSACTION_END), end.meterValue().getLast().sampledValue().getFirst().context());
    assertEquals("500", end.meterValue().getLast().sampledValue().getFirst().value());
    assertEquals(List.of(), h.cs.sent(StopTransactionRequest.class), "a StopTransaction needs the id the central system never gave");
    TransactionRecord record = records(h).getFirst();
    assertEquals(Delivery.SKIPPED, record.start());
    assertEquals(Delivery.SENT_AS_METER_VALUES, record.stop());
    assertEquals(Optional.of(500L), record.meterStopWh());
  }

  @Test
  void theHistoryKeepsEveryTransactionAcrossAReboot() {
    Harness h = new Harness().online();
    h.startCharging();
    h.meter().read(1_234, 0);
    h.stopCharging();
    h.restartOnline();
    TransactionRecord record = records(h).getFirst();
    assertEquals(new TransactionRecord(1, 1, "CARD", Harness.START, 0, Optional.of(Harness.START), Optional.of(1_234L),
        Optional.of("Local"), Optional.of(100), Delivery.ACCEPTED, Delivery.ACCEPTED, 0), record);
  }

  @Test
  void onSlowFlashThePilotIsActedOnWithinTenMilliseconds() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60");
    h.flash.slow(Duration.ofMillis(200));
    h.online();
    h.startCharging();
    h.advance(Duration.ofSeconds(60));
    // a sample's records are being written now, for 200 ms
    h.pilot().ev(PilotState.A);
    h.time.advance(Duration.ofMillis(10));
    assertFalse(h.relay().closed, "the relay opened while the flash was busy");
    h.advance(Duration.ofSeconds(2));
    assertEquals(1, h.cs.sent(StopTransactionRequest.class).size());
  }

  @Test
  void aFlashThatRefusesWritesIsReportedAndRefusesNewStartsUntilItRecovers() {
    Harness h = new Harness().online();
    h.flash.failWrites(true);
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(List.of(), h.cs.sent(StartTransactionRequest.class), "no StartTransaction on a start that is not recorded");
    StatusNotificationRequest fault = h.cs.sent(StatusNotificationRequest.class).getLast();
    assertEquals(0, fault.connectorId());
    assertEquals(ChargePointErrorCode.INTERNAL_ERROR, fault.errorCode());
    h.card("CARD");
    h.ev(PilotState.A);
    h.ev(PilotState.C);
    h.card("CARD");
    assertFalse(h.connector(1).transactionRunning(), "no new transaction while the journal refuses writes");
    assertEquals(1L, h.cp.counters().get("transaction.refusedStorageFault"));
    assertEquals(new RemoteStartTransactionResponse(RemoteStartStopStatus.REJECTED),
        h.call(new RemoteStartTransactionRequest(Optional.of(1), "REMOTE", Optional.empty())));

    h.flash.failWrites(false);
    h.advance(Duration.ofSeconds(31));
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size(), "the held start goes out once recorded");
    assertEquals(1, h.cs.sent(StopTransactionRequest.class).size());
    assertEquals(ChargePointErrorCode.NO_ERROR, h.cs.sent(StatusNotificationRequest.class).getLast().errorCode());
    h.card("CARD");
    assertTrue(h.connector(1).transactionRunning());
  }

  @Test
  void aWeekOfflineKeepsStartStopAndAThinnedSetOfSamples() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").configure("AllowOfflineTxForUnknownId", "true")
        .customize(b -> b.offlineSampleLimit(5)).online();
    h.cs.goOffline();
    h.run();
    h.startCharging();
    for (int minute = 1; minute <= 30; minute++) {
      h.meter().read(minute * 100, 6_000);
      h.advance(Duration.ofSeconds(60));
    }
    h.stopCharging();
    assertEquals(25L, h.cp.counters().get("transaction.samplesThinned"));
    assertEquals(List.of(), h.storage.keys("outbox/"), "no file per queued message");
    h.cs.goOnline();
    h.run();
    h.advance(Duration.ofSeconds(5));
    List<MeterValuesRequest> values = h.cs.sent(MeterValuesRequest.class).stream().filter(v -> v.transactionId().isPresent()).toList();
    assertEquals(5, values.size());
    assertEquals("3000", values.getLast().meterValue().getFirst().sampledValue().getFirst().value(), "the latest reading is kept");
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size());
    assertEquals(3_000, h.cs.sent(StopTransactionRequest.class).getFirst().meterStop());
  }

  @Test
  void theDiagnosticsArchiveCarriesTheRecordOfEveryTransaction(@TempDir Path dir) {
    FakeFiles.FakeCollector collector = new FakeFiles.FakeCollector(dir);
    Harness h = new Harness().customize(b -> b.fileTransfer(new FakeFiles.FakeTransfer(dir)).diagnosticsCollector(collector)).online();
    h.startCharging();
    h.meter().read(900, 0);
    h.stopCharging();
    h.call(new GetDiagnosticsRequest("ftp://logs.example.com/up", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertEquals(List.of(records(h).getFirst().toString()), collector.last().request().transactions());
  }

  private static List<TransactionRecord> records(Harness h) {
    var records = h.cp.transactions();
    h.run();
    return records.join();
  }
}
