package dev.kilowatt.core.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.CancelReservationRequest;
import dev.kilowatt.core.message.CancelReservationStatus;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.ReservationStatus;
import dev.kilowatt.core.message.ReserveNowRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reservations, after OCPP 1.6 sections 5.1 and 5.13 and the OCA test cases TC_046 to TC_053. */
class ReservationTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final HardwareFault GROUND_FAULT = new HardwareFault("rcm", ConnectorFault.GROUND_FAILURE, "RCM_TRIP", "");

  private static ReservationStatus reserve(Harness h, int connectorId, int reservationId, String idTag, Duration validFor) {
    return reserve(h, connectorId, reservationId, idTag, Optional.empty(), validFor);
  }

  private static ReservationStatus reserve(Harness h, int connectorId, int reservationId, String idTag, Optional<String> parentIdTag,
      Duration validFor) {
    return h.callOk(new ReserveNowRequest(connectorId, h.time.now().plus(validFor), idTag, parentIdTag, reservationId)).status();
  }

  private static CancelReservationStatus cancel(Harness h, int reservationId) {
    return h.callOk(new CancelReservationRequest(reservationId)).status();
  }

  private static RemoteStartStopStatus remoteStart(Harness h, Optional<Integer> connectorId, String idTag) {
    return h.callOk(new RemoteStartTransactionRequest(connectorId, idTag, Optional.empty())).status();
  }

  private static String lastReported(Harness h, int connectorId) {
    return h.reportedStatuses(connectorId).getLast();
  }

  private static int authorizeCount(Harness h) {
    return h.cs.sent(AuthorizeRequest.class).size();
  }

  private static StartTransactionRequest lastStart(Harness h) {
    return h.cs.sent(StartTransactionRequest.class).getLast();
  }

  private static void ev(Harness h, int connectorId, PilotState state) {
    h.pilots.get(connectorId - 1).ev(state);
    h.run();
  }

  @Test
  void aReservedConnectorTakesOnlyItsIdTagAndTheTransactionUsesTheReservationUp() {
    Harness h = new Harness().online();
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 1, 7, "HOLDER", HOUR));
    assertEquals("Reserved", lastReported(h, 1));

    h.card("OTHER");
    assertEquals(0, authorizeCount(h), "TC_046_1: no Authorize.req for a card that may not use the connector");
    assertEquals(ChargePointStatus.RESERVED, h.status());

    h.card("HOLDER");
    assertEquals(ChargePointStatus.PREPARING, h.status());
    h.ev(PilotState.C);
    StartTransactionRequest start = lastStart(h);
    assertEquals("HOLDER", start.idTag());
    assertEquals(Optional.of(7), start.reservationId());
    assertEquals(ChargePointStatus.CHARGING, h.status());
    assertEquals(CancelReservationStatus.REJECTED, cancel(h, 7), "the transaction ended the reservation");
  }

  @Test
  void theHolderMaySwipeAgainAfterTheConnectionTimeOut() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    h.card("HOLDER");
    h.advance(Duration.ofSeconds(60));
    assertEquals(ChargePointStatus.RESERVED, h.status(), "ConnectionTimeOut: back to Reserved, the reservation stands");
    h.card("HOLDER");
    h.ev(PilotState.C);
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void remoteStartOnAReservedConnectorIsForTheHolderOnly() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.of(1), "OTHER"));
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.empty(), "OTHER"));
    assertEquals(RemoteStartStopStatus.ACCEPTED, remoteStart(h, Optional.of(1), "HOLDER"), "TC_046_2");
    h.ev(PilotState.C);
    assertEquals("HOLDER", lastStart(h).idTag());
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void remoteStartWithoutAuthorizationHonoursTheReservationToo() {
    Harness h = new Harness().configure("AuthorizeRemoteTxRequests", "false").online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.of(1), "OTHER"));
    assertEquals(RemoteStartStopStatus.ACCEPTED, remoteStart(h, Optional.of(1), "HOLDER"));
    h.ev(PilotState.C);
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void aRemoteStartWithoutConnectorGoesToTheHoldersConnector() {
    Harness h = new Harness(2).online();
    reserve(h, 2, 7, "HOLDER", HOUR);
    assertEquals(RemoteStartStopStatus.ACCEPTED, remoteStart(h, Optional.empty(), "HOLDER"));
    assertEquals(ChargePointStatus.PREPARING, h.status(2));
    ev(h, 2, PilotState.C);
    assertEquals(2, lastStart(h).connectorId());
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void aReservationExpiresAtItsExpiryDate() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", Duration.ofSeconds(60));
    h.advance(Duration.ofSeconds(59));
    assertEquals(ChargePointStatus.RESERVED, h.status());
    h.advance(Duration.ofSeconds(1));
    assertEquals("Available", lastReported(h, 1), "TC_047");
    assertEquals(CancelReservationStatus.REJECTED, cancel(h, 7));
    h.ev(PilotState.C);
    h.card("OTHER");
    assertEquals("OTHER", lastStart(h).idTag());
    assertEquals(Optional.empty(), lastStart(h).reservationId());
  }

  @Test
  void expiryFollowsTheCentralSystemsClockNotTheBoards() {
    Harness h = new Harness().start();
    h.cs.answerWithTime(() -> h.time.now().plus(HOUR));
    h.cs.goOnline();
    h.run();
    h.callOk(new ReserveNowRequest(1, h.time.now().plus(HOUR).plusSeconds(60), "HOLDER", Optional.empty(), 7));
    assertEquals(ChargePointStatus.RESERVED, h.status());
    h.advance(Duration.ofSeconds(60));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(), "60 s of the central system's time, not an hour and a minute");
  }

  @Test
  void aClockSetForwardByTheCentralSystemEndsTheReservationWithinAMinute() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    h.cs.answerWithTime(() -> h.time.now().plus(Duration.ofHours(2)));
    h.advance(Duration.ofSeconds(300));
    assertEquals(1, h.cs.sent(dev.kilowatt.core.message.HeartbeatRequest.class).size(), "the heartbeat moved the clock");
    h.advance(Reservations.RECHECK);
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
  }

  @Test
  void aReserveNowWithTheSameIdReplacesTheReservation() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "FIRST", HOUR);
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 1, 7, "SECOND", HOUR), "replaced, not Occupied");
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 1, 8, "THIRD", HOUR), "another id on a reserved connector");
    h.card("FIRST");
    assertEquals(ChargePointStatus.RESERVED, h.status(), "FIRST lost the connector");
    h.card("SECOND");
    assertEquals(ChargePointStatus.PREPARING, h.status());
  }

  @Test
  void aReplacementMayMoveTheReservationAndAFailedOneKeepsTheOld() {
    Harness h = new Harness(2).online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 2, 7, "HOLDER", HOUR));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(1));
    assertEquals(ChargePointStatus.RESERVED, h.status(2));

    ev(h, 1, PilotState.B);
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 1, 7, "HOLDER", HOUR));
    assertEquals(ChargePointStatus.RESERVED, h.status(2), "the old reservation stands");
  }

  @Test
  void reserveNowIsRefusedWithTheReasonWhy() {
    Harness h = new Harness(2).configure("ReserveConnectorZeroSupported", "false").online();
    ev(h, 1, PilotState.B);
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 1, 1, "A", HOUR), "TC_048_2: an EV is plugged in");
    h.card("DRIVER");
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 1, 1, "A", HOUR), "a transaction runs");

    h.pilots.get(1).fault(GROUND_FAULT);
    h.run();
    assertEquals(ReservationStatus.FAULTED, reserve(h, 2, 2, "A", HOUR), "TC_048_1");
    h.pilots.get(1).listener.onFaultCleared("rcm");
    h.run();

    h.callOk(new ChangeAvailabilityRequest(2, AvailabilityType.INOPERATIVE));
    assertEquals(ReservationStatus.UNAVAILABLE, reserve(h, 2, 3, "A", HOUR), "TC_048_3");
    h.callOk(new ChangeAvailabilityRequest(2, AvailabilityType.OPERATIVE));

    assertEquals(ReservationStatus.REJECTED, reserve(h, 0, 4, "A", HOUR), "ReserveConnectorZeroSupported is false");
    assertEquals(ReservationStatus.REJECTED, reserve(h, 3, 5, "A", HOUR), "no connector 3");
    assertEquals(ReservationStatus.REJECTED, reserve(h, 2, 6, "A", Duration.ofSeconds(-1)), "already expired");
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 2, 7, "A", HOUR));
  }

  @Test
  void cancelReservationFreesTheConnector() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    assertEquals(CancelReservationStatus.REJECTED, cancel(h, 8), "TC_052");
    assertEquals(ChargePointStatus.RESERVED, h.status());
    assertEquals(CancelReservationStatus.ACCEPTED, cancel(h, 7), "TC_051");
    assertEquals("Available", lastReported(h, 1));
    h.ev(PilotState.C);
    h.card("OTHER");
    assertEquals("OTHER", lastStart(h).idTag());
    assertEquals(Optional.empty(), lastStart(h).reservationId());
  }

  @Test
  void aCardOfTheReservationsParentIdTagMayUseIt() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", Optional.of("FLEET"), HOUR);
    h.cs.holdAnswers();
    h.card("STRANGER");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("OTHER"))));
    assertEquals(ChargePointStatus.RESERVED, h.status(), "another parent: refused");

    h.card("COLLEAGUE");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("fleet"))));
    assertEquals(ChargePointStatus.PREPARING, h.status(), "TC_053: the same parent (idTags are case-insensitive)");
    h.replyFriendly();
    h.cs.answerAutomatically();
    h.ev(PilotState.C);
    assertEquals("COLLEAGUE", lastStart(h).idTag());
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void aReservationOfConnectorZeroOnASingleConnectorReservesIt() {
    Harness h = new Harness().online();
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 0, 7, "HOLDER", HOUR));
    assertEquals("Reserved", lastReported(h, 1), "TC_049: the last idle connector is held");
    h.card("OTHER");
    assertEquals(0, authorizeCount(h));
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 0, 8, "SECOND", HOUR), "no connector left for a second one");
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 1, 9, "THIRD", HOUR));
    h.card("HOLDER");
    h.ev(PilotState.C);
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void aReservationOfConnectorZeroKeepsOneConnectorFree() {
    Harness h = new Harness(2).online();
    assertEquals(ReservationStatus.ACCEPTED, reserve(h, 0, 7, "HOLDER", HOUR));
    assertEquals(ChargePointStatus.AVAILABLE, h.status(1), "two idle connectors for one reservation");
    assertEquals(ChargePointStatus.AVAILABLE, h.status(2));

    ev(h, 1, PilotState.C);
    h.card("FIRST");
    assertTrue(h.connector(1).transactionRunning(), "one connector may still go to someone else");
    assertEquals(ChargePointStatus.RESERVED, h.status(2), "the last idle one is held");
    int authorizes = authorizeCount(h);
    h.card("SECOND");
    assertEquals(authorizes, authorizeCount(h), "refused without asking");
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.of(2), "SECOND"));

    h.card("HOLDER");
    ev(h, 2, PilotState.C);
    assertEquals(2, lastStart(h).connectorId());
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void aHolderOfConnectorZeroMayStartAnywhere() {
    Harness h = new Harness(2).online();
    reserve(h, 0, 7, "HOLDER", HOUR);
    ev(h, 2, PilotState.C);
    h.card("HOLDER");
    assertEquals(2, lastStart(h).connectorId());
    assertEquals(Optional.of(7), lastStart(h).reservationId());
    assertEquals(ChargePointStatus.AVAILABLE, h.status(1), "nothing left to hold");
  }

  @Test
  void reservationsOfConnectorZeroAreRefusedWithTheReasonWhy() {
    Harness h = new Harness(2).online();
    h.callOk(new ChangeAvailabilityRequest(0, AvailabilityType.INOPERATIVE));
    assertEquals(ReservationStatus.UNAVAILABLE, reserve(h, 0, 1, "A", HOUR), "TC_050_3");
    h.callOk(new ChangeAvailabilityRequest(0, AvailabilityType.OPERATIVE));

    h.pilots.get(0).fault(GROUND_FAULT);
    h.pilots.get(1).fault(GROUND_FAULT);
    h.run();
    assertEquals(ReservationStatus.FAULTED, reserve(h, 0, 2, "A", HOUR));
    h.pilots.get(0).listener.onFaultCleared("rcm");
    h.pilots.get(1).listener.onFaultCleared("rcm");
    h.run();

    ev(h, 1, PilotState.B);
    ev(h, 2, PilotState.B);
    assertEquals(ReservationStatus.OCCUPIED, reserve(h, 0, 3, "A", HOUR));
  }

  @Test
  void aFaultOrUnavailabilityEndsTheReservation() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    h.pilot().fault(GROUND_FAULT);
    h.run();
    assertEquals(ChargePointStatus.FAULTED, h.status());
    h.pilot().listener.onFaultCleared("rcm");
    h.run();
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(CancelReservationStatus.REJECTED, cancel(h, 7));

    reserve(h, 1, 8, "HOLDER", HOUR);
    h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE));
    h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.OPERATIVE));
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(CancelReservationStatus.REJECTED, cancel(h, 8));
  }

  @Test
  void aCardOfTheSameGroupStillStopsATransactionWhileTheFreeConnectorIsReserved() {
    Harness h = new Harness(2).online();
    h.cs.holdAnswers();
    ev(h, 1, PilotState.C);
    h.card("DRIVER");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("FLEET"))));
    h.replyFriendly();
    h.cs.answerAutomatically();
    assertTrue(h.connector(1).transactionRunning());
    reserve(h, 2, 7, "HOLDER", HOUR);

    h.cs.holdAnswers();
    h.card("PARTNER");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("FLEET"))));
    h.replyFriendly();
    assertFalse(h.connector(1).transactionRunning(), "stopped by a card of the same parent idTag");
    assertEquals(ChargePointStatus.RESERVED, h.status(2));
  }

  @Test
  void reservationsSurviveAReboot() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals("Reserved", lastReported(h, 1), "reported after the boot");
    h.card("OTHER");
    assertEquals(0, authorizeCount(h));
    h.card("HOLDER");
    h.ev(PilotState.C);
    assertEquals(Optional.of(7), lastStart(h).reservationId());
  }

  @Test
  void reservationsThatExpiredWhileTheChargePointWasOffAreDropped() {
    Harness h = new Harness().online();
    reserve(h, 1, 7, "HOLDER", Duration.ofSeconds(60));
    h.cp.stop();
    h.run();
    h.advance(Duration.ofMinutes(5));
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(List.of(), h.storage.load(Reservations.STORAGE_KEY, Reservations.Saved.class).orElseThrow().reservations());
  }

  @Test
  void offlineTheReservationStillHolds() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").online();
    reserve(h, 1, 7, "HOLDER", HOUR);
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("OTHER");
    assertFalse(h.connector(1).transactionRunning(), "unknown cards may charge offline, but not on a reserved connector");
    h.card("HOLDER");
    assertTrue(h.connector(1).transactionRunning());
  }
}
