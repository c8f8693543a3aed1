package dev.kilowatt.core.message;

import java.time.Instant;

/** The registration verdict, the Central System's clock, and the heartbeat (or retry) interval in seconds. */
public record BootNotificationResponse(
    RegistrationStatus status,
    Instant currentTime,
    int interval)
    implements Response {

  public BootNotificationResponse {
    Fields.required(status, "status");
    Fields.required(currentTime, "currentTime");
  }
}
