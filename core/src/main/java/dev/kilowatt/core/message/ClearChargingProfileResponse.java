package dev.kilowatt.core.message;

/** Whether any matching charging profile was removed. */
public record ClearChargingProfileResponse(ClearChargingProfileStatus status) implements Response {

  public ClearChargingProfileResponse {
    Fields.required(status, "status");
  }
}
