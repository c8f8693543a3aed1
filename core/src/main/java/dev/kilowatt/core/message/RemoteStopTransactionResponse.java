package dev.kilowatt.core.message;

/**
 * Whether the charge point will try to stop the transaction.
 *
 * @param status whether the charge point will try to stop the transaction
 */
public record RemoteStopTransactionResponse(RemoteStartStopStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public RemoteStopTransactionResponse {
    Fields.required(status, "status");
  }
}
