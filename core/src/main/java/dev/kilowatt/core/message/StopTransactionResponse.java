package dev.kilowatt.core.message;

import java.util.Optional;

/** The authorization status of the idTag that stopped the transaction, when one did. */
public record StopTransactionResponse(Optional<IdTagInfo> idTagInfo) implements Response {

  public StopTransactionResponse {
    idTagInfo = Fields.opt(idTagInfo);
  }
}
