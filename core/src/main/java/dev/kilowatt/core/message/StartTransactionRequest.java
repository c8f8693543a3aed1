package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The charge point reports that a transaction has started on a connector.
 *
 * @param connectorId the connector the transaction runs on, from 1
 * @param idTag the identifier that started the transaction
 * @param meterStart the energy register at the start, in Wh
 * @param reservationId the reservation the transaction consumes, if it started on one
 * @param timestamp when the transaction started
 */
public record StartTransactionRequest(
    int connectorId,
    String idTag,
    int meterStart,
    Optional<Integer> reservationId,
    Instant timestamp)
    implements ChargePointRequest<StartTransactionResponse> {

  /** Rejects a null {@code idTag} or {@code timestamp}; a null optional component reads as absent. */
  public StartTransactionRequest {
    Fields.required(idTag, "idTag");
    reservationId = Fields.opt(reservationId);
    Fields.required(timestamp, "timestamp");
  }

  @Override
  public Action action() {
    return Action.START_TRANSACTION;
  }
}
