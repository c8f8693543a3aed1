package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** The Central System asks the charge point to upload a diagnostics file to a location. */
public record GetDiagnosticsRequest(
    String location,
    Optional<Integer> retries,
    Optional<Integer> retryInterval,
    Optional<Instant> startTime,
    Optional<Instant> stopTime)
    implements CentralSystemRequest<GetDiagnosticsResponse> {

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
