package dev.kilowatt.core.message;

/** Whether the charge point accepted the signed firmware update. */
public record SignedUpdateFirmwareResponse(UpdateFirmwareStatus status) implements Response {

  public SignedUpdateFirmwareResponse {
    Fields.required(status, "status");
  }
}
