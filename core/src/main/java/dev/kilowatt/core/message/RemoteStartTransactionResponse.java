package dev.kilowatt.core.message;

/**
 * Whether the charge point will try to start the requested transaction.
 *
 * @param status whether the charge point will try to start the transaction
 */
public record RemoteStartTransactionResponse(RemoteStartStopStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public RemoteStartTransactionResponse {
    Fields.required(status, "status");
  }
}
