package dev.kilowatt.core.message;

/** The Central System asks the charge point to stop a running transaction. */
public record RemoteStopTransactionRequest(
    int transactionId)
    implements CentralSystemRequest<RemoteStopTransactionResponse> {

  @Override
  public Action action() {
    return Action.REMOTE_STOP_TRANSACTION;
  }
}
