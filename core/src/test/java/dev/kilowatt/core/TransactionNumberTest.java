package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.transaction.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The transaction counter is written after the StartTransaction has gone out, one flash write less on the
 * way from RemoteStartTransaction to StartTransaction, and a power cut in between repeats no number.
 */
class TransactionNumberTest {

  private static final String COUNTER = "transaction-counter";

  @Test
  void aRemoteStartSendsStartTransactionAfterSavingTheTransactionAndBeforeSavingTheCounter() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).configure("AuthorizeRemoteTxRequests", "false").online();
    h.ev(PilotState.B);
    // each save's key, and how many StartTransaction had been sent by then
    List<String> saves = new ArrayList<>();
    storage.beforeEachSave(key -> saves.add(key + " after " + h.cs.sent(StartTransactionRequest.class).size() + " StartTransaction"));

    assertEquals(RemoteStartStopStatus.ACCEPTED,
        h.callOk(new RemoteStartTransactionRequest(Optional.of(1), "REMOTE", Optional.empty())).status());

    List<String> ofTheStart = saves.stream()
        .filter(save -> save.startsWith(COUNTER) || save.startsWith(Transactions.TRANSACTION_PREFIX)).toList();
    // a third save, of the transactionId the answer brought, follows the answer
    assertEquals(List.of(Transactions.TRANSACTION_PREFIX + "1 after 0 StartTransaction", COUNTER + " after 1 StartTransaction"),
        ofTheStart.subList(0, 2));
  }

  @Test
  void aPowerCutBeforeTheCounterIsSavedRepeatsNoTransactionNumber() {
    Harness h = new Harness().configure("AuthorizeRemoteTxRequests", "false").online();
    h.ev(PilotState.C);
    h.callOk(new RemoteStartTransactionRequest(Optional.of(1), "REMOTE", Optional.empty()));
    long running = h.storage.load(Transactions.TRANSACTION_PREFIX + "1", Transaction.class).orElseThrow().number();
    // the power went after the StartTransaction, before the counter's save: the counter is the one before it
    h.storage.save(COUNTER, new Transactions.TransactionCounter(running));

    h.restart();

    assertEquals(running + 1, h.storage.load(COUNTER, Transactions.TransactionCounter.class).orElseThrow().next(),
        "caught up and saved at boot, before recovery deletes the interrupted transaction");
    h.cs.goOnline();
    h.run();
    assertEquals(Optional.of(Reason.POWER_LOSS), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    h.ev(PilotState.C);
    h.callOk(new RemoteStartTransactionRequest(Optional.of(1), "AGAIN", Optional.empty()));
    assertEquals(running + 1, h.storage.load(Transactions.TRANSACTION_PREFIX + "1", Transaction.class).orElseThrow().number());
  }
}
