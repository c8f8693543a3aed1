package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * The messages of block H (reservation: ReserveNow, CancelReservation, ReservationStatusUpdate), with the
 * enumerations only they use, named as part 2 names them and read from the OCA's schemas. {@link Action} ties each
 * message to its wire name and direction.
 */
public final class ReservationMessages {

  private ReservationMessages() {
  }

  /** The station's answer to a ReserveNow. ({@code ReserveNowStatusEnumType}) */
  public enum ReserveNowStatus {
    /** The EVSE (or one of the station's EVSEs) is held for the token. */
    Accepted,
    /** The EVSE, or every EVSE, is faulted. */
    Faulted,
    /** The EVSE is in use or reserved already, or no EVSE is left free for another reservation. */
    Occupied,
    /** The station does not take this reservation. */
    Rejected,
    /** The EVSE, or every EVSE, is out of service. */
    Unavailable
  }

  /** The station's answer to a CancelReservation. ({@code CancelReservationStatusEnumType}) */
  public enum CancelReservationStatus {
    /** The reservation is cancelled. */
    Accepted,
    /** The station holds no reservation of that id. */
    Rejected
  }

  /** How a reservation ended that no transaction used. ({@code ReservationUpdateStatusEnumType}) */
  public enum ReservationUpdateStatus {
    /** Its expiry time passed. */
    Expired,
    /** The station removed it, e.g. because its EVSE became faulted or unavailable. */
    Removed
  }

  /**
   * H01: the CSMS reserves an EVSE, one of a connector type, or any EVSE, for a token until a time.
   *
   * @param id the reservation's id; a ReserveNow with the id of a reservation held replaces it (H01.FR.02)
   * @param expiryDateTime when the reservation lapses unless used
   * @param connectorType the connector type wanted (ConnectorEnumType's wire value), if any
   * @param idToken whom the EVSE is held for
   * @param evseId the EVSE to hold; absent holds any of the station's EVSEs
   * @param groupIdToken the group whose tokens may use the reservation too
   */
  public record ReserveNowRequest(int id, Instant expiryDateTime, Optional<String> connectorType, IdToken idToken,
      Optional<Integer> evseId, Optional<IdToken> groupIdToken) implements Request<ReserveNowResponse> {
  }

  /**
   * H01: whether the reservation is made.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record ReserveNowResponse(ReserveNowStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * H02: the CSMS cancels a reservation.
   *
   * @param reservationId the id of the reservation to cancel
   */
  public record CancelReservationRequest(int reservationId) implements Request<CancelReservationResponse> {
  }

  /**
   * H02: whether there was such a reservation to cancel.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record CancelReservationResponse(CancelReservationStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * H01.FR.16/17, H04: the station tells the CSMS that a reservation ended without a transaction using it.
   *
   * @param reservationId the id of the reservation
   * @param reservationUpdateStatus how it ended
   */
  public record ReservationStatusUpdateRequest(int reservationId, ReservationUpdateStatus reservationUpdateStatus)
      implements Request<ReservationStatusUpdateResponse> {
  }

  /** H04: the CSMS's acknowledgement, which carries nothing. */
  public record ReservationStatusUpdateResponse() implements Response {
  }
}
