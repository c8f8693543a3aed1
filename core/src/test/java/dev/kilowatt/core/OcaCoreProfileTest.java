package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.message.UnlockConnectorRequest;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Core-profile test cases of the OCA OCPP 1.6 compliance test document (system under test: Charge Point)
 * that the end-to-end suite does not play, or plays without all of the tool's checks, walked step by step
 * on virtual time. docs/oca-test-cases.md maps every case to its test.
 */
class OcaCoreProfileTest {

  private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());
  private static final IdTagInfo INVALID = new IdTagInfo(AuthorizationStatus.INVALID, Optional.empty(), Optional.empty());

  @Test
  @DisplayName("TC_002_CS Cold boot - Pending: configured while Pending, boots again after the interval, then statuses and heartbeats")
  void tc002ColdBootPending() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    h.cs.peek(BootNotificationRequest.class);
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.PENDING, h.time.now(), 60));
    h.run();

    GetConfigurationResponse all = h.callOk(new GetConfigurationRequest(List.of()));
    assertFalse(all.configurationKey().isEmpty());
    assertEquals(ConfigurationStatus.ACCEPTED, h.callOk(new ChangeConfigurationRequest("MeterValueSampleInterval", "60")).status());
    assertTrue(h.cs.pending().isEmpty(), "nothing but BootNotification goes out while Pending");

    h.advance(Duration.ofSeconds(60));
    h.cs.peek(BootNotificationRequest.class);
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.ACCEPTED, h.time.now(), 300));
    h.run();
    h.replyFriendly();
    assertEquals(List.of("Available"), h.reportedStatuses(0));
    assertEquals(List.of("Available"), h.reportedStatuses(1));

    h.advance(Duration.ofSeconds(299));
    assertEquals(0, h.cs.sent(HeartbeatRequest.class).size());
    h.advance(Duration.ofSeconds(1));
    h.replyFriendly();
    assertEquals(1, h.cs.sent(HeartbeatRequest.class).size(), "a heartbeat every interval of the accepted boot");
    assertEquals("60", value(h, "MeterValueSampleInterval"), "the change made while Pending holds");
  }

  @Test
  @DisplayName("TC_005_2_CS EV side disconnected, StopTransactionOnEVSideDisconnect true, UnlockConnectorOnEVSideDisconnect false")
  void tc005EvSideDisconnectedStopsWithoutUnlocking() {
    Harness h = new Harness().configure("MinimumStatusDuration", "0").configure("StopTransactionOnEVSideDisconnect", "true")
        .configure("UnlockConnectorOnEVSideDisconnect", "false").online();
    h.startCharging();
    h.ev(PilotState.A);
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).get(0);
    assertEquals(Optional.of(Reason.EV_DISCONNECTED), stop.reason());
    assertFalse(h.relay().closed);
    assertEquals(UnlockStatus.NOT_SUPPORTED, h.callOk(new UnlockConnectorRequest(1)).status(),
        "a fixed cable has no lock to open; the test skips the unplugging at the charge point");
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
  }

  @Test
  @DisplayName("TC_005_3_CS EV side disconnected, both keys false: the transaction stays, SuspendedEV, until a remote stop")
  void tc005EvSideDisconnectedKeepsTheTransaction() {
    Harness h = new Harness().configure("MinimumStatusDuration", "0").configure("StopTransactionOnEVSideDisconnect", "false")
        .configure("UnlockConnectorOnEVSideDisconnect", "false").online();
    assertFalse(readonly(h, "StopTransactionOnEVSideDisconnect"), "the test needs the key writable");
    h.startCharging();
    int transactionId = h.connector(1).transactionId().orElseThrow();
    h.ev(PilotState.A);
    assertEquals(List.of(), h.cs.sent(StopTransactionRequest.class));
    assertEquals("SuspendedEV", last(h.reportedStatuses(1)));

    assertEquals(RemoteStartStopStatus.ACCEPTED, h.callOk(new RemoteStopTransactionRequest(transactionId)).status());
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).get(0);
    assertEquals(transactionId, stop.transactionId());
    assertEquals(Optional.of(Reason.REMOTE), stop.reason());
    assertEquals("Available", last(h.reportedStatuses(1)), "nothing is plugged in any more");
  }

  @Test
  @DisplayName("TC_013_CS Hard reset without transaction: Unavailable before, kept across the reboot, Available when made Operative")
  void tc013HardResetKeepsTheConnectorUnavailable() {
    resetKeepsTheConnectorUnavailable(ResetType.HARD, Platform.RebootKind.HARD);
  }

  @Test
  @DisplayName("TC_014_CS Soft reset without transaction: Unavailable before, kept across the reboot, Available when made Operative")
  void tc014SoftResetKeepsTheConnectorUnavailable() {
    resetKeepsTheConnectorUnavailable(ResetType.SOFT, Platform.RebootKind.SOFT);
  }

  private static void resetKeepsTheConnectorUnavailable(ResetType type, Platform.RebootKind kind) {
    Harness h = new Harness().online();
    assertEquals(AvailabilityStatus.ACCEPTED, h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE)).status());
    assertEquals("Unavailable", last(h.reportedStatuses(1)));
    assertEquals(ResetStatus.ACCEPTED, h.callOk(new ResetRequest(type)).status());
    h.advance(Duration.ofSeconds(5));
    assertEquals(List.of(kind), h.platform.reboots);

    h.restartOnline();
    assertEquals(1, h.cs.sent(BootNotificationRequest.class).size(), "booted again, before any status");
    assertEquals(List.of("Unavailable"), h.reportedStatuses(1));
    assertEquals(List.of("Available"), h.reportedStatuses(0));

    assertEquals(AvailabilityStatus.ACCEPTED, h.callOk(new ChangeAvailabilityRequest(1, AvailabilityType.OPERATIVE)).status());
    assertEquals(List.of("Unavailable", "Available"), h.reportedStatuses(1));
  }

  @Test
  @DisplayName("TC_018_2_CS Unlock connector with a charging session, fixed cable: NotSupported, the transaction goes on")
  void tc018UnlockFixedCableDuringATransaction() {
    Harness h = new Harness().online();
    h.startCharging();
    assertEquals(UnlockStatus.NOT_SUPPORTED, h.callOk(new UnlockConnectorRequest(1)).status());
    assertEquals(List.of(), h.cs.sent(StopTransactionRequest.class));
    assertEquals(ChargePointStatus.CHARGING, h.status());
    assertTrue(h.relay().closed);
  }

  @Test
  @DisplayName("TC_019_CS Retrieve configuration: SupportedFeatureProfiles, then every required key of those profiles with its accessibility")
  void tc019RetrieveConfiguration() {
    Harness h = new Harness().configure("AuthorizationKey", "00112233445566778899AABBCCDDEEFF").online();
    GetConfigurationResponse profilesOnly = h.callOk(new GetConfigurationRequest(List.of("SupportedFeatureProfiles")));
    assertEquals(List.of(), profilesOnly.unknownKey());
    assertEquals(1, profilesOnly.configurationKey().size());
    Set<String> profiles = Arrays.stream(profilesOnly.configurationKey().get(0).value().orElseThrow().split(","))
        .map(String::trim).collect(Collectors.toSet());
    assertTrue(profiles.contains("Core"), profiles.toString());

    Map<String, KeyValue> all = h.callOk(new GetConfigurationRequest(List.of())).configurationKey().stream()
        .collect(Collectors.toMap(KeyValue::key, Function.identity()));
    Map<String, Map<String, Boolean>> required = Map.of(
        "Core", Map.ofEntries(
            Map.entry("ClockAlignedDataInterval", false), Map.entry("ConnectionTimeOut", false),
            Map.entry("ConnectorPhaseRotation", false), Map.entry("GetConfigurationMaxKeys", true),
            Map.entry("HeartbeatInterval", false), Map.entry("LocalAuthorizeOffline", false),
            Map.entry("LocalPreAuthorize", false), Map.entry("MeterValuesAlignedData", false),
            Map.entry("MeterValuesSampledData", false), Map.entry("MeterValueSampleInterval", false),
            Map.entry("NumberOfConnectors", true), Map.entry("ResetRetries", false),
            Map.entry("StopTransactionOnEVSideDisconnect", false), Map.entry("StopTransactionOnInvalidId", false),
            Map.entry("StopTxnAlignedData", false), Map.entry("StopTxnSampledData", false),
            Map.entry("SupportedFeatureProfiles", true), Map.entry("TransactionMessageAttempts", false),
            Map.entry("TransactionMessageRetryInterval", false), Map.entry("UnlockConnectorOnEVSideDisconnect", false)),
        "LocalAuthListManagement", Map.of("LocalAuthListEnabled", false, "LocalAuthListMaxLength", true, "SendLocalListMaxLength", true),
        "SmartCharging", Map.of("ChargeProfileMaxStackLevel", true, "ChargingScheduleAllowedChargingRateUnit", true,
            "ChargingScheduleMaxPeriods", true, "MaxChargingProfilesInstalled", true));
    required.forEach((profile, keys) -> {
      if (profiles.contains(profile)) {
        keys.forEach((key, readonly) -> {
          assertTrue(all.containsKey(key), profile + " needs " + key);
          assertEquals(readonly, all.get(key).readonly(), key + (readonly ? " is read-only" : " is read-write"));
        });
      }
    });
    assertTrue(all.containsKey("AuthorizeRemoteTxRequests"), "read-only or read-write, but there");
    assertTrue(all.containsKey("AuthorizationKey"));
    assertEquals(Optional.empty(), all.get("AuthorizationKey").value(), "the key is never read back");
  }

  @Test
  @DisplayName("TC_023_CS Start charging session - authorize invalid: Preparing once plugged in, but no transaction")
  void tc023AuthorizeInvalid() {
    Harness h = new Harness().configure("MinimumStatusDuration", "10").configure("LocalPreAuthorize", "true").online();
    h.cs.holdAnswers();
    h.card("INVALID");
    assertEquals("INVALID", h.reply(AuthorizeRequest.class, new AuthorizeResponse(INVALID)).idTag());
    h.ev(PilotState.B);
    h.advance(Duration.ofSeconds(10));
    h.replyFriendly();
    assertEquals("Preparing", last(h.reportedStatuses(1)));
    assertEquals(List.of(), h.cs.sent(StartTransactionRequest.class));
    assertFalse(h.relay().closed);
  }

  @Test
  @DisplayName("TC_037_1_CS Offline start transaction - valid idTag: StartTransaction and Charging once online again")
  void tc037OfflineStartWithValidIdTag() {
    Harness h = cachedCardOffline();
    h.card("CARD");
    h.ev(PilotState.C);
    assertEquals(ChargePointStatus.CHARGING, h.status());
    assertEquals(List.of(), h.cs.sent(StartTransactionRequest.class));
    h.cs.goOnline();
    h.run();
    assertEquals("CARD", h.cs.sent(StartTransactionRequest.class).get(0).idTag());
    assertEquals("Charging", last(h.reportedStatuses(1)));
  }

  @Test
  @DisplayName("TC_037_2_CS Offline start transaction - invalid idTag, StopTransactionOnInvalidId false: SuspendedEVSE, the transaction stays")
  void tc037OfflineStartInvalidKeepsTheTransaction() {
    Harness h = new Harness().configure("StopTransactionOnInvalidId", "false").configure("MaxEnergyOnInvalidId", "0");
    startedOfflineThenRefused(h);
    h.replyFriendly();
    assertEquals(List.of(), h.cs.sent(StopTransactionRequest.class));
    assertFalse(h.relay().closed);
    assertEquals("SuspendedEVSE", last(h.reportedStatuses(1)));
  }

  @Test
  @DisplayName("TC_037_3_CS Offline start transaction - invalid idTag, StopTransactionOnInvalidId true: StopTransaction DeAuthorized")
  void tc037OfflineStartInvalidStopsTheTransaction() {
    Harness h = new Harness().configure("StopTransactionOnInvalidId", "true");
    startedOfflineThenRefused(h);
    StopTransactionRequest stop = h.reply(StopTransactionRequest.class, new StopTransactionResponse(Optional.empty()));
    assertEquals(Optional.of(Reason.DE_AUTHORIZED), stop.reason());
    h.replyFriendly();
    assertFalse(h.relay().closed);
    assertEquals("Finishing", last(h.reportedStatuses(1)));
  }

  @Test
  @DisplayName("TC_038_CS Offline stop transaction: StopTransaction Local and Finishing once online again")
  void tc038OfflineStop() {
    Harness h = new Harness().online();
    h.startCharging();
    h.cs.goOffline();
    h.run();
    h.card("CARD");
    assertFalse(h.relay().closed);
    h.cs.goOnline();
    h.run();
    assertEquals(Optional.of(Reason.LOCAL), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    assertEquals("Finishing", last(h.reportedStatuses(1)));
  }

  @Test
  @DisplayName("TC_068_CS Stop transaction with the idTag that started it: another card is neither asked about nor stops it")
  void tc068StopWithTheStartingIdTag() {
    Harness h = new Harness().online();
    h.startCharging();
    int authorizations = h.cs.sent(AuthorizeRequest.class).size();
    h.card("OTHER");
    assertEquals(authorizations, h.cs.sent(AuthorizeRequest.class).size(), "no Authorize.req for a card that cannot stop it");
    assertEquals(List.of(), h.cs.sent(StopTransactionRequest.class));
    h.card("CARD");
    assertEquals(Optional.of("CARD"), h.cs.sent(StopTransactionRequest.class).get(0).idTag());
    assertEquals("Finishing", last(h.reportedStatuses(1)));
  }

  /** Online, CARD into the cache (Authorize, then a swipe that ends it), then the link goes down. */
  private static Harness cachedCardOffline() {
    Harness h = new Harness().configure("LocalAuthorizeOffline", "true").configure("AuthorizationCacheEnabled", "true")
        .configure("LocalAuthListEnabled", "true").configure("AllowOfflineTxForUnknownId", "true").online();
    h.card("CARD");
    h.card("CARD");
    h.cs.goOffline();
    h.run();
    return h;
  }

  /**
   * Starts a transaction with an unknown card while offline, comes back, and answers the queued
   * StartTransaction with Invalid; the central system stays in manual mode.
   */
  private static void startedOfflineThenRefused(Harness h) {
    h.configure("LocalAuthorizeOffline", "true").configure("AllowOfflineTxForUnknownId", "true").online();
    h.cs.goOffline();
    h.run();
    h.card("UNKNOWN");
    h.ev(PilotState.C);
    assertEquals(ChargePointStatus.CHARGING, h.status());
    h.cs.holdAnswers();
    h.cs.goOnline();
    StartTransactionRequest start = h.reply(StartTransactionRequest.class, new StartTransactionResponse(INVALID, 12));
    assertEquals("UNKNOWN", start.idTag());
  }

  private static String value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value().orElseThrow();
  }

  private static boolean readonly(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).readonly();
  }

  private static String last(List<String> statuses) {
    return statuses.get(statuses.size() - 1);
  }
}
