package dev.kilowatt.core.transaction;

import dev.kilowatt.core.connector.Transaction;
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
}
