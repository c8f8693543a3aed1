package dev.kilowatt.core.authorization;

import static dev.kilowatt.core.authorization.LocalAuthListTest.ACCEPTED;
import static dev.kilowatt.core.authorization.LocalAuthListTest.BLOCKED;
import static dev.kilowatt.core.authorization.LocalAuthListTest.differential;
import static dev.kilowatt.core.authorization.LocalAuthListTest.entry;
import static dev.kilowatt.core.authorization.LocalAuthListTest.full;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetLocalListVersionRequest;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Local Authorization List inside the charge point: how it authorizes, next to the cache, online and offline. */
class LocalAuthorizationTest {

  private static int version(Harness h) {
    return h.callOk(new GetLocalListVersionRequest()).listVersion();
  }

  private static UpdateStatus send(Harness h, SendLocalListRequest request) {
    return h.callOk(request).status();
  }

  private static boolean charging(Harness h) {
    return h.connector(1).transactionRunning();
  }

  @Test
  void versionFollowsUpdatesAndIsMinusOneWhileTheListIsDisabled() {
    Harness h = new Harness().online();
    assertEquals(0, version(h));
    assertEquals(UpdateStatus.ACCEPTED, send(h, full(2, entry("A", ACCEPTED))));
    assertEquals(2, version(h));
    assertEquals(UpdateStatus.ACCEPTED, send(h, differential(5, entry("B", ACCEPTED))));
    assertEquals(5, version(h));
    assertEquals(UpdateStatus.VERSION_MISMATCH, send(h, differential(4, entry("C", ACCEPTED))), "TC_043_2_CS");
    assertEquals(5, version(h));

    h.callOk(new ChangeConfigurationRequest("LocalAuthListEnabled", "false"));
    assertEquals(-1, version(h), "TC_042_1_CS");
    assertEquals(UpdateStatus.NOT_SUPPORTED, send(h, full(6, entry("C", ACCEPTED))), "the answer TC_043_1_CS expects of a charger without the list");
  }

  @Test
  void theProfilesKeysAreReported() {
    Harness h = new Harness().online();
    List<String> names = List.of("LocalAuthListEnabled", "LocalAuthListMaxLength", "SendLocalListMaxLength", "ReserveConnectorZeroSupported");
    List<KeyValue> keys = h.callOk(new GetConfigurationRequest(names)).configurationKey();
    assertEquals(List.of(new KeyValue("LocalAuthListEnabled", false, Optional.of("true")),
        new KeyValue("LocalAuthListMaxLength", true, Optional.of("50000")),
        new KeyValue("SendLocalListMaxLength", true, Optional.of("5000")),
        new KeyValue("ReserveConnectorZeroSupported", true, Optional.of("true"))), keys);
    assertEquals(ConfigurationStatus.REJECTED, h.callOk(new ChangeConfigurationRequest("LocalAuthListMaxLength", "10")).status());
  }

  @Test
  void listedCardChargesOffline() {
    Harness h = new Harness().online();
    send(h, full(1, entry("LISTED", ACCEPTED), entry("BARRED", BLOCKED)));
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("BARRED");
    assertFalse(charging(h), "listed as Blocked");
    h.card("STRANGER");
    assertFalse(charging(h), "unknown, and AllowOfflineTxForUnknownId is false");
    h.card("LISTED");
    assertTrue(charging(h));
    h.cs.goOnline();
    h.run();
    assertEquals("LISTED", h.cs.sent(StartTransactionRequest.class).get(0).idTag(), "delivered once online");
  }

