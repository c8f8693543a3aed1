package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The Central System asks the charge point to upload a diagnostics file to a location.
 *
 * @param location the URL (e.g. FTP) the diagnostics file is uploaded to
 * @param retries how many times to retry a failed upload; absent leaves it to the charge point
 * @param retryInterval seconds between retries; absent leaves it to the charge point
 * @param startTime the oldest moment the diagnostics should cover
 * @param stopTime the latest moment the diagnostics should cover
 */
public record GetDiagnosticsRequest(
    String location,
    Optional<Integer> retries,
    Optional<Integer> retryInterval,
    Optional<Instant> startTime,
    Optional<Instant> stopTime)
    implements CentralSystemRequest<GetDiagnosticsResponse> {

  /** Rejects a null {@code location}; a null optional component reads as absent. */
  public GetDiagnosticsRequest {
    Fields.required(location, "location");
    retries = Fields.opt(retries);
    retryInterval = Fields.opt(retryInterval);
    startTime = Fields.opt(startTime);
    stopTime = Fields.opt(stopTime);
  }

  @Override
  public Action action() {
    return Action.GET_DIAGNOSTICS;
  }
}
