package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** The charge point reports the status or error of a connector, or of itself (connector 0). */
public record StatusNotificationRequest(
    int connectorId,
    ChargePointErrorCode errorCode,
    Optional<String> info,
    ChargePointStatus status,
    Optional<Instant> timestamp,
    Optional<String> vendorId,
    Optional<String> vendorErrorCode)
    implements ChargePointRequest<StatusNotificationResponse> {

  public StatusNotificationRequest {
    Fields.required(errorCode, "errorCode");
    info = Fields.opt(info);
    Fields.required(status, "status");
    timestamp = Fields.opt(timestamp);
    vendorId = Fields.opt(vendorId);
    vendorErrorCode = Fields.opt(vendorErrorCode);
  }

  @Override
  public Action action() {
    return Action.STATUS_NOTIFICATION;
  }
}
