package dev.kilowatt.core.message;

/**
 * The Central System cancels an outstanding reservation.
 *
 * @param reservationId the id of the reservation to cancel
 */
public record CancelReservationRequest(int reservationId) implements CentralSystemRequest<CancelReservationResponse> {

  @Override
  public Action action() {
    return Action.CANCEL_RESERVATION;
  }
}
