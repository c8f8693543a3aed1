package dev.kilowatt.core.message;

import java.time.Instant;

/** The Central System's current time, in answer to a heartbeat. */
public record HeartbeatResponse(Instant currentTime) implements Response {

  public HeartbeatResponse {
    Fields.required(currentTime, "currentTime");
  }
}
