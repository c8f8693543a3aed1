package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The charge point reports the status or error of a connector, or of itself (connector 0).
 *
 * @param connectorId the connector reported on; 0 for the charge point as a whole
 * @param errorCode the error, NoError when there is none
 * @param info free text about the error, at most 50 characters
 * @param status the connector's new status
 * @param timestamp when the status was reached; absent means when the message was sent
 * @param vendorId the vendor whose vendorErrorCode this is
 * @param vendorErrorCode the vendor's own error code, at most 50 characters
 */
public record StatusNotificationRequest(
    int connectorId,
    ChargePointErrorCode errorCode,
    Optional<String> info,
    ChargePointStatus status,
    Optional<Instant> timestamp,
    Optional<String> vendorId,
    Optional<String> vendorErrorCode)
    implements ChargePointRequest<StatusNotificationResponse> {

  /** Rejects a null {@code errorCode} or {@code status}; a null optional component reads as absent. */
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
