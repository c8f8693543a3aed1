package dev.kilowatt.core.message;

import java.time.Instant;

/**
 * The Central System's current time, in answer to a heartbeat.
 *
 * @param currentTime the Central System's clock, for the charge point to correct its own
 */
public record HeartbeatResponse(Instant currentTime) implements Response {

  /** Rejects a null {@code currentTime}. */
  public HeartbeatResponse {
    Fields.required(currentTime, "currentTime");
  }
}
