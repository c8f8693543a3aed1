package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The charge point reports that a transaction has ended, with the final meter reading and the reason.
 *
 * @param idTag the identifier that stopped the transaction; absent when it ended otherwise, e.g. the EV left
 * @param meterStop the energy register at the end, in Wh
 * @param timestamp when the transaction ended
 * @param transactionId the transaction, as StartTransaction's answer numbered it
 * @param reason why it ended; absent means Local
 * @param transactionData readings taken during the transaction, for billing
 */
public record StopTransactionRequest(
    Optional<String> idTag,
    int meterStop,
    Instant timestamp,
    int transactionId,
    Optional<Reason> reason,
    List<MeterValue> transactionData)
    implements ChargePointRequest<StopTransactionResponse> {

  /**
   * Rejects a null {@code timestamp}; a null optional component reads as absent; a null list reads as empty, and a list
   * is copied so the record stays immutable.
   */
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
