package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point reports progress of a SignedUpdateFirmware (security extension). */
public record SignedFirmwareStatusNotificationRequest(
    SignedFirmwareStatus status,
    Optional<Integer> requestId)
    implements ChargePointRequest<SignedFirmwareStatusNotificationResponse> {

  public SignedFirmwareStatusNotificationRequest {
    Fields.required(status, "status");
    requestId = Fields.opt(requestId);
  }

  @Override
  public Action action() {
    return Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION;
  }
}
