package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point reports progress of a log upload asked for by GetLog (security extension).
 *
 * @param status how the upload is going
 * @param requestId the id of the GetLog this reports on; absent when the status was triggered and no upload runs
 */
public record LogStatusNotificationRequest(
    UploadLogStatus status,
    Optional<Integer> requestId)
    implements ChargePointRequest<LogStatusNotificationResponse> {

  /** Rejects a null {@code status}; a null optional component reads as absent. */
  public LogStatusNotificationRequest {
    Fields.required(status, "status");
    requestId = Fields.opt(requestId);
  }

  @Override
  public Action action() {
    return Action.LOG_STATUS_NOTIFICATION;
  }
}
