package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The Central System asks the charge point to download and install firmware from a location after a date.
 *
 * @param location the URL the firmware is downloaded from
 * @param retries how many times to retry a failed download; absent leaves it to the charge point
 * @param retrieveDate the moment after which the download may start
 * @param retryInterval seconds between retries; absent leaves it to the charge point
 */
public record UpdateFirmwareRequest(
    String location,
    Optional<Integer> retries,
    Instant retrieveDate,
    Optional<Integer> retryInterval)
    implements CentralSystemRequest<UpdateFirmwareResponse> {

  /** Rejects a null {@code location} or {@code retrieveDate}; a null optional component reads as absent. */
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
