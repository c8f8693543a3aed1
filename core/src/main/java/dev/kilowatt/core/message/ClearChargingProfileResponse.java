package dev.kilowatt.core.message;

/**
 * Whether any matching charging profile was removed.
 *
 * @param status whether any profile matched and was removed
 */
public record ClearChargingProfileResponse(ClearChargingProfileStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public ClearChargingProfileResponse {
    Fields.required(status, "status");
  }
}
