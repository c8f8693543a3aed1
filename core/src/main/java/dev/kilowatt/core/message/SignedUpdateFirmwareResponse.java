package dev.kilowatt.core.message;

/**
 * Whether the charge point accepted the signed firmware update.
 *
 * @param status whether the signed firmware update will go ahead, or why not
 */
public record SignedUpdateFirmwareResponse(UpdateFirmwareStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public SignedUpdateFirmwareResponse {
    Fields.required(status, "status");
  }
}