  @Test
  void expiredListEntryIsRefusedOffline() {
    Harness h = new Harness().online();
    IdTagInfo untilSoon = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.of(Harness.START.plusSeconds(60)), Optional.empty());
    send(h, full(1, entry("SOON", untilSoon)));
    h.cs.goOffline();
    h.run();
    h.advance(Duration.ofSeconds(61));
    h.ev(PilotState.C);
    h.card("SOON");
    assertFalse(charging(h));
  }

  @Test
  void theListTakesPrecedenceOverTheCache() {
    Harness h = new Harness().online();
    h.card("CARD");
    h.card("CARD");
    assertEquals(1, h.cs.sent(AuthorizeRequest.class).size(), "now cached as Accepted");
    send(h, full(1, entry("CARD", BLOCKED)));
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("CARD");
    assertFalse(charging(h), "the list says Blocked, the cache Accepted: the list wins");
  }

  @Test
  void listedIdTagsStayOutOfTheCache() {
    Harness h = new Harness().online();
    send(h, full(1, entry("LISTED", ACCEPTED)));
    h.card("LISTED");
    h.card("LISTED");
    List<KnownIdTag> cached = h.storage.load(Authorization.CACHE_KEY, Authorization.CacheEntries.class)
        .map(Authorization.CacheEntries::entries).orElse(List.of());
    assertTrue(cached.stream().noneMatch(e -> e.idTag().equals("LISTED")), cached.toString());
  }

  @Test
  void localPreAuthorizeStartsListedCardsWithoutAuthorize() {
    Harness h = new Harness().configure("LocalPreAuthorize", "true").configure("AuthorizationCacheEnabled", "false").online();
    send(h, full(1, entry("LISTED", ACCEPTED)));
    h.card("LISTED");
    assertEquals(ChargePointStatus.PREPARING, h.status(), "TC_008");
    h.ev(PilotState.C);
    assertTrue(charging(h));
    assertEquals(0, h.cs.sent(AuthorizeRequest.class).size());
  }

  @Test
  void aDisabledListIsNotConsulted() {
    Harness h = new Harness().online();
    send(h, full(1, entry("LISTED", ACCEPTED)));
    h.callOk(new ChangeConfigurationRequest("LocalAuthListEnabled", "false"));
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("LISTED");
    assertFalse(charging(h));
  }

  @Test
  void aContradictionFromTheCentralSystemIsReportedOnConnectorZeroUntilANewListArrives() {
    Harness h = new Harness().configure("LocalPreAuthorize", "true").online();
    send(h, full(1, entry("LISTED", ACCEPTED)));
    h.cs.holdAnswers();
    h.ev(PilotState.C);
    h.card("LISTED");
    h.reply(StartTransactionRequest.class, new StartTransactionResponse(BLOCKED, 42));
    h.replyFriendly();
    StatusNotificationRequest conflict = lastOfConnectorZero(h);
    assertEquals(ChargePointErrorCode.LOCAL_LIST_CONFLICT, conflict.errorCode());
    assertEquals(ChargePointStatus.AVAILABLE, conflict.status());

    h.cs.answerAutomatically();
    send(h, differential(2, entry("LISTED", BLOCKED)));
    StatusNotificationRequest cleared = lastOfConnectorZero(h);
    assertEquals(ChargePointErrorCode.NO_ERROR, cleared.errorCode());
  }

  @Test
  void agreementIsNoConflict() {
    Harness h = new Harness().online();
    send(h, full(1, entry("LISTED", ACCEPTED)));
    h.cs.holdAnswers();
    h.card("LISTED");
    h.reply(AuthorizeRequest.class,
        new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.CONCURRENT_TX, Optional.empty(), Optional.empty())));
    h.replyFriendly();
    assertTrue(h.cs.sent(StatusNotificationRequest.class).stream().noneMatch(s -> s.errorCode() == ChargePointErrorCode.LOCAL_LIST_CONFLICT),
        "ConcurrentTx is a valid idTag, as Accepted is");
  }

  @Test
  void theListSurvivesAReboot() {
    Harness h = new Harness().online();
    send(h, full(3, entry("LISTED", ACCEPTED)));
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(3, version(h));
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("LISTED");
    assertTrue(charging(h));
  }

  /**
   * The power goes at each save the handling of a differential update makes, in turn: after the reboot
   * the charge point has the old list or the new one, with the version that goes with it, never a mix.
   */
  @Test
  void anUpdateInterruptedByAPowerCutLeavesTheOldListOrTheNewOne() {
    SendLocalListRequest update = differential(2, LocalAuthListTest.removal("OLD-1"), entry("NEW", ACCEPTED));
    FaultyStorage counting = new FaultyStorage();
    Harness probe = new Harness(1, counting).online();
    send(probe, full(1, entry("OLD-1", ACCEPTED), entry("OLD-2", ACCEPTED)));
    int before = counting.saves();
    send(probe, update);
    int savesOfUpdate = counting.saves() - before;
    assertTrue(savesOfUpdate >= 1);

    for (int cutAt = 1; cutAt <= savesOfUpdate + 1; cutAt++) {
      FaultyStorage storage = new FaultyStorage();
      Harness h = new Harness(1, storage).online();
      send(h, full(1, entry("OLD-1", ACCEPTED), entry("OLD-2", ACCEPTED)));
      storage.cutPowerAtSave(cutAt);
      boolean cut = false;
      try {
        send(h, update);
      } catch (FaultyStorage.PowerCut expected) {
        cut = true;
      }
      storage.cutPowerAtSave(0);

      Harness after = restartOn(storage, h);
      int version = version(after);
      after.cs.goOffline();
      after.run();
      boolean hasOld1 = startsOffline(after, "OLD-1");
      boolean hasOld2 = startsOffline(after, "OLD-2");
      boolean hasNew = startsOffline(after, "NEW");
      assertTrue(hasOld2, "untouched by the update");
      if (version == 1) {
        assertTrue(cut, "only a cut keeps the old list");
        assertTrue(hasOld1 && !hasNew, "old version, old entries");
      } else {
        assertEquals(2, version);
        assertTrue(!hasOld1 && hasNew, "new version, new entries");
      }
    }
  }

  @Test
  void aFullUpdateCutByAPowerLossKeepsTheOldVersion() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    send(h, full(1, entry("OLD", ACCEPTED)));
    storage.cutPowerAtSave(1);
    assertThrows(FaultyStorage.PowerCut.class, () -> send(h, full(2, entry("NEW", ACCEPTED))));
    Harness after = restartOn(storage, h);
    assertEquals(1, version(after));
  }

  private static StatusNotificationRequest lastOfConnectorZero(Harness h) {
    return h.cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == 0).reduce((a, b) -> b).orElseThrow();
  }

  private static Harness restartOn(FaultyStorage storage, Harness crashed) {
    crashed.cp.stop();
    crashed.run();
    storage.powerBack();
    return new Harness(1, storage).online();
  }

  private static boolean startsOffline(Harness h, String idTag) {
    h.ev(PilotState.C);
    h.card(idTag);
    boolean started = charging(h);
    if (started) {
      h.card(idTag);
    }
    h.ev(PilotState.A);
    return started;
  }
}
