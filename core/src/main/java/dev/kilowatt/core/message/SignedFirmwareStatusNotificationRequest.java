package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point reports progress of a SignedUpdateFirmware (security extension).
 *
 * @param status how the signed firmware update is going
 * @param requestId the id of the SignedUpdateFirmware this reports on; absent when the status was triggered and no
 *     update runs
 */
public record SignedFirmwareStatusNotificationRequest(
    SignedFirmwareStatus status,
    Optional<Integer> requestId)
    implements ChargePointRequest<SignedFirmwareStatusNotificationResponse> {

  /** Rejects a null {@code status}; a null optional component reads as absent. */
  public SignedFirmwareStatusNotificationRequest {
    Fields.required(status, "status");
    requestId = Fields.opt(requestId);
  }

  @Override
  public Action action() {
    return Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION;
  }
}
