package dev.kilowatt.core.transaction;

import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.ledger.TransactionRecord.Delivery;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.messaging.Outbox.Queued;
import java.util.Optional;
import java.util.TreeMap;

/** What the ledger knows of a transaction whose messages are not all answered. */
final class OpenTransaction {
  Transaction running;
  Optional<TransactionLedger.StartAnswer> answer = Optional.empty();
  boolean startSkipped;
  final TreeMap<Long, Queued> samples = new TreeMap<>();
  Optional<Queued> stop = Optional.empty();
  int skipped;
  long nextSample = 1;

  OpenTransaction(Transaction start) {
    this.running = start;
  }

  long number() {
    return running.number();
  }

  /** The transaction as the embedder sees it, its stop delivered as {@code stop} says. */
  TransactionRecord record(Delivery stop) {
    Optional<StopTransactionRequest> request = this.stop.map(q -> (StopTransactionRequest) q.request());
    Delivery start = answer.isPresent() ? Delivery.ACCEPTED : startSkipped ? Delivery.SKIPPED : Delivery.WAITING;
    return new TransactionRecord(running.number(), running.connectorId(), running.idTag(), running.started(), running.meterStartWh(),
        request.map(StopTransactionRequest::timestamp), request.map(r -> (long) r.meterStop()),
        request.flatMap(StopTransactionRequest::reason).map(r -> r.ocppValue()),
        answer.map(TransactionLedger.StartAnswer::transactionId), start, stop, skipped);
  }
}
