package dev.kilowatt.core.message;

/** Whether the availability changed now, will change after running transactions, or will not. */
public record ChangeAvailabilityResponse(AvailabilityStatus status) implements Response {

  public ChangeAvailabilityResponse {
    Fields.required(status, "status");
  }
}
