package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.StoredSecrets;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.storage.WriteBehind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AuthorizationKey lives in the secret store, never in the settings (security white paper A01, issue 9). */
class AuthorizationKeyStorageTest {

  private static final String KEY = "00112233445566778899aabbccddeeff";
  private static final String NEXT_KEY = "4f43415f4f4354545f61646d696e5f74657374";
  private static final String SECRET_NAME = "configuration/AuthorizationKey";

  private final MemorySecrets secrets = new MemorySecrets();

  @Test
  void aKeyTheCentralSystemSetsGoesToTheSecretStoreAndIsUsedAfterARestart() {
    Harness h = new Harness().customize(b -> b.secretStore(secrets)).online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, KEY));

    assertEquals(Optional.of(KEY), secrets.text(SECRET_NAME));
    assertFalse(settings(h).containsKey("AuthorizationKey"), "not in the settings");
    h.restartOnline();
    assertEquals(Optional.of(KEY), h.cs.settings().authorizationKey());
  }

  @Test
  void aKeyAnOlderVersionSavedInClearIsMovedAtStart() {
    Harness h = new Harness().customize(b -> b.secretStore(secrets));
    h.storage.save("configuration", new Configuration.Values(Map.of("AuthorizationKey", KEY, "HeartbeatInterval", "120")));
    h.start();

    assertEquals(Optional.of(KEY), h.cs.settings().authorizationKey());
    assertEquals(Optional.of(KEY), secrets.text(SECRET_NAME));
    assertEquals(Map.of("HeartbeatInterval", "120"), settings(h), "the clear copy is gone, the rest stays");
  }

  @Test
  void withoutASecretStoreTheKeyIsKeptOnTheStorageApartFromTheSettings() {
    Harness h = new Harness().online();
    change(h, KEY);

    assertFalse(settings(h).containsKey("AuthorizationKey"));
    assertEquals(Optional.of(KEY), new StoredSecrets(h.storage).read(SECRET_NAME).map(s -> new String(s.bytes())));
    h.restartOnline();
    assertEquals(Optional.of(KEY), h.cs.settings().authorizationKey());
  }

  @Test
  void aKeyTheStoreRefusesIsRejectedAndTheOldOneStaysInForce() {
    Harness h = new Harness().customize(b -> b.secretStore(secrets)).online();
    change(h, KEY);
    secrets.refuseWrites = true;

    assertEquals(ConfigurationStatus.REJECTED, change(h, NEXT_KEY));
    assertEquals(Optional.of(KEY), h.cs.settings().authorizationKey());
    assertEquals(Optional.of(KEY), secrets.text(SECRET_NAME));
    secrets.refuseWrites = false;
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, NEXT_KEY), "the charger goes on working");
    assertTrue(h.cs.settings().authorizationKey().filter(NEXT_KEY::equals).isPresent());
  }

  @Test
  void aSettingTheStorageRefusesIsRejectedAndNeverSavedLater() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    storage.failSavesOf("configuration");
    assertEquals(ConfigurationStatus.REJECTED, changeSetting(h, "HeartbeatInterval", "120"));
    storage.failSavesOf(null);
    assertEquals(ConfigurationStatus.REJECTED, changeSetting(h, "MeterValueSampleInterval", "30"), "refused while the fault lasts");
    h.advance(WriteBehind.RETRY_EVERY);
    assertEquals(ConfigurationStatus.ACCEPTED, changeSetting(h, "MeterValueSampleInterval", "30"));

    assertFalse(settings(h).containsKey("HeartbeatInterval"), "the refused value stays out of the next save");
    assertEquals("30", settings(h).get("MeterValueSampleInterval"));
  }

  private static ConfigurationStatus changeSetting(Harness h, String key, String value) {
    return ((ChangeConfigurationResponse) h.call(new ChangeConfigurationRequest(key, value))).status();
  }

  private static ConfigurationStatus change(Harness h, String key) {
    return ((ChangeConfigurationResponse) h.call(new ChangeConfigurationRequest("AuthorizationKey", key))).status();
  }

  private static Map<String, String> settings(Harness h) {
    return h.storage.load("configuration", Configuration.Values.class).map(Configuration.Values::changed).orElse(Map.of());
  }
}
