package dev.kilowatt.core.message;

/** Whether the charge point will try to start the requested transaction. */
public record RemoteStartTransactionResponse(RemoteStartStopStatus status) implements Response {

  public RemoteStartTransactionResponse {
    Fields.required(status, "status");
  }
}
