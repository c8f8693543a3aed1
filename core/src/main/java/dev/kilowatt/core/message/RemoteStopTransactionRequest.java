package dev.kilowatt.core.message;

/**
 * The Central System asks the charge point to stop a running transaction.
 *
 * @param transactionId the transaction to stop, as StartTransaction's answer numbered it
 */
public record RemoteStopTransactionRequest(
    int transactionId)
    implements CentralSystemRequest<RemoteStopTransactionResponse> {

  @Override
  public Action action() {
    return Action.REMOTE_STOP_TRANSACTION;
  }
}
