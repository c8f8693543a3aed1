package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System asks the charge point to start a transaction for an idTag.
 *
 * @param connectorId the connector to start on; absent lets the charge point choose
 * @param idTag the identifier the transaction is started for
 * @param chargingProfile a TxProfile to apply to the new transaction
 */
public record RemoteStartTransactionRequest(
    Optional<Integer> connectorId,
    String idTag,
    Optional<ChargingProfile> chargingProfile)
    implements CentralSystemRequest<RemoteStartTransactionResponse> {

  /** Rejects a null {@code idTag}; a null optional component reads as absent. */
  public RemoteStartTransactionRequest {
    connectorId = Fields.opt(connectorId);
    Fields.required(idTag, "idTag");
    chargingProfile = Fields.opt(chargingProfile);
  }

  @Override
  public Action action() {
    return Action.REMOTE_START_TRANSACTION;
  }
}
