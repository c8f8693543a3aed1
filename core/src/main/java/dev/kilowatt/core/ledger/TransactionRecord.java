package dev.kilowatt.core.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The charger's own account of one transaction, kept durably whether or not the central system took it:
 * what the embedder and the diagnostics archive see of it.
 *
 * @param number the charger's own number of the transaction
 * @param connectorId the connector it ran on
 * @param idTag the idTag that started it
 * @param started when it started
 * @param meterStartWh the energy register at the start, in Wh
 * @param stopped when it stopped; empty while it runs
 * @param meterStopWh the energy register at the stop, in Wh; empty while it runs
 * @param stopReason why it stopped, as StopTransaction's reason; empty while it runs or when it carried none (Local)
 * @param transactionId what the central system gave, if it answered the StartTransaction
 * @param start what became of the StartTransaction
 * @param stop what became of the StopTransaction
 * @param samplesSkipped MeterValues the central system failed to process TransactionMessageAttempts times
 */
public record TransactionRecord(long number, int connectorId, String idTag, Instant started, long meterStartWh,
    Optional<Instant> stopped, Optional<Long> meterStopWh, Optional<String> stopReason, Optional<Integer> transactionId,
    Delivery start, Delivery stop, int samplesSkipped) {

  /** Missing optional values (an older record) are empty. */
  public TransactionRecord {
    Objects.requireNonNull(idTag, "idTag");
    Objects.requireNonNull(started, "started");
    stopped = stopped == null ? Optional.empty() : stopped;
    meterStopWh = meterStopWh == null ? Optional.empty() : meterStopWh;
    stopReason = stopReason == null ? Optional.empty() : stopReason;
    transactionId = transactionId == null ? Optional.empty() : transactionId;
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stop, "stop");
  }

  /** What became of one transaction message. */
  public enum Delivery {
    /** Not sent or not answered yet (also: not made yet, for the stop of a running transaction). */
    WAITING,
    /** The central system answered it. */
    ACCEPTED,
    /** Given up after TransactionMessageAttempts CALLERRORs (OCPP 1.6 section 3.7.1). */
    SKIPPED,
    /** A stop whose start was skipped: its meter values went as a MeterValues without transactionId, and were answered. */
    SENT_AS_METER_VALUES
  }
}
