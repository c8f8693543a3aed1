package dev.kilowatt.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A transaction the central system has not heard the whole of: it still runs, or one of its messages (the
 * start, a meter value, the stop) waits in the charger's durable queue or is sent and not answered yet. What a
 * protocol that asks after a transaction's state (OCPP 2.0.1's GetTransactionStatus) answers from.
 *
 * @param connectorId the connector it runs or ran on, from 1
 * @param started when it started, as its StartTransaction says
 * @param running whether it still runs: it has not stopped
 * @param messagesWaiting whether a message of it waits to be delivered, or is delivered and not answered yet
 */
public record UnsettledTransaction(int connectorId, Instant started, boolean running, boolean messagesWaiting) {

  /** Rejects a null {@code started}. */
  public UnsettledTransaction {
    Objects.requireNonNull(started, "started");
  }
}
