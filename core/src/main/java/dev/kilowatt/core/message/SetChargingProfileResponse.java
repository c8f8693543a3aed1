package dev.kilowatt.core.message;

/** Whether the charging profile was accepted. */
public record SetChargingProfileResponse(ChargingProfileStatus status) implements Response {

  public SetChargingProfileResponse {
    Fields.required(status, "status");
  }
}
