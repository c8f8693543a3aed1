package dev.kilowatt.core.message;

/** Whether the charge point will try to stop the transaction. */
public record RemoteStopTransactionResponse(RemoteStartStopStatus status) implements Response {

  public RemoteStopTransactionResponse {
    Fields.required(status, "status");
  }
}
