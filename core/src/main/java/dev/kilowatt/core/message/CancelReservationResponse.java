package dev.kilowatt.core.message;

/**
 * Whether the reservation was found and cancelled.
 *
 * @param status whether the reservation was found and cancelled
 */
public record CancelReservationResponse(CancelReservationStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public CancelReservationResponse {
    Fields.required(status, "status");
  }
}
