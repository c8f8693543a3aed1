package dev.kilowatt.core.message;

/** The transaction id assigned by the Central System and the authorization status of the idTag. */
public record StartTransactionResponse(IdTagInfo idTagInfo, int transactionId) implements Response {

  public StartTransactionResponse {
    Fields.required(idTagInfo, "idTagInfo");
  }
}
