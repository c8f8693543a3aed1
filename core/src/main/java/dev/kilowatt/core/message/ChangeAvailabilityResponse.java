package dev.kilowatt.core.message;

/**
 * Whether the availability changed now, will change after running transactions, or will not.
 *
 * @param status whether the change is done, scheduled or refused
 */
public record ChangeAvailabilityResponse(AvailabilityStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public ChangeAvailabilityResponse {
    Fields.required(status, "status");
  }
}
