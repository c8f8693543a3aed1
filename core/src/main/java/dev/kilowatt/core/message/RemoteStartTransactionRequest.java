package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System asks the charge point to start a transaction for an idTag. */
public record RemoteStartTransactionRequest(
    Optional<Integer> connectorId,
    String idTag,
    Optional<ChargingProfile> chargingProfile)
    implements CentralSystemRequest<RemoteStartTransactionResponse> {

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
