package dev.kilowatt.core.message;

/**
 * Whether the charging profile was accepted.
 *
 * @param status whether the profile was installed
 */
public record SetChargingProfileResponse(ChargingProfileStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public SetChargingProfileResponse {
    Fields.required(status, "status");
  }
}
