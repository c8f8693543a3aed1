package dev.kilowatt.core.transaction;

import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Moves what an older version kept in {@link Storage} (the running transaction per connector under
 * {@code transaction/}, the transactionIds under {@code transaction-id/}, the queued transaction messages
 * under {@code outbox/}, the number counter) into the ledger, and deletes it once the ledger holds it.
 */
final class LegacyRecords {

  private static final System.Logger LOG = System.getLogger(LegacyRecords.class.getName());
  private static final String TRANSACTION_PREFIX = "transaction/";
  private static final String TRANSACTION_ID_PREFIX = "transaction-id/";
  private static final String COUNTER_KEY = "transaction-counter";

  private LegacyRecords() {}

  static void migrate(Storage storage, TransactionLedger ledger, int connectors) {
    Map<Long, Transaction> running = new TreeMap<>();
    for (int id = 1; id <= connectors; id++) {
      storage.load(TRANSACTION_PREFIX + id, Transaction.class).ifPresent(tx -> running.put(tx.number(), tx));
    }
    Map<Long, List<ChargePointRequest<?>>> unanswered = new TreeMap<>();
    List<String> queuedKeys = new ArrayList<>();
    for (String key : storage.keys(Outbox.STORAGE_PREFIX)) {
      storage.load(key, Outbox.Queued.class).filter(q -> Outbox.transactionMessage(q.request())).ifPresent(q -> {
        queuedKeys.add(key);
        unanswered.computeIfAbsent(q.transaction(), n -> new ArrayList<>()).add(q.request());
      });
    }
    running.keySet().forEach(number -> unanswered.computeIfAbsent(number, n -> new ArrayList<>()));
    List<String> keys = new ArrayList<>(storage.keys(TRANSACTION_ID_PREFIX));
    if (unanswered.isEmpty() && keys.isEmpty() && storage.keys(COUNTER_KEY).isEmpty()) {
      return;
    }
    LOG.log(Level.INFO, "moving {0} transactions of an older version into the ledger", unanswered.size());
    storage.load(COUNTER_KEY, Transactions.TransactionCounter.class).ifPresent(counter -> ledger.numbersFrom(counter.next()));
    unanswered.forEach((number, requests) -> {
      Optional<Integer> id = storage.load(TRANSACTION_ID_PREFIX + number, Transactions.TransactionIds.class)
          .map(Transactions.TransactionIds::transactionId)
          .or(() -> Optional.ofNullable(running.get(number)).flatMap(Transaction::transactionId));
      List<ChargePointRequest<?>> rest = requests.stream().filter(r -> !(r instanceof StartTransactionRequest)).toList();
      boolean startUnanswered = rest.size() < requests.size();
      Transaction tx = Optional.ofNullable(running.get(number)).orElseGet(() -> rebuilt(number, requests));
      ledger.adopt(tx, startUnanswered ? Optional.empty() : id, rest, () -> {});
    });
    ledger.recordCounter(() -> {
      queuedKeys.forEach(storage::delete);
      running.values().forEach(tx -> storage.delete(TRANSACTION_PREFIX + tx.connectorId()));
      keys.forEach(storage::delete);
      storage.delete(COUNTER_KEY);
    });
  }

  /** A transaction known only from its queued messages: its start, else a sample or its stop. */
  private static Transaction rebuilt(long number, List<ChargePointRequest<?>> requests) {
    for (ChargePointRequest<?> request : requests) {
      if (request instanceof StartTransactionRequest start) {
        return Transaction.begin(number, start.connectorId(), start.idTag(), Optional.empty(), start.timestamp(), start.meterStart(),
            start.reservationId());
      }
    }
    // An older version does not say who started a transaction whose start was answered; connector 0 names none.
    for (ChargePointRequest<?> request : requests) {
      if (request instanceof MeterValuesRequest values && !values.meterValue().isEmpty()) {
        return Transaction.begin(number, values.connectorId(), "", Optional.empty(), values.meterValue().getFirst().timestamp(), 0,
            Optional.empty());
      }
    }
    StopTransactionRequest stop = (StopTransactionRequest) requests.getLast();
    return Transaction.begin(number, 0, stop.idTag().orElse(""), Optional.empty(), stop.timestamp(), 0, Optional.empty());
  }
}
