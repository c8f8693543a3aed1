package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.AvailabilityStatus;
import eu.chargetime.ocpp.model.core.AvailabilityType;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ClearCacheConfirmation;
import eu.chargetime.ocpp.model.core.ClearCacheRequest;
import eu.chargetime.ocpp.model.core.ClearCacheStatus;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.HeartbeatRequest;
import eu.chargetime.ocpp.model.core.KeyValueType;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetStatus;
import eu.chargetime.ocpp.model.core.ResetType;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.core.UnlockStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Core-profile test cases of the OCA OCPP 1.6 compliance test document (TC_xxx_CS) that apply to this
 * device (one connector, fixed cable, an RFID reader), played end to end: the simulated charger wired by
 * Dagger, over real WebSockets on loopback, against the ChargeTime central system.
 */
class CoreProfileEndToEndTest extends EndToEndFixture {

  // ------------------------------------------------------------------ booting

  @Test
  @DisplayName("TC_001_CS Cold boot charge point: Rejected, boot again after the interval, statuses, heartbeats")
  void tc001ColdBoot() {
    centralSystem.answerBoots(RegistrationStatus.Rejected);
    centralSystem.heartbeatInterval(1);
    charger = Simulator.start(settings(), dev.kilowatt.ocpp.TrafficListener.NONE, line -> { });

    centralSystem.next(BootNotificationRequest.class);
    Request afterRejection = centralSystem.next(Request.class, r -> true);
    assertInstanceOf(BootNotificationRequest.class, afterRejection, "nothing but BootNotification before Accepted");
    StatusNotificationRequest station = centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 0);
    StatusNotificationRequest connector = centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1);
    assertEquals(ChargePointStatus.Available, station.getStatus());
    assertEquals(ChargePointStatus.Available, connector.getStatus());
    centralSystem.next(HeartbeatRequest.class);
    centralSystem.next(HeartbeatRequest.class);
  }

  // ------------------------------------------------------------------ local charging sessions

  @Test
  @DisplayName("TC_003_CS Regular charging session - plugin first")
  void tc003PluginFirst() {
    boot();
    plugInAndCharge();
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);
    type("card " + CARD);
    assertEquals(CARD, centralSystem.next(AuthorizeRequest.class).getIdTag());
    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(1, start.getConnectorId());
    assertEquals(CARD, start.getIdTag());
  }

  @Test
  @DisplayName("TC_004_1_CS Regular charging session - identification first")
  void tc004IdentificationFirst() {
    boot();
    type("card " + CARD);
    centralSystem.next(AuthorizeRequest.class);
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);
    plugInAndCharge();
    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(CARD, start.getIdTag());
  }

  @Test
  @DisplayName("TC_004_2_CS Identification first - ConnectionTimeOut: back to Available when nobody plugs in")
  void tc004ConnectionTimeout() {
    boot();
    assertEquals(ConfigurationStatus.Accepted, changeConfiguration("ConnectionTimeOut", "1"));
    type("card " + CARD);
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);
    centralSystem.nextStatus(1, ChargePointStatus.Available);
    assertTrue(centralSystem.all(StartTransactionRequest.class).isEmpty());
  }

  @Test
  @DisplayName("TC_005_2_CS EV side disconnected: StopTransaction EVDisconnected")
  void tc005EvSideDisconnected() {
    boot();
    StartTransactionRequest start = startCharging();
    int transactionId = centralSystem.transactionIdOf(start);

    type("unplug 1");
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(Reason.EVDisconnected, stop.getReason());
    assertEquals(transactionId, stop.getTransactionId());
    assertTrue(stop.getMeterStop() >= start.getMeterStart(), "meterStop " + stop.getMeterStop() + " < meterStart " + start.getMeterStart());
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Available);
  }

  @Test
  @DisplayName("The EV pauses and resumes: SuspendedEV while it asks for no energy, Charging again after, one transaction")
  void evPausesAndResumes() {
    boot();
    startCharging();
    type("ev-pause 1");
    centralSystem.nextStatus(1, ChargePointStatus.SuspendedEV);
    type("ev-charge 1");
    centralSystem.nextStatus(1, ChargePointStatus.Charging);
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size());
    assertTrue(centralSystem.all(StopTransactionRequest.class).isEmpty());
  }

  @Test
  @DisplayName("TC_007_CS Regular start charging session - cached id: no Authorize.req the second time; local stop by the same card")
  void tc007CachedId() {
    boot(settings().withConfiguration("LocalPreAuthorize", "true"));
    StartTransactionRequest first = startCharging();

    type("card " + CARD);
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(centralSystem.transactionIdOf(first), stop.getTransactionId());
    assertEquals(Reason.Local, Optional.ofNullable(stop.getReason()).orElse(Reason.Local));
    type("unplug 1");
    centralSystem.nextStatus(1, ChargePointStatus.Available);

    type("card " + CARD);
    plugInAndCharge();
    StartTransactionRequest second = centralSystem.next(StartTransactionRequest.class);
    assertEquals(CARD, second.getIdTag());
    assertEquals(1, centralSystem.all(AuthorizeRequest.class).size(), "the cached card needs no second Authorize.req");
  }

  @Test
  @DisplayName("TC_023_CS Start charging session - authorize invalid: no transaction for the card")
  void tc023AuthorizeInvalid() {
    centralSystem.card("0BADCA4D", AuthorizationStatus.Invalid);
    boot();
    plugInAndCharge();
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);

    type("card 0BADCA4D");
    centralSystem.next(AuthorizeRequest.class, a -> a.getIdTag().equals("0BADCA4D"));
    type("card " + CARD);
    StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
    assertEquals(CARD, start.getIdTag(), "the invalid card started nothing; the valid one starts the transaction");
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size());
  }

  // ------------------------------------------------------------------ remote start and stop

  @Test
  @DisplayName("TC_010_CS Remote start charging session - cable plugged in first")
  void tc010RemoteStartCablePluggedInFirst() {
    boot();
    plugInAndCharge();
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);

    assertEquals(RemoteStartStopStatus.Accepted, remoteStart(Optional.of(1)));
    centralSystem.next(AuthorizeRequest.class);
    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(CARD, start.getIdTag());
  }

  @Test
  @DisplayName("TC_011_1_CS Remote start charging session - remote start first")
  void tc011RemoteStartFirst() {
    boot();
    assertEquals(RemoteStartStopStatus.Accepted, remoteStart(Optional.empty()));
    centralSystem.next(AuthorizeRequest.class);
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);

    plugInAndCharge();
    awaitStartedAndCharging();
  }

  @Test
  @DisplayName("TC_011_2_CS Remote start charging session - time out")
  void tc011RemoteStartTimeOut() {
    boot();
    assertEquals(ConfigurationStatus.Accepted, changeConfiguration("ConnectionTimeOut", "1"));
    assertEquals(RemoteStartStopStatus.Accepted, remoteStart(Optional.of(1)));
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);
    centralSystem.nextStatus(1, ChargePointStatus.Available);
    assertTrue(centralSystem.all(StartTransactionRequest.class).isEmpty());
  }

  @Test
  @DisplayName("TC_012_CS Remote stop charging session")
  void tc012RemoteStop() {
    boot();
    int transactionId = centralSystem.transactionIdOf(startCharging());

    RemoteStopTransactionConfirmation answer = centralSystem.call(new RemoteStopTransactionRequest(transactionId));
    assertEquals(RemoteStartStopStatus.Accepted, answer.getStatus());
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(Reason.Remote, stop.getReason());
    assertEquals(transactionId, stop.getTransactionId());
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Finishing);
    type("unplug 1");
    centralSystem.nextStatus(1, ChargePointStatus.Available);
  }

  @Test
  @DisplayName("TC_026_CS / TC_028_CS Remote start and stop rejected: busy connector, unknown transaction")
  void tc026RemoteStartAndStopRejected() {
    boot();
    int transactionId = centralSystem.transactionIdOf(startCharging());

    // TC_027 (connectorId 0) cannot be played: ChargeTime refuses to send it.
    assertEquals(RemoteStartStopStatus.Rejected, remoteStart(Optional.of(1)));
    RemoteStopTransactionConfirmation unknown = centralSystem.call(new RemoteStopTransactionRequest(transactionId + 1));
    assertEquals(RemoteStartStopStatus.Rejected, unknown.getStatus());
  }

  // ------------------------------------------------------------------ reset

  @Test
  @DisplayName("TC_013_CS Hard reset without transaction: reboots and boots again")
  void tc013HardResetWithoutTransaction() {
    resetWithoutTransaction(ResetType.Hard);
  }

  @Test
  @DisplayName("TC_014_CS Soft reset without transaction: reboots and boots again")
  void tc014SoftResetWithoutTransaction() {
    resetWithoutTransaction(ResetType.Soft);
  }

  @Test
  @DisplayName("TC_015_CS Hard reset with transaction: StopTransaction HardReset, then boot")
  void tc015HardResetWithTransaction() {
    resetWithTransaction(ResetType.Hard, Reason.HardReset);
  }

  @Test
  @DisplayName("TC_016_CS Soft reset with transaction: StopTransaction SoftReset, then boot")
  void tc016SoftResetWithTransaction() {
    resetWithTransaction(ResetType.Soft, Reason.SoftReset);
  }

  private void resetWithoutTransaction(ResetType type) {
    boot();
    assertEquals(ResetStatus.Accepted, reset(type));
    centralSystem.next(BootNotificationRequest.class);
    awaitAllConnectorsReported(1);
    assertEquals(2, charger.boots());
  }

  private void resetWithTransaction(ResetType type, Reason reason) {
    boot();
    int transactionId = centralSystem.transactionIdOf(startCharging());

    assertEquals(ResetStatus.Accepted, reset(type));
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(reason, stop.getReason());
    assertEquals(transactionId, stop.getTransactionId());
    centralSystem.next(BootNotificationRequest.class);
    awaitAllConnectorsReported(1);
    assertEquals(1, centralSystem.all(StopTransactionRequest.class).size(), "the transaction is stopped once, not again after the boot");
    awaitConnector(1, c -> !c.transactionRunning(), "connector 1 without a transaction after the reboot");
  }

  // ------------------------------------------------------------------ unlock

  @Test
  @DisplayName("TC_017_2_CS Unlock connector - no charging session running (fixed cable): NotSupported")
  void tc017UnlockFixedCable() {
    boot();
    UnlockConnectorConfirmation answer = centralSystem.call(new UnlockConnectorRequest(1));
    assertEquals(UnlockStatus.NotSupported, answer.getStatus());
  }

  @Test
  @DisplayName("TC_031_CS Unlock connector - unknown connector: NotSupported")
  void tc031UnlockUnknownConnector() {
    boot();
    UnlockConnectorConfirmation answer = centralSystem.call(new UnlockConnectorRequest(7));
    assertEquals(UnlockStatus.NotSupported, answer.getStatus());
  }

  // ------------------------------------------------------------------ availability

  @Test
  @DisplayName("Change availability of the charge point: Inoperative makes every connector Unavailable, Operative restores them")
  void changeAvailabilityOfChargePoint() {
    boot();
    assertEquals(AvailabilityStatus.Accepted, changeAvailability(0, AvailabilityType.Inoperative));
    unavailableReported();
    centralSystem.skipReceived();

    assertEquals(AvailabilityStatus.Accepted, changeAvailability(0, AvailabilityType.Operative));
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 0 && s.getStatus() == ChargePointStatus.Available);
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Available);
  }

  @Test
  @DisplayName("Change availability of a connector with a transaction: Scheduled, Unavailable once the transaction ends")
  void changeAvailabilityScheduled() {
    boot();
    startCharging();
    assertEquals(AvailabilityStatus.Scheduled, changeAvailability(1, AvailabilityType.Inoperative));
    type("unplug 1");
    centralSystem.next(StopTransactionRequest.class);
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Unavailable);
  }

  @Test
  @DisplayName("TC_034_CS Power failure with Unavailable status: the charge point made Inoperative stays Unavailable across a reboot")
  void tc034UnavailableAfterReboot() {
    boot();
    assertEquals(AvailabilityStatus.Accepted, changeAvailability(0, AvailabilityType.Inoperative));
    unavailableReported();
    centralSystem.skipReceived();
    assertEquals(ResetStatus.Accepted, reset(ResetType.Hard));
    centralSystem.next(BootNotificationRequest.class);
    unavailableReported();
  }

  /** The charge point (connector 0) and its connector were both reported Unavailable after the cursor. */
  private void unavailableReported() {
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 0 && s.getStatus() == ChargePointStatus.Unavailable);
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Unavailable);
  }

  // ------------------------------------------------------------------ configuration

  @Test
  @DisplayName("TC_019_CS Retrieve configuration: all keys")
  void tc019RetrieveAllConfigurationKeys() {
    boot();
    GetConfigurationConfirmation answer = centralSystem.call(new GetConfigurationRequest());
    Map<String, String> values = Arrays.stream(answer.getConfigurationKey())
        .collect(Collectors.toMap(KeyValueType::getKey, k -> Optional.ofNullable(k.getValue()).orElse("")));
    assertTrue(values.keySet().containsAll(List.of("HeartbeatInterval", "MeterValueSampleInterval", "ConnectionTimeOut",
        "AuthorizeRemoteTxRequests", "NumberOfConnectors", "SupportedFeatureProfiles", "GetConfigurationMaxKeys")), values.toString());
    assertEquals("1", values.get("NumberOfConnectors"));
    assertTrue(values.get("SupportedFeatureProfiles").contains("Core"));
    assertTrue(answer.getUnknownKey() == null || answer.getUnknownKey().length == 0);
  }

  @Test
  @DisplayName("TC_019_CS Retrieve configuration: a specific key, and an unknown one")
  void tc019RetrieveSpecificConfigurationKey() {
    boot();
    GetConfigurationRequest request = new GetConfigurationRequest();
    request.setKey(new String[] {"HeartbeatInterval", "NoSuchKey"});
    GetConfigurationConfirmation answer = centralSystem.call(request);
    assertEquals(1, answer.getConfigurationKey().length);
    assertEquals("HeartbeatInterval", answer.getConfigurationKey()[0].getKey());
    assertEquals(List.of("NoSuchKey"), List.of(answer.getUnknownKey()));
  }

  @Test
  @DisplayName("TC_021_CS Change configuration, read back; TC_040_1_CS unknown key NotSupported; TC_040_2_CS bad value Rejected")
  void tc021ChangeConfiguration() {
    boot();
    assertEquals(ConfigurationStatus.Accepted, changeConfiguration("MeterValueSampleInterval", "15"));
    GetConfigurationRequest request = new GetConfigurationRequest();
    request.setKey(new String[] {"MeterValueSampleInterval"});
    GetConfigurationConfirmation answer = centralSystem.call(request);
    assertEquals("15", answer.getConfigurationKey()[0].getValue());

    assertEquals(ConfigurationStatus.NotSupported, changeConfiguration("NoSuchKey", "1"));
    assertEquals(ConfigurationStatus.Rejected, changeConfiguration("MeterValueSampleInterval", "-5"));
    assertEquals(ConfigurationStatus.Rejected, changeConfiguration("HeartbeatInterval", "often"));
  }

  // ------------------------------------------------------------------ cache and data transfer

  @Test
  @DisplayName("TC_061_CS Clear authorization data in authorization cache")
  void tc061ClearCache() {
    boot(settings().withConfiguration("LocalPreAuthorize", "true"));
    type("card " + CARD);
    centralSystem.next(AuthorizeRequest.class);
    centralSystem.nextStatus(1, ChargePointStatus.Preparing);
    type("card " + CARD);
    centralSystem.nextStatus(1, ChargePointStatus.Available);

    ClearCacheConfirmation answer = centralSystem.call(new ClearCacheRequest());
    assertEquals(ClearCacheStatus.Accepted, answer.getStatus());
    type("card " + CARD);
    centralSystem.next(AuthorizeRequest.class);
  }

  @Test
  @DisplayName("TC_062_CS Data transfer to the charge point: unknown vendor")
  void tc062DataTransferToChargePoint() {
    boot();
    DataTransferRequest request = new DataTransferRequest("com.example.unknown");
    request.setData("hello");
    DataTransferConfirmation answer = centralSystem.call(request);
    assertEquals(DataTransferStatus.UnknownVendorId, answer.getStatus());
  }

  @Test
  @DisplayName("Data transfer to the central system (the charge point's side of TC_064_CSMS)")
  void tc064DataTransferToCentralSystem() throws Exception {
    boot();
    var answer = charger.chargePoint().dataTransfer("dev.kilowatt", Optional.of("Ping"), Optional.of("42"))
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("Accepted", answer.status().ocppValue());
    DataTransferRequest received = centralSystem.next(DataTransferRequest.class);
    assertEquals("dev.kilowatt", received.getVendorId());
    assertEquals("Ping", received.getMessageId());
    assertEquals("42", received.getData());
  }

  // ------------------------------------------------------------------ offline

  @Test
  @DisplayName("TC_039_CS Offline transaction: queued Start and Stop delivered in order, Stop with the assigned transactionId")
  void tc039OfflineTransaction() {
    boot(settings().withConfiguration("AllowOfflineTxForUnknownId", "true"));
    centralSystem.goOffline();
    awaitOffline();

    type("card " + CARD);
    plugInAndCharge();
    awaitConnector(1, c -> c.state() == dev.kilowatt.core.ConnectorState.CHARGING, "charging while offline");
    type("unplug 1");
    awaitConnector(1, c -> !c.transactionRunning(), "the offline transaction to end");

    centralSystem.goOnline();
    StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(centralSystem.transactionIdOf(start), stop.getTransactionId());
    assertEquals(Reason.EVDisconnected, stop.getReason());
    assertTrue(start.getTimestamp().isBefore(stop.getTimestamp()));
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size());
    assertEquals(1, centralSystem.all(StopTransactionRequest.class).size());
  }

  @Test
  @DisplayName("TC_036_CS Connection loss during transaction: meter values kept and delivered in order, stop after reconnection")
  void tc036ConnectionLossDuringTransaction() {
    boot(settings().withConfiguration("MeterValueSampleInterval", "1"));
    StartTransactionRequest start = startCharging();
    int transactionId = centralSystem.transactionIdOf(start);

    centralSystem.goOffline();
    awaitOffline();
    double energyAtLoss = awaitConnector(1, c -> true, "connector 1").energyWh();
    awaitConnector(1, c -> c.energyWh() >= energyAtLoss + 3, "three more Wh charged while offline");
    int deliveredBefore = centralSystem.all(MeterValuesRequest.class).size();
    centralSystem.goOnline();

    centralSystem.skipReceived();
    type("unplug 1");
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(transactionId, stop.getTransactionId());
    List<MeterValuesRequest> values = centralSystem.all(MeterValuesRequest.class);
    assertTrue(values.size() >= deliveredBefore + 2, "meter values sampled offline reach the central system: " + values.size());
    for (int i = 1; i < values.size(); i++) {
      assertEquals(transactionId, values.get(i).getTransactionId());
      assertTrue(values.get(i - 1).getMeterValue()[0].getTimestamp().isBefore(values.get(i).getMeterValue()[0].getTimestamp()),
          "meter values in the order they were taken");
    }
  }

  // ------------------------------------------------------------------ helpers

  private RemoteStartStopStatus remoteStart(Optional<Integer> connector) {
    RemoteStartTransactionRequest request = new RemoteStartTransactionRequest(CARD);
    connector.ifPresent(request::setConnectorId);
    RemoteStartTransactionConfirmation answer = centralSystem.call(request);
    return answer.getStatus();
  }

  private ResetStatus reset(ResetType type) {
    ResetConfirmation answer = centralSystem.call(new ResetRequest(type));
    return answer.getStatus();
  }

  private AvailabilityStatus changeAvailability(int connector, AvailabilityType type) {
    ChangeAvailabilityRequest request = new ChangeAvailabilityRequest(connector, type);
    ChangeAvailabilityConfirmation answer = centralSystem.call(request);
    return answer.getStatus();
  }
}
