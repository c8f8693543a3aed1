package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CancelReservationStatus;
import dev.kilowatt.core.port.ReservationEnd;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.ReservationMessages.CancelReservationRequest;
import dev.kilowatt.ocpp201.ReservationMessages.CancelReservationResponse;
import dev.kilowatt.ocpp201.ReservationMessages.ReservationStatusUpdateRequest;
import dev.kilowatt.ocpp201.ReservationMessages.ReservationStatusUpdateResponse;
import dev.kilowatt.ocpp201.ReservationMessages.ReservationUpdateStatus;
import dev.kilowatt.ocpp201.ReservationMessages.ReserveNowRequest;
import dev.kilowatt.ocpp201.ReservationMessages.ReserveNowResponse;
import dev.kilowatt.ocpp201.ReservationMessages.ReserveNowStatus;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block H onto the core's reservations, which are 1.6's: the core decides, the adapter renames.
 *
 * <table>
 *   <caption>what each call becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 shape)</th></tr>
 *   <tr><td>ReserveNow with an evseId</td><td>ReserveNow of connector evseId (one connector per EVSE), the IdToken as
 *       idTag and the groupIdToken as parentIdTag; the status back by name (Accepted, Faulted, Occupied, Rejected,
 *       Unavailable: H01.FR.02 replacing a reservation of the same id, FR.11 to FR.13, are the core's)</td></tr>
 *   <tr><td>ReserveNow without one</td><td>ReserveNow of connector 0: the core keeps one connector free for the
 *       token, or answers Rejected when its ReserveConnectorZeroSupported (ReservationCtrlr.NonEvseSpecific) is
 *       false (H01.FR.19)</td></tr>
 *   <tr><td>ReserveNow with a connectorType, an evseId below 1 or a token longer than a 1.6 idTag (20)</td><td>Rejected,
 *       without the core: the core does not know its connectors' types, its connector 0 is the absent evseId, and it
 *       holds idTags</td></tr>
 *   <tr><td>CancelReservation</td><td>CancelReservation, Accepted or Rejected as the core says (H02.FR.01, FR.02)</td></tr>
 *   <tr><td>the core's {@code reservationEnded}</td><td>ReservationStatusUpdate, Expired or Removed (H04.FR.01,
 *       H01.FR.16/17), the station's own call: lost with the connection, as the port says</td></tr>
 * </table>
 */
final class ReservationCalls {

  private static final Logger LOG = LoggerFactory.getLogger(ReservationCalls.class);

  private ReservationCalls() {
  }

  /** The route for the CSMS's {@code request}, or empty for a call of another block. */
  static Optional<Route> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case ReserveNowRequest reserve -> new Route.Now(reserve(reserve));
      case CancelReservationRequest cancel -> new Route.Now(Exchange.one(
          new dev.kilowatt.core.message.CancelReservationRequest(cancel.reservationId()),
          (dev.kilowatt.core.message.CancelReservationResponse answer) -> new CancelReservationResponse(
              answer.status() == CancelReservationStatus.ACCEPTED
                  ? ReservationMessages.CancelReservationStatus.Accepted : ReservationMessages.CancelReservationStatus.Rejected,
              Optional.empty())));
      default -> null;
    });
  }

  /** The core's reservation {@code reservationId} ended by itself: the CSMS hears how, {@code station} sending. */
  static void ended(Function<ReservationStatusUpdateRequest, CompletableFuture<ReservationStatusUpdateResponse>> station,
      int reservationId, ReservationEnd end) {
    ReservationUpdateStatus status = end == ReservationEnd.EXPIRED ? ReservationUpdateStatus.Expired : ReservationUpdateStatus.Removed;
    station.apply(new ReservationStatusUpdateRequest(reservationId, status)).whenComplete((answer, failure) -> {
      if (failure != null) {
        LOG.info("the CSMS did not hear that reservation {} ended ({}): {}", reservationId, status, failure.getMessage());
      }
    });
  }

  private static Exchange reserve(ReserveNowRequest reserve) {
    Optional<StatusInfo> refusal = refusal(reserve);
    if (refusal.isPresent()) {
      return Exchange.local(new ReserveNowResponse(ReserveNowStatus.Rejected, refusal));
    }
    return Exchange.one(new dev.kilowatt.core.message.ReserveNowRequest(reserve.evseId().orElse(0), reserve.expiryDateTime(),
            reserve.idToken().idToken(), reserve.groupIdToken().map(IdToken::idToken), reserve.id()),
        (dev.kilowatt.core.message.ReserveNowResponse answer) -> new ReserveNowResponse(
            ReserveNowStatus.valueOf(answer.status().ocppValue()), Optional.empty()));
  }

  /** Why the core cannot be asked: what it would read otherwise, or cannot hold. */
  private static Optional<StatusInfo> refusal(ReserveNowRequest reserve) {
    if (reserve.connectorType().isPresent()) {
      return Optional.of(new StatusInfo("UnknownConnectorType",
          Optional.of("the station does not know the types of its connectors")));
    }
    if (reserve.evseId().filter(id -> id < 1).isPresent()) {
      return Optional.of(new StatusInfo("UnknownEvse", Optional.of("EVSE " + reserve.evseId().get() + " is not on this station")));
    }
    boolean tooLong = reserve.idToken().idToken().length() > CsmsCalls.ID_TAG_LENGTH
        || reserve.groupIdToken().filter(group -> group.idToken().length() > CsmsCalls.ID_TAG_LENGTH).isPresent();
    return tooLong ? Optional.of(new StatusInfo("InvalidIdToken", Optional.of("longer than " + CsmsCalls.ID_TAG_LENGTH)))
        : Optional.empty();
  }
}
