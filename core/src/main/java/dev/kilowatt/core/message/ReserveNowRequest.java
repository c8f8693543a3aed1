package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** The Central System reserves a connector (or any connector, id 0) for an idTag until an expiry date. */
public record ReserveNowRequest(
    int connectorId,
    Instant expiryDate,
    String idTag,
    Optional<String> parentIdTag,
    int reservationId)
    implements CentralSystemRequest<ReserveNowResponse> {

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
