package dev.kilowatt.core.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.VendorKey;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A charger maker's own configuration keys, served and persisted like the standard ones. */
class VendorKeysTest {

  private static final VendorKey FAN = VendorKey.integer("AcmeFanSpeedPercent", 20, 100, 60);
  private static final VendorKey DISPLAY = VendorKey.bool("AcmeDisplayEnabled", true);
  private static final VendorKey GREETING = VendorKey.text("AcmeGreeting", 20, "Hello");
  private static final VendorKey TARIFFS = VendorKey.list("AcmeTariffs", Set.of("Day", "Night", "Weekend"), 2, List.of("Day"));
  private static final VendorKey MODEM = VendorKey.text("AcmeModemFirmware", 30, "EG25-R07").readOnly();
  private static final VendorKey BAUD = VendorKey.integer("AcmeMeterBaudRate", 1200, 115_200, 9600).requiringReboot();

  private final List<String> fanChanges = new ArrayList<>();

  private Harness charger() {
    return new Harness().customize(b -> b.vendorKey(FAN).vendorKey(DISPLAY).vendorKey(GREETING).vendorKey(TARIFFS)
        .vendorKey(MODEM).vendorKey(BAUD).onConfigurationChange(FAN.name(), fanChanges::add));
  }

  @Test
  void getConfigurationServesVendorKeysAfterTheStandardOnesWithTheirAccess() {
    Harness h = charger().online();
    List<KeyValue> all = h.callOk(new GetConfigurationRequest(List.of())).configurationKey();
    List<String> names = all.stream().map(KeyValue::key).toList();
    assertEquals(List.of("AcmeFanSpeedPercent", "AcmeDisplayEnabled", "AcmeGreeting", "AcmeTariffs", "AcmeModemFirmware",
        "AcmeMeterBaudRate"), names.subList(names.size() - 6, names.size()));
    GetConfigurationResponse two = h.callOk(new GetConfigurationRequest(List.of("AcmeModemFirmware", "AcmeFanSpeedPercent")));
    assertEquals(List.of(new KeyValue("AcmeModemFirmware", true, Optional.of("EG25-R07")),
        new KeyValue("AcmeFanSpeedPercent", false, Optional.of("60"))), two.configurationKey());
  }

