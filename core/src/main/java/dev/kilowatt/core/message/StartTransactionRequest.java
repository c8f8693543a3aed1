package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** The charge point reports that a transaction has started on a connector. */
public record StartTransactionRequest(
    int connectorId,
    String idTag,
    int meterStart,
    Optional<Integer> reservationId,
    Instant timestamp)
    implements ChargePointRequest<StartTransactionResponse> {

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
