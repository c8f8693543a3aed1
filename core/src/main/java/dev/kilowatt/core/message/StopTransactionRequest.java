package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The charge point reports that a transaction has ended, with the final meter reading and the reason. */
public record StopTransactionRequest(
    Optional<String> idTag,
    int meterStop,
    Instant timestamp,
    int transactionId,
    Optional<Reason> reason,
    List<MeterValue> transactionData)
    implements ChargePointRequest<StopTransactionResponse> {

  public StopTransactionRequest {
    idTag = Fields.opt(idTag);
    Fields.required(timestamp, "timestamp");
    reason = Fields.opt(reason);
    transactionData = Fields.list(transactionData);
  }

  @Override
  public Action action() {
    return Action.STOP_TRANSACTION;
  }
}