  @Test
  void changeConfigurationChecksEachTypeAndAccess() {
    Harness h = charger().online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "AcmeFanSpeedPercent", "100"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeFanSpeedPercent", "101"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeFanSpeedPercent", "19"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeFanSpeedPercent", "fast"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "AcmeDisplayEnabled", "FALSE"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeDisplayEnabled", "no"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeGreeting", "a greeting of more than twenty characters"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "AcmeTariffs", "Night,Weekend"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeTariffs", "Night,Holiday"), "Holiday is not allowed");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeTariffs", "Day,Night,Weekend"), "at most two items");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AcmeModemFirmware", "EG25-R08"), "read-only");
    assertEquals(ConfigurationStatus.REBOOT_REQUIRED, change(h, "AcmeMeterBaudRate", "19200"));

    assertEquals(Optional.of("100"), value(h, "AcmeFanSpeedPercent"));
    assertEquals(Optional.of("false"), value(h, "AcmeDisplayEnabled"), "stored in canonical form");
    assertEquals(Optional.of("Hello"), value(h, "AcmeGreeting"));
    assertEquals(Optional.of("Night,Weekend"), value(h, "AcmeTariffs"));
    assertEquals(Optional.of("EG25-R07"), value(h, "AcmeModemFirmware"));
    assertEquals(Optional.of("19200"), value(h, "AcmeMeterBaudRate"), "stored now, applied by the embedder at its next start");
  }

  @Test
  void theListenerHearsEveryAcceptedChangeAndNothingElse() {
    Harness h = charger().online();
    change(h, "AcmeFanSpeedPercent", "80");
    change(h, "AcmeFanSpeedPercent", "101");
    change(h, "AcmeFanSpeedPercent", "80");
    change(h, "AcmeFanSpeedPercent", "40");
    assertEquals(List.of("80", "40"), fanChanges, "rejected and unchanged values are not news");
  }

  @Test
  void changedValuesSurviveARestart() {
    Harness h = charger().online();
    change(h, "AcmeFanSpeedPercent", "75");
    change(h, "AcmeTariffs", "Weekend");
    h.restartOnline();
    assertEquals(Optional.of("75"), value(h, "AcmeFanSpeedPercent"));
    assertEquals(Optional.of("Weekend"), value(h, "AcmeTariffs"));
    assertEquals(Optional.of("75"), current(h, "AcmeFanSpeedPercent"));
  }

  @Test
  void theEmbedderReadsCurrentValuesButNoSecrets() {
    Harness h = charger().configure("AuthorizationKey", "00112233445566778899AABBCCDDEEFF").online();
    assertEquals(Optional.of("60"), current(h, "AcmeFanSpeedPercent"));
    change(h, "AcmeFanSpeedPercent", "30");
    assertEquals(Optional.of("30"), current(h, "AcmeFanSpeedPercent"));
    assertEquals(Optional.of("Day"), current(h, "AcmeTariffs"));
    assertTrue(current(h, "HeartbeatInterval").isPresent(), "standard keys too");
    assertEquals(Optional.empty(), current(h, "AuthorizationKey"));
    assertEquals(Optional.empty(), current(h, "AcmeNoSuchKey"));
  }

  @Test
  void aVendorKeyMayNotReuseAStandardName() {
    Harness h = new Harness().customize(b -> b.vendorKey(VendorKey.integer("HeartbeatInterval", 1, 10, 5)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("vendor key HeartbeatInterval: the charge point already has a key HeartbeatInterval", e.getMessage());
    Harness sameButCase = new Harness().customize(b -> b.vendorKey(VendorKey.bool("heartbeatINTERVAL", true)));
    assertEquals("vendor key heartbeatINTERVAL: the charge point already has a key HeartbeatInterval",
        assertThrows(IllegalArgumentException.class, sameButCase::start).getMessage(), "key names are CiStrings");
  }

  @Test
  void aVendorKeyIsDeclaredOnce() {
    Harness h = new Harness().customize(b -> b.vendorKey(FAN).vendorKey(VendorKey.integer(FAN.name(), 0, 5, 1)));
    assertThrows(IllegalArgumentException.class, h::start);
  }

  @Test
  void aListenerNeedsAKey() {
    Harness h = new Harness().customize(b -> b.onConfigurationChange("AcmeFanSpeed", v -> {}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("configuration listener for AcmeFanSpeed: no such configuration key", e.getMessage());
  }

  @Test
  void aDeclarationThatCannotBeServedIsRefusedAtOnce() {
    assertEquals("AcmeFan: factory value '10' is invalid: outside 20..100",
        assertThrows(IllegalArgumentException.class, () -> VendorKey.integer("AcmeFan", 20, 100, 10)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> VendorKey.integer("AcmeFan", 100, 20, 50), "minimum above maximum");
    assertThrows(IllegalArgumentException.class, () -> VendorKey.bool("A".repeat(51), true), "longer than CiString50");
    assertThrows(IllegalArgumentException.class, () -> VendorKey.bool("Acme Display", true), "blank in the name");
    assertThrows(IllegalArgumentException.class, () -> VendorKey.text("AcmeNote", 501, ""), "longer than CiString500");
    assertThrows(IllegalArgumentException.class, () -> VendorKey.text("AcmeNote", 3, "four"));
    assertThrows(IllegalArgumentException.class, () -> VendorKey.list("AcmeTariffs", Set.of("Day"), 1, List.of("Night")));
    assertThrows(IllegalArgumentException.class, () -> VendorKey.list("AcmeTariffs", Set.of("Day,Night"), 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> VendorKey.list("AcmeTariffs", Set.of("Day"), 0, List.of()));
  }

  private static ConfigurationStatus change(Harness h, String key, String value) {
    return h.callOk(new ChangeConfigurationRequest(key, value)).status();
  }

  private static Optional<String> value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value();
  }

  private static Optional<String> current(Harness h, String key) {
    var value = h.cp.configurationValue(key);
    h.run();
    return value.join();
  }
}
