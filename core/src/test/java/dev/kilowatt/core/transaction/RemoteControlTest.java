package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FakeHardware;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.FakeHardware.FakePlatform;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.DataTransferRequest;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.message.DataTransferStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.UnlockConnectorRequest;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteControlTest {

  private static RemoteStartStopStatus remoteStart(Harness h, Optional<Integer> connector, String idTag) {
    return h.callOk(new RemoteStartTransactionRequest(connector, idTag, Optional.empty())).status();
  }

  @Test
  void remoteStartAuthorizesThenStartsWhenTheEvIsPlugged() {
    Harness h = new Harness().online();
    assertEquals(RemoteStartStopStatus.ACCEPTED, remoteStart(h, Optional.of(1), "REMOTE"));
    assertEquals("REMOTE", h.cs.sent(AuthorizeRequest.class).get(0).idTag());
    assertEquals(ChargePointStatus.PREPARING, h.status());
    h.ev(PilotState.C);
    assertEquals("REMOTE", h.cs.sent(StartTransactionRequest.class).get(0).idTag());
  }

  @Test
  void remoteStartWithoutAuthorizationWhenAuthorizeRemoteTxRequestsIsOff() {
    Harness h = new Harness().configure("AuthorizeRemoteTxRequests", "false").online();
    h.ev(PilotState.B);
    assertEquals(RemoteStartStopStatus.ACCEPTED, remoteStart(h, Optional.empty(), "REMOTE"));
    assertEquals(0, h.cs.sent(AuthorizeRequest.class).size());
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size());
  }

  @Test
  void remoteStartIsRejectedForConnectorZeroUnknownConnectorsAndBusyConnectors() {
    Harness h = new Harness().online();
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.of(0), "X"));
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.of(2), "X"));
    h.ev(PilotState.C);
    h.card("OWNER");
    assertEquals(RemoteStartStopStatus.REJECTED, remoteStart(h, Optional.of(1), "X"));
  }

  @Test
  void remoteStopStopsTheMatchingTransactionOnly() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("OWNER");
    assertEquals(RemoteStartStopStatus.REJECTED, h.callOk(new RemoteStopTransactionRequest(999)).status());
    assertEquals(RemoteStartStopStatus.ACCEPTED, h.callOk(new RemoteStopTransactionRequest(100)).status());
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).get(0);
    assertEquals(Optional.of(Reason.REMOTE), stop.reason());
    assertFalse(h.relay().closed);
  }

  /** A charging session on 200 ms flash, just after the central system answered its StartTransaction with id 100. */
  @Test
  void aRemoteStopThatArrivesWhileTheStartAnswerIsBeingSavedIsAnsweredOnceItIsSaved() {
    // A central system may stop a transaction as soon as it has handed out its id; the charge point holds
    // the id for its own only once the answer is durable, which on slow flash takes a while.
    Harness h = Harness.startAnswerBeingSaved();
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size(), "the start was saved and sent, and answered");
    assertTrue(h.connector(1).transactionId().isEmpty(), "the start answer is still being saved");

    String stop = h.cs.call(new RemoteStopTransactionRequest(100));
    h.run();
    assertTrue(h.cs.replyTo(stop).isEmpty(), "answered before the charge point knew transaction 100 as its own");
    h.advance(Duration.ofSeconds(1));
    assertEquals(RemoteStartStopStatus.ACCEPTED,
        h.cs.replyTo(stop, dev.kilowatt.core.message.RemoteStopTransactionResponse.class).status());
    assertEquals(Optional.of(Reason.REMOTE), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    assertEquals(100, h.cs.sent(StopTransactionRequest.class).get(0).transactionId());
  }

  @Test
  void aRemoteStopWaitingForAStartAnswerWhoseSaveFailsIsRejectedAtOnceNotWhenTheJournalRecovers() {
    Harness h = Harness.startAnswerBeingSaved();
    h.flash.failWrites(true);
    String stop = h.cs.call(new RemoteStopTransactionRequest(100));
    h.advance(Duration.ofSeconds(1));
    assertEquals(RemoteStartStopStatus.REJECTED,
        h.cs.replyTo(stop, dev.kilowatt.core.message.RemoteStopTransactionResponse.class).status(),
        "the id is not the charge point's while its answer cannot be saved; the central system is not kept waiting for the medium");

    h.flash.failWrites(false);
    h.advance(Duration.ofMinutes(1));
    assertEquals(Optional.of(100), h.connector(1).transactionId(), "the held answer is saved once the journal recovers");
    assertTrue(h.cs.sent(StopTransactionRequest.class).isEmpty(), "the rejected stop is not carried out later");
  }

  @Test
  void aRemoteStopForAnotherIdWhileAStartAnswerIsBeingSavedIsStillRejected() {
    Harness h = Harness.startAnswerBeingSaved();
    String stop = h.cs.call(new RemoteStopTransactionRequest(999));
    h.advance(Duration.ofSeconds(1));
    assertEquals(RemoteStartStopStatus.REJECTED,
        h.cs.replyTo(stop, dev.kilowatt.core.message.RemoteStopTransactionResponse.class).status());
    assertTrue(h.cs.sent(StopTransactionRequest.class).isEmpty());
  }

  @Test
  void hardResetStopsTransactionsThenReboots() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("OWNER");
    assertEquals(dev.kilowatt.core.message.ResetStatus.ACCEPTED, h.callOk(new ResetRequest(ResetType.HARD)).status());
    h.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(Reason.HARD_RESET), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    assertEquals(List.of(Platform.RebootKind.HARD), h.platform.reboots);
  }

  @Test
  void softResetWaitsForTheStopToBeDelivered() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("OWNER");
    h.cs.holdAnswers();
    h.call(new ResetRequest(ResetType.SOFT));
    h.cs.peek(StopTransactionRequest.class);
    h.advance(Duration.ofSeconds(2));
    assertTrue(h.platform.reboots.isEmpty(), "the StopTransaction is still in flight");
    h.replyFriendly();
    assertTrue(h.cs.sent(SecurityEventNotificationRequest.class).stream().anyMatch(e -> e.type().equals("ResetOrReboot")),
        "the security event goes out before the reboot too");
    h.advance(Duration.ofMillis(200));
    assertEquals(List.of(Platform.RebootKind.SOFT), h.platform.reboots);
    assertInstanceOf(FakePlatform.class, h.platform);
  }

  @Test
  void changeAvailabilityIsScheduledDuringATransactionAndSurvivesAReboot() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("OWNER");
    assertEquals(AvailabilityStatus.SCHEDULED, h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE)).status());
    assertEquals(ChargePointStatus.CHARGING, h.status());
    h.card("OWNER");
    h.ev(PilotState.A);
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
    assertEquals(-1.0, h.pilot().signalled, "state F while unavailable");

    h.restart();
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
    h.cs.goOnline();
    h.run();
    assertEquals(AvailabilityStatus.ACCEPTED, h.callOk(new ChangeAvailabilityRequest(0, AvailabilityType.OPERATIVE)).status());
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status(), "connector 1 itself is still inoperative");
    assertEquals(AvailabilityStatus.ACCEPTED, h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.OPERATIVE)).status());
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(AvailabilityStatus.REJECTED, h.callOk(new ChangeAvailabilityRequest(7, AvailabilityType.OPERATIVE)).status());
  }

  @Test
  void wholeChargePointInoperativeMakesConnectorZeroUnavailable() {
    Harness h = new Harness().online();
    assertEquals(AvailabilityStatus.ACCEPTED, h.callOk(new ChangeAvailabilityRequest(0, AvailabilityType.INOPERATIVE)).status());
    assertEquals(List.of("Available", "Unavailable"), h.reportedStatuses(0));
    assertEquals(List.of("Available", "Unavailable"), h.reportedStatuses(1));
    h.card("CARD");
    assertEquals(ChargePointStatus.UNAVAILABLE, h.status());
  }

  @Test
  void unlockingAFixedCableIsNotSupported() {
    Harness h = new Harness().online();
    assertEquals(UnlockStatus.NOT_SUPPORTED, h.callOk(new UnlockConnectorRequest(1)).status());
  }

  @Test
  void dataTransferGoesToTheVendorsHandler() {
    Harness h = new Harness().customize(b -> b.dataTransferHandler("com.acme",
        (messageId, data) -> new DataTransferResponse(DataTransferStatus.ACCEPTED, data.map(String::toUpperCase)))).online();
    DataTransferResponse known = h.callOk(new DataTransferRequest("com.acme", Optional.of("echo"), Optional.of("hi")));
    assertEquals(DataTransferStatus.ACCEPTED, known.status());
    assertEquals(Optional.of("HI"), known.data());
    assertEquals(DataTransferStatus.UNKNOWN_VENDOR_ID,
        h.callOk(new DataTransferRequest("org.other", Optional.empty(), Optional.empty())).status());
  }

  @Test
  void dataTransferToTheCentralSystem() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    var answer = h.cp.dataTransfer("com.acme", Optional.of("hello"), Optional.empty());
    h.reply(DataTransferRequest.class, new DataTransferResponse(DataTransferStatus.ACCEPTED, Optional.of("world")));
    assertEquals(Optional.of("world"), answer.join().data());
  }

  @Test
  void getConfigurationListsKnownAndUnknownKeysAndHidesSecrets() {
    Harness h = new Harness().online();
    GetConfigurationResponse some = h.callOk(new GetConfigurationRequest(List.of("HeartbeatInterval", "NoSuchKey", "NumberOfConnectors")));
    assertEquals(List.of(new KeyValue("HeartbeatInterval", false, Optional.of("300")), new KeyValue("NumberOfConnectors", true, Optional.of("1"))),
        some.configurationKey());
    assertEquals(List.of("NoSuchKey"), some.unknownKey());
    GetConfigurationResponse all = h.callOk(new GetConfigurationRequest(List.of()));
    KeyValue secret = all.configurationKey().stream().filter(k -> k.key().equals("AuthorizationKey")).findFirst().orElseThrow();
    assertEquals(Optional.empty(), secret.value());
    assertEquals("Core,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", all.configurationKey().stream().filter(k -> k.key().equals("SupportedFeatureProfiles")).findFirst()
        .orElseThrow().value().orElseThrow());
  }

  @Test
  void getConfigurationRefusesMoreKeysThanGetConfigurationMaxKeys() {
    Harness h = new Harness().online();
    Object answer = h.call(new GetConfigurationRequest(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")));
    assertEquals(CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION, assertInstanceOf(CallError.class, answer).code());
  }

  @Test
  void changeConfigurationValidatesPersistsAndApplies() {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.NOT_SUPPORTED, h.callOk(new ChangeConfigurationRequest("NoSuchKey", "1")).status());
    assertEquals(ConfigurationStatus.REJECTED, h.callOk(new ChangeConfigurationRequest("NumberOfConnectors", "2")).status());
    assertEquals(ConfigurationStatus.REJECTED, h.callOk(new ChangeConfigurationRequest("HeartbeatInterval", "abc")).status());
    assertEquals(ConfigurationStatus.REJECTED, h.callOk(new ChangeConfigurationRequest("HeartbeatInterval", "5")).status(), "below 10");
    assertEquals(ConfigurationStatus.REJECTED, h.callOk(new ChangeConfigurationRequest("MeterValuesSampledData", "Temperature")).status());
    assertEquals(ConfigurationStatus.REJECTED, h.callOk(new ChangeConfigurationRequest("StopTransactionOnInvalidId", "yes")).status());
    assertEquals(ConfigurationStatus.ACCEPTED, h.callOk(new ChangeConfigurationRequest("HeartbeatInterval", "20")).status());
    assertEquals(ConfigurationStatus.ACCEPTED, h.callOk(new ChangeConfigurationRequest("LocalPreAuthorize", "TRUE")).status());
    h.advance(Duration.ofSeconds(20));
    assertEquals(1, h.cs.sent(dev.kilowatt.core.message.HeartbeatRequest.class).size(), "the new interval applies at once");

    h.restart();
    GetConfigurationResponse after = h.callOk(new GetConfigurationRequest(List.of("HeartbeatInterval", "LocalPreAuthorize")));
    assertEquals(List.of(Optional.of("20"), Optional.of("true")), after.configurationKey().stream().map(KeyValue::value).toList());
  }

  @Test
  void actionsOfUnsupportedProfilesAreNotImplemented() {
    Harness h = new Harness().online();
    Object answer = h.call(new dev.kilowatt.core.message.UpdateFirmwareRequest("https://example.com/fw.bin", Optional.empty(),
        Harness.START, Optional.empty()));
    assertEquals(CallError.Code.NOT_IMPLEMENTED, assertInstanceOf(CallError.class, answer).code());
  }

  @Test
  void minimumStatusDurationHoldsBackShortLivedStatuses() {
    Harness h = new Harness().configure("MinimumStatusDuration", "5").online();
    h.advance(Duration.ofSeconds(5));
    h.ev(PilotState.B);
    h.advance(Duration.ofSeconds(2));
    h.ev(PilotState.A);
    h.advance(Duration.ofSeconds(10));
    assertEquals(List.of("Available"), h.reportedStatuses(1), "Preparing lasted 2 s: never reported");
    h.ev(PilotState.B);
    h.advance(Duration.ofSeconds(5));
    assertEquals(List.of("Available", "Preparing"), h.reportedStatuses(1));
  }
}
