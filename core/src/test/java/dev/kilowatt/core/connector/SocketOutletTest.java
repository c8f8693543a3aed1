package dev.kilowatt.core.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.FakeHardware;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.FakeHardware.FakeLock;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.UnlockConnectorRequest;
import dev.kilowatt.core.message.UnlockConnectorResponse;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A socket outlet whose lock holds the plug during a session (OCPP 1.6 section 5.18, UnlockConnectorOnEVSideDisconnect). */
class SocketOutletTest {

  private static FakeLock lock(Harness h) {
    return h.locks.get(0);
  }

  @Test
  void theLockHoldsThePlugFromPlugInAndTheRelayClosesOnlyOnceItDoes() {
    Harness h = new Harness().sockets().online();
    assertEquals(List.of(), lock(h).commands, "nothing plugged in, nothing to hold");
    h.card("CARD");
    h.ev(PilotState.B);
    assertEquals(List.of("lock"), lock(h).commands);
    assertTrue(lock(h).locked);
    h.ev(PilotState.C);
    assertTrue(h.relay().closed);
    assertEquals(ChargePointStatus.CHARGING, h.status());
  }

  @Test
  void aStoppedSessionReleasesThePlugWhileTheEvIsStillPluggedIn() {
    Harness h = new Harness().sockets().online();
    h.startCharging();
    h.card("CARD");
    assertEquals(List.of("lock", "unlock"), lock(h).commands);
    assertFalse(lock(h).locked);
    assertEquals(ChargePointStatus.FINISHING, h.status());
  }

  @Test
  void aNewSessionOnAPlugStillInTheSocketHoldsItAgainBeforeCharging() {
    Harness h = new Harness().sockets().online();
    h.startCharging();
    h.card("CARD");
    assertFalse(lock(h).locked);
    h.card("CARD");
    assertEquals(List.of("lock", "unlock", "lock"), lock(h).commands);
    assertTrue(h.relay().closed);
    assertEquals(ChargePointStatus.CHARGING, h.status());
  }

  @Test
  void anUnavailableSocketDoesNotKeepAPlug() {
    Harness h = new Harness().sockets().online();
    h.call(new dev.kilowatt.core.message.ChangeAvailabilityRequest(1, dev.kilowatt.core.message.AvailabilityType.INOPERATIVE));
    h.ev(PilotState.B);
    assertEquals(List.of(), lock(h).commands);
  }

