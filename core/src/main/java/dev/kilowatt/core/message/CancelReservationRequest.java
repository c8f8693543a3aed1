package dev.kilowatt.core.message;

/** The Central System cancels an outstanding reservation. */
public record CancelReservationRequest(int reservationId) implements CentralSystemRequest<CancelReservationResponse> {

  @Override
  public Action action() {
    return Action.CANCEL_RESERVATION;
  }
}
