package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.configuration.StoredSecrets;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.security.SecurityEvents;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.test.InMemoryStorage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a new AuthorizationKey is durable before ChangeConfiguration answers for it, a refused one leaves the old
 * key in force and is a reported fault, and the loop never waits for the secret store.
 */
class AuthorizationKeyDurableFirstTest {

  private static final String KEY = "00112233445566778899aabbccddeeff";
  private static final String NEXT_KEY = "4f43415f4f4354545f61646d696e5f74657374";
  private static final String SECRET = "configuration/AuthorizationKey";
  private static final ChangeConfigurationResponse ACCEPTED = new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED);

  /**
   * Two changes of the settings go first, so that the settings' write is waiting when the key comes: that write must
   * not answer for the key. After every write, an answer means the key is on the medium.
   */
  @Test
  void onTheStorageTheKeyIsAnsweredOnlyOnceItIsOnTheMedium() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = new Harness(1, medium).customize(b -> b.storageWriter(writer)).online();
    String first = h.cs.call(new ChangeConfigurationRequest("AuthorizationKey", KEY));
    writer.finishAll(h);
    assertEquals(Optional.of(ACCEPTED), h.cs.replyTo(first));

    String keyChange = changeBehindTheSettings(h);
    h.run();
    while (writer.held() > 0) {
      writer.finish();
      h.run();
      if (h.cs.replyTo(keyChange).isPresent()) {
        assertEquals(Optional.of(NEXT_KEY), onTheMedium(medium), "answered, so durable");
      }
    }
    assertEquals(Optional.of(ACCEPTED), h.cs.replyTo(keyChange));
    assertEquals(Optional.of(NEXT_KEY), h.cs.settings().authorizationKey());
  }

  /** The power goes at each write in turn: a key the central system was told Accepted is the one in force after the boot. */
  @Test
  void aCutAtAnyWriteLeavesTheOldKeyUnlessTheNewOneWasAccepted() {
    for (int cutAt = 1; ; cutAt++) {
      FaultyStorage storage = new FaultyStorage();
      HeldWriter writer = new HeldWriter();
      Harness h = new Harness(1, storage).customize(b -> b.storageWriter(writer)).online();
      h.cs.call(new ChangeConfigurationRequest("AuthorizationKey", KEY));
      writer.finishAll(h);
      String keyChange = changeBehindTheSettings(h);
      storage.cutPowerAtSave(cutAt);
      boolean cut = false;
      try {
        writer.finishAll(h);
      } catch (FaultyStorage.PowerCut expected) {
        cut = true;
      }
      boolean accepted = h.cs.replyTo(keyChange).filter(ACCEPTED::equals).isPresent();
      storage.cutPowerAtSave(0);
      h.cp.stop();
      h.run();
      storage.powerBack();
      Optional<String> inForce = new Harness(1, storage).online().cs.settings().authorizationKey();

      assertEquals(Optional.of(accepted ? NEXT_KEY : KEY), inForce, "cut at write " + cutAt);
      if (!cut) {
        assertTrue(accepted, "without a cut the key is accepted");
        return;
      }
    }
  }

  @Test
  void aKeyTheStorageRefusesIsRejectedTheOldOneStaysAndTheRefusedOneIsNeverWrittenLater() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, KEY));
    storage.failSavesOf("secrets/" + SECRET);

    assertEquals(ConfigurationStatus.REJECTED, change(h, NEXT_KEY));
    assertEquals(Optional.of(KEY), h.cs.settings().authorizationKey());
    assertEquals(Optional.of("StorageWriteFailed"), lastOfConnectorZero(h).vendorErrorCode());
    storage.failSavesOf(null);
    h.advance(WriteBehind.RETRY_EVERY);
    assertEquals(ChargePointErrorCode.NO_ERROR, lastOfConnectorZero(h).errorCode(), "the fault clears");
    assertEquals(Optional.of(KEY), onTheMedium(storage));
    assertEquals(Optional.of(KEY), h.restartOnline().cs.settings().authorizationKey());
  }

  @Test
  void aKeyAnEmbeddersStoreRefusesIsRejectedAndAFaultUntilTheStoreTakesOneAgain() {
    RecordingSecrets secrets = new RecordingSecrets();
    Harness h = new Harness().customize(b -> b.secretStore(secrets)).online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, KEY));
    secrets.refuse = true;

    assertEquals(ConfigurationStatus.REJECTED, change(h, NEXT_KEY));
    assertEquals(Optional.of(KEY), h.cs.settings().authorizationKey());
    assertEquals(Optional.of(KEY), secrets.text(SECRET));
    StatusNotificationRequest fault = lastOfConnectorZero(h);
    assertEquals(ChargePointErrorCode.INTERNAL_ERROR, fault.errorCode());
    assertEquals(Optional.of("SecretWriteFailed"), fault.vendorErrorCode());
    assertTrue(h.storage.load(SecurityEvents.LOG_KEY, SecurityEvents.Log.class).orElseThrow().entries().stream()
        .anyMatch(e -> e.type().equals("SecretWriteFailed")), "in the security log");

    secrets.refuse = false;
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, NEXT_KEY));
    assertEquals(ChargePointErrorCode.NO_ERROR, lastOfConnectorZero(h).errorCode(), "the fault clears");
    assertEquals(Optional.of(NEXT_KEY), h.cs.settings().authorizationKey());
  }

  @Test
  void anEmbeddersStoreIsChangedOnTheStorageWriterAndTheKeyIsAnsweredOnceItHoldsIt() {
    RecordingSecrets secrets = new RecordingSecrets();
    HeldWriter writer = new HeldWriter();
    Harness h = new Harness().customize(b -> b.secretStore(secrets).storageWriter(writer)).online();
    writer.finishAll(h);

    String change = h.cs.call(new ChangeConfigurationRequest("AuthorizationKey", KEY));
    h.run();
    assertTrue(secrets.changedOn.isEmpty(), "not written on the loop");
    assertEquals(Optional.empty(), h.cs.replyTo(change), "not answered before the store holds it");
    writer.finishAll(h);
    assertEquals(Optional.of(ACCEPTED), h.cs.replyTo(change));
    assertEquals(Optional.of(KEY), secrets.text(SECRET));
  }

  @Test
  void anEmbeddersStoreIsNeverChangedOnTheLoopThread() {
    RecordingSecrets secrets = new RecordingSecrets();
    HeldWriter writer = new HeldWriter();
    Harness h = new Harness().customize(b -> b.secretStore(secrets).storageWriter(writer)).online();
    writer.finishAllElsewhere(h);

    String change = h.cs.call(new ChangeConfigurationRequest("AuthorizationKey", KEY));
    writer.finishAllElsewhere(h);
    assertEquals(Optional.of(ACCEPTED), h.cs.replyTo(change));
    assertEquals(Optional.of(KEY), secrets.text(SECRET));
    assertFalse(secrets.changedOn.isEmpty());
    secrets.changedOn.forEach(thread -> assertNotSame(Thread.currentThread(), thread, "the loop runs on the test's thread"));
  }

  /** Changes two settings and then the key to {@link #NEXT_KEY}; {@return the key change's call id} */
  private static String changeBehindTheSettings(Harness h) {
    h.cs.call(new ChangeConfigurationRequest("HeartbeatInterval", "120"));
    h.cs.call(new ChangeConfigurationRequest("MeterValueSampleInterval", "30"));
    return h.cs.call(new ChangeConfigurationRequest("AuthorizationKey", NEXT_KEY));
  }

  private static Optional<String> onTheMedium(Storage medium) {
    return new StoredSecrets(medium).read(SECRET).map(s -> new String(s.bytes()));
  }

  private static ConfigurationStatus change(Harness h, String key) {
    return ((ChangeConfigurationResponse) h.call(new ChangeConfigurationRequest("AuthorizationKey", key))).status();
  }

  private static StatusNotificationRequest lastOfConnectorZero(Harness h) {
    return h.cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == 0).reduce((a, b) -> b).orElseThrow();
  }
}
