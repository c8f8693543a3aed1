package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point reports progress of a log upload asked for by GetLog (security extension). */
public record LogStatusNotificationRequest(
    UploadLogStatus status,
    Optional<Integer> requestId)
    implements ChargePointRequest<LogStatusNotificationResponse> {

  public LogStatusNotificationRequest {
    Fields.required(status, "status");
    requestId = Fields.opt(requestId);
  }

  @Override
  public Action action() {
    return Action.LOG_STATUS_NOTIFICATION;
  }
}
