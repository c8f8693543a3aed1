package dev.kilowatt.core.message;

/**
 * The outcome of a reservation request.
 *
 * @param status whether the connector is reserved, or why not
 */
public record ReserveNowResponse(ReservationStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public ReserveNowResponse {
    Fields.required(status, "status");
  }
}
