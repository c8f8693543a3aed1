package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a GetLog upload goes and which time span the log should cover (security extension).
 *
 * @param remoteLocation the URL the log file is uploaded to
 * @param oldestTimestamp the oldest moment the log should cover; absent for from the beginning
 * @param latestTimestamp the latest moment the log should cover; absent for up to now
 */
public record LogParameters(
    String remoteLocation,
    Optional<Instant> oldestTimestamp,
    Optional<Instant> latestTimestamp) {

  /** Rejects a null {@code remoteLocation}; a null optional component reads as absent. */
  public LogParameters {
    Fields.required(remoteLocation, "remoteLocation");
    oldestTimestamp = Fields.opt(oldestTimestamp);
    latestTimestamp = Fields.opt(latestTimestamp);
  }
}
