package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System asks the charge point to download, verify and install signed firmware (security extension). */
public record SignedUpdateFirmwareRequest(
    Optional<Integer> retries,
    Optional<Integer> retryInterval,
    int requestId,
    Firmware firmware)
    implements CentralSystemRequest<SignedUpdateFirmwareResponse> {

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
