package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The authorization status of the idTag that stopped the transaction, when one did.
 *
 * @param idTagInfo the authorization of the identifier that stopped the transaction; absent when none was given
 */
public record StopTransactionResponse(Optional<IdTagInfo> idTagInfo) implements Response {

  /** A null optional component reads as absent. */
  public StopTransactionResponse {
    idTagInfo = Fields.opt(idTagInfo);
  }
}
