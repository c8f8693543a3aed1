package dev.kilowatt.core.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A transaction message waiting to be sent, as the queue's bound sees it.
 *
 * @param sequence its place in the queue (its journal sequence); older messages have lower ones
 * @param transaction the charger's own name of the transaction it belongs to
 * @param kind what it is
 * @param time when it was taken: the meter value's timestamp, the start or stop time
 */
public record QueuedMessage(long sequence, String transaction, Kind kind, Instant time) {

  /** Checks that nothing is missing. */
  public QueuedMessage {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
  }

  /** The transaction-related messages of OCPP 1.6 section 3.7, split by whether the bound may drop them. */
  public enum Kind {
    /** A StartTransaction: never dropped. */
    START,
    /** A MeterValues sampled every MeterValueSampleInterval: the only kind that is thinned. */
    PERIODIC_SAMPLE,
    /** A MeterValues aligned to ClockAlignedDataInterval, for billing periods: never dropped. */
    CLOCK_SAMPLE,
    /** A StopTransaction, which carries meterStop: never dropped. */
    STOP
  }
}
