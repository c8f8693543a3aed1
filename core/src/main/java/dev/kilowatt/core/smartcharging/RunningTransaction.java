package dev.kilowatt.core.smartcharging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The transaction running on a connector, as smart charging needs it: TxProfiles are accepted only during
 * one, and Relative schedules count from its start.
 *
 * @param transactionId the central system's id, absent until StartTransaction.conf arrives
 * @param started when the transaction started
 */
record RunningTransaction(Optional<Integer> transactionId, Instant started) {

  RunningTransaction {
    transactionId = transactionId == null ? Optional.empty() : transactionId;
    Objects.requireNonNull(started, "started");
  }
}
