package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System asks the charge point to download, verify and install signed firmware (security extension).
 *
 * @param retries how many times to retry a failed download; absent leaves it to the charge point
 * @param retryInterval seconds between retries; absent leaves it to the charge point
 * @param requestId the id the SignedFirmwareStatusNotifications of this update carry
 * @param firmware where the firmware is, when to fetch and install it, and how it is signed
 */
public record SignedUpdateFirmwareRequest(
    Optional<Integer> retries,
    Optional<Integer> retryInterval,
    int requestId,
    Firmware firmware)
    implements CentralSystemRequest<SignedUpdateFirmwareResponse> {

  /** Rejects a null {@code firmware}; a null optional component reads as absent. */
  public SignedUpdateFirmwareRequest {
    retries = Fields.opt(retries);
    retryInterval = Fields.opt(retryInterval);
    Fields.required(firmware, "firmware");
  }

  @Override
  public Action action() {
    return Action.SIGNED_UPDATE_FIRMWARE;
  }
}