  @Test
  void unlockConnectorDuringATransactionStopsItWithUnlockCommandThenAnswersUnlocked() {
    Harness h = new Harness().sockets().online();
    h.startCharging();
    int before = h.cs.wire().size();
    Object answer = h.call(new UnlockConnectorRequest(1));
    assertEquals(new UnlockConnectorResponse(UnlockStatus.UNLOCKED), answer);
    List<Object> wire = h.cs.wire().subList(before, h.cs.wire().size());
    int stop = indexOf(wire, StopTransactionRequest.class);
    int unlocked = indexOf(wire, UnlockConnectorResponse.class);
    assertTrue(stop >= 0 && stop < unlocked, "StopTransaction first, then the answer: " + wire);
    assertEquals(Optional.of(Reason.UNLOCK_COMMAND), ((StopTransactionRequest) wire.get(stop)).reason());
    assertFalse(lock(h).locked);
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.FINISHING, h.status());
  }

  @Test
  void aStuckLockAnswersUnlockFailedAndFaultsTheConnectorWithConnectorLockFailure() {
    Harness h = new Harness().sockets().online();
    h.startCharging();
    lock(h).stuck = true;
    assertEquals(new UnlockConnectorResponse(UnlockStatus.UNLOCK_FAILED), h.call(new UnlockConnectorRequest(1)));
    assertTrue(lock(h).locked, "the actuator did not move");
    assertEquals(ChargePointStatus.FAULTED, h.status());
    assertEquals(ConnectorFault.CONNECTOR_LOCK_FAILURE, h.connector(1).fault());
    StatusNotificationRequest last = h.cs.sent(StatusNotificationRequest.class).getLast();
    assertEquals(ChargePointStatus.FAULTED, last.status());
    assertEquals(ChargePointErrorCode.CONNECTOR_LOCK_FAILURE, last.errorCode());
  }

  @Test
  void aLockThatDoesNotEngageKeepsTheRelayOpen() {
    Harness h = new Harness().sockets().online();
    lock(h).stuck = true;
    h.card("CARD");
    h.ev(PilotState.C);
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.FAULTED, h.status());
  }

  @Test
  void aSilentLockIsAnsweredUnlockFailedAfterTheLimit() {
    Harness h = new Harness().sockets().online();
    h.startCharging();
    lock(h).stuck = true;
    h.call(new UnlockConnectorRequest(1));
    // the first attempt faulted the lock; the second has nothing new to report
    String id = h.cs.call(new UnlockConnectorRequest(1));
    h.run();
    assertFalse(h.cs.replyTo(id).isPresent());
    h.advance(Duration.ofSeconds(10));
    assertEquals(Optional.of(new UnlockConnectorResponse(UnlockStatus.UNLOCK_FAILED)), h.cs.replyTo(id));
  }

  @Test
  void unpluggedAtTheEvTheSocketReleasesThePlugWhenUnlockConnectorOnEvSideDisconnectIsTrue() {
    Harness h = new Harness().configure("UnlockConnectorOnEVSideDisconnect", "true").sockets().online();
    h.startCharging();
    h.ev(PilotState.A);
    assertEquals(Optional.of(Reason.EV_DISCONNECTED), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    assertFalse(lock(h).locked);
  }

  @Test
  void unpluggedAtTheEvTheSocketKeepsThePlugUntilUnlockConnectorWhenTheKeyIsFalse() {
    Harness h = new Harness().configure("UnlockConnectorOnEVSideDisconnect", "false").sockets().online();
    h.startCharging();
    h.ev(PilotState.A);
    assertEquals(Optional.of(Reason.EV_DISCONNECTED), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    assertTrue(lock(h).locked, "TC_005_2_CS: the cable stays locked at the charge point");
    assertEquals(new UnlockConnectorResponse(UnlockStatus.UNLOCKED), h.call(new UnlockConnectorRequest(1)));
    assertFalse(lock(h).locked);
    assertEquals(1, h.cs.sent(StopTransactionRequest.class).size(), "no transaction left to stop");
  }

  @Test
  void onAFixedCableUnlockConnectorOnEvSideDisconnectIsReadWriteAcceptedBothWaysAndChangesNothing() {
    // TC_005_2_CS and TC_005_3_CS run on fixed cables too, and set the key to false before they start
    List<List<Object>> sessions = new ArrayList<>();
    for (String value : List.of("true", "false")) {
      Harness h = new Harness().configure("MinimumStatusDuration", "0").online();
      KeyValue key = h.callOk(new GetConfigurationRequest(List.of("UnlockConnectorOnEVSideDisconnect"))).configurationKey().getFirst();
      assertFalse(key.readonly(), "OCPP 1.6 section 9.1 makes it a required read-write key of the Core profile");
      assertEquals(ConfigurationStatus.ACCEPTED,
          h.callOk(new ChangeConfigurationRequest("UnlockConnectorOnEVSideDisconnect", value)).status());
      h.startCharging();
      h.ev(PilotState.A);
      sessions.add(List.of(h.reportedStatuses(1), h.cs.sent(StopTransactionRequest.class).get(0).reason(),
          h.call(new UnlockConnectorRequest(1))));
    }
    assertEquals(List.of(List.of("Available", "Preparing", "Charging", "Available"), Optional.of(Reason.EV_DISCONNECTED),
        new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED)), sessions.get(0));
    assertEquals(sessions.get(0), sessions.get(1), "no lock holds a fixed cable, so both values mean the same");
  }

  @Test
  void aFixedCableOrAnUnknownConnectorHasNothingToUnlock() {
    Harness h = new Harness().online();
    assertEquals(new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED), h.call(new UnlockConnectorRequest(1)));
    assertEquals(new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED), h.call(new UnlockConnectorRequest(2)));
  }

  private static int indexOf(List<Object> wire, Class<?> type) {
    for (int i = 0; i < wire.size(); i++) {
      if (type.isInstance(wire.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
