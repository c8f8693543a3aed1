package dev.kilowatt.core.message;

/**
 * The charge point reports progress of a firmware update asked for by UpdateFirmware.
 *
 * @param status how the download and installation are going
 */
public record FirmwareStatusNotificationRequest(
    FirmwareStatus status)
    implements ChargePointRequest<FirmwareStatusNotificationResponse> {

  /** Rejects a null {@code status}. */
  public FirmwareStatusNotificationRequest {
    Fields.required(status, "status");
  }

  @Override
  public Action action() {
    return Action.FIRMWARE_STATUS_NOTIFICATION;
  }
}
