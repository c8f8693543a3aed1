package dev.kilowatt.core.message;

import java.time.Instant;

/**
 * The registration verdict, the Central System's clock, and the heartbeat (or retry) interval in seconds.
 *
 * @param status whether the charge point is registered
 * @param currentTime the Central System's clock, for the charge point to set its own
 * @param interval when Accepted, the heartbeat interval; otherwise the wait before the next BootNotification; in
 *     seconds
 */
public record BootNotificationResponse(
    RegistrationStatus status,
    Instant currentTime,
    int interval)
    implements Response {

  /** Rejects a null {@code status} or {@code currentTime}. */
  public BootNotificationResponse {
    Fields.required(status, "status");
    Fields.required(currentTime, "currentTime");
  }
}
