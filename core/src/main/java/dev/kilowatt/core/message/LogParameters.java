package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** Where a GetLog upload goes and which time span the log should cover (security extension). */
public record LogParameters(
    String remoteLocation,
    Optional<Instant> oldestTimestamp,
    Optional<Instant> latestTimestamp) {

  public LogParameters {
    Fields.required(remoteLocation, "remoteLocation");
    oldestTimestamp = Fields.opt(oldestTimestamp);
    latestTimestamp = Fields.opt(latestTimestamp);
  }
}
