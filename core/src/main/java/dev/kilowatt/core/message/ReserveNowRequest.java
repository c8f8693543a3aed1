package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The Central System reserves a connector (or any connector, id 0) for an idTag until an expiry date.
 *
 * @param connectorId the connector to hold; 0 holds any connector of the charge point
 * @param expiryDate when the reservation lapses if it was not used
 * @param idTag the identifier the connector is held for
 * @param parentIdTag the group identifier whose members may also use the reservation
 * @param reservationId the reservation's id; a new one with the same id replaces it
 */
public record ReserveNowRequest(
    int connectorId,
    Instant expiryDate,
    String idTag,
    Optional<String> parentIdTag,
    int reservationId)
    implements CentralSystemRequest<ReserveNowResponse> {

  /** Rejects a null {@code expiryDate} or {@code idTag}; a null optional component reads as absent. */
  public ReserveNowRequest {
    Fields.required(expiryDate, "expiryDate");
    Fields.required(idTag, "idTag");
    parentIdTag = Fields.opt(parentIdTag);
  }

  @Override
  public Action action() {
    return Action.RESERVE_NOW;
  }
}
