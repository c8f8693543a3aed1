package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Storage;

/**
 * The seqNo of TransactionEvent (part 2 E01.FR.07, "Sequence Number Generation"): a counter per
 * transaction, 0 on the Started event and one more on every event after it, so that the CSMS can tell
 * whether it has them all. A transaction outlives a restart of the station, so its counter is kept
 * through the Storage port, one small record per running transaction, saved before the event leaves (a
 * number is never used twice) and deleted once its Ended event is answered. The core's retry of an
 * unanswered event is a new event to the CSMS and gets the next number: a duplicate, never a gap.
 */
final class SequenceNumbers {

  private static final String PREFIX = "ocpp201/seqNo/";

  /** The seqNo the next event of one transaction takes. */
  record Next(int seqNo) {
  }

  private final Storage storage;

  SequenceNumbers(Storage storage) {
    this.storage = storage;
  }

  /** The seqNo of the next event of {@code transactionId}: 0 for a transaction not seen before. */
  int take(String transactionId) {
    int seqNo = storage.load(key(transactionId), Next.class).map(Next::seqNo).orElse(0);
    storage.save(key(transactionId), new Next(seqNo + 1));
    return seqNo;
  }

  /** Whether some transaction has not had its Ended event answered yet. */
  boolean open() {
    return !storage.keys(PREFIX).isEmpty();
  }

  /** Whether a transaction of EVSE {@code evseId} has not had its Ended event answered yet. */
  boolean open(int evseId) {
    return !storage.keys(PREFIX + evseId + "-").isEmpty();
  }

  /** The transaction has ended and the CSMS has its last event. */
  void forget(String transactionId) {
    storage.delete(key(transactionId));
  }

  private static String key(String transactionId) {
    return PREFIX + TransactionIds.storageKey(transactionId);
  }
}
