package dev.kilowatt.core.message;

/** The outcome of a reservation request. */
public record ReserveNowResponse(ReservationStatus status) implements Response {

  public ReserveNowResponse {
    Fields.required(status, "status");
  }
}
