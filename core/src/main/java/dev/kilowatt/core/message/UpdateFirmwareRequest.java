package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** The Central System asks the charge point to download and install firmware from a location after a date. */
public record UpdateFirmwareRequest(
    String location,
    Optional<Integer> retries,
    Instant retrieveDate,
    Optional<Integer> retryInterval)
    implements CentralSystemRequest<UpdateFirmwareResponse> {

  public UpdateFirmwareRequest {
    Fields.required(location, "location");
    retries = Fields.opt(retries);
    Fields.required(retrieveDate, "retrieveDate");
    retryInterval = Fields.opt(retryInterval);
  }

  @Override
  public Action action() {
    return Action.UPDATE_FIRMWARE;
  }
}
