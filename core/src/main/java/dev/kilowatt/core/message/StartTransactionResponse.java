package dev.kilowatt.core.message;

/**
 * The transaction id assigned by the Central System and the authorization status of the idTag.
 *
 * @param idTagInfo the authorization of the identifier that started the transaction; if not Accepted the charge point
 *     may stop it
 * @param transactionId the id the Central System gives the transaction, used by every later message about it
 */
public record StartTransactionResponse(IdTagInfo idTagInfo, int transactionId) implements Response {

  /** Rejects a null {@code idTagInfo}. */
  public StartTransactionResponse {
    Fields.required(idTagInfo, "idTagInfo");
  }
}
