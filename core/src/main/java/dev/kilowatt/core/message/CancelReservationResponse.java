package dev.kilowatt.core.message;

/** Whether the reservation was found and cancelled. */
public record CancelReservationResponse(CancelReservationStatus status) implements Response {

  public CancelReservationResponse {
    Fields.required(status, "status");
  }
}
