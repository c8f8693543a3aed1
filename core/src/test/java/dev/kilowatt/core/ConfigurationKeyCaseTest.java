package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import java.util.ArrayList;
import dev.kilowatt.test.InMemoryStorage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key names are CiStrings (OCPP 1.6 section 7): found in any case, answered as they were defined. */
class ConfigurationKeyCaseTest {

  private static final VendorKey FAN = VendorKey.integer("AcmeFanSpeedPercent", 20, 100, 60);

  @Test
  void getConfigurationFindsAKeyInAnyCaseAndNamesItAsDefined() {
    Harness h = new Harness().online();
    GetConfigurationResponse answer = h.callOk(new GetConfigurationRequest(List.of("heartbeatinterval", "NUMBEROFCONNECTORS", "heartbeatintervall")));
    assertEquals(List.of(new KeyValue("HeartbeatInterval", false, Optional.of("300")), new KeyValue("NumberOfConnectors", true, Optional.of("1"))),
        answer.configurationKey());
    assertEquals(List.of("heartbeatintervall"), answer.unknownKey(), "an unknown key is named as it was asked for");
  }

  @Test
  void changeConfigurationChangesAKeyGivenInAnyCase() {
    List<String> heard = new ArrayList<>();
    Harness h = new Harness().customize(b -> b.vendorKey(FAN).onConfigurationChange("acmefanspeedPERCENT", heard::add)).online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "heartbeatinterval", "3600"));
    assertEquals(Optional.of("3600"), value(h, "HeartbeatInterval"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "ACMEFANSPEEDPERCENT", "80"));
    assertEquals(Optional.of("80"), value(h, "AcmeFanSpeedPercent"));
    assertEquals(List.of("80"), heard, "a listener registered in another case hears the change");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "numberofconnectors", "2"), "read-only, not unknown");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "connectiontimeout", "often"), "the key's type applies");
    assertEquals(ConfigurationStatus.NOT_SUPPORTED, change(h, "connectiontimeouts", "60"));
  }

  @Test
  void aValueChangedInAnotherCaseIsKeptOverARestart() {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "connectiontimeout", "90"));
    h.restart();
    assertEquals(Optional.of("90"), value(h, "ConnectionTimeOut"));
  }

  @Test
  void factoryValuesMatchTheirKeysInAnyCase() {
    Harness h = new Harness().configure("connectiontimeout", "120").configure("acmeFanSpeedPercent", "90")
        .customize(b -> b.vendorKey(FAN)).online();
    assertEquals(Optional.of("120"), value(h, "ConnectionTimeOut"));
    assertEquals(Optional.of("90"), value(h, "AcmeFanSpeedPercent"));
    var current = h.cp.configurationValue("CONNECTIONTIMEOUT");
    h.run();
    assertEquals(Optional.of("120"), current.join());
  }

  @Test
  void aLaterFactoryValueInAnotherCaseReplacesTheEarlierOne() {
    Harness h = new Harness().customize(b -> b.configuration("ConnectionTimeOut", "120").configuration("CONNECTIONTIMEOUT", "30")).online();
    assertEquals(Optional.of("30"), value(h, "ConnectionTimeOut"));
  }

  @Test
  void twoVendorKeysDifferingOnlyInCaseAreRefused() {
    Harness h = new Harness().customize(b -> b.vendorKey(FAN).vendorKey(VendorKey.bool("ACMEFanSpeedPercent", true)));
    assertEquals("vendor key ACMEFanSpeedPercent: the charge point already has a key AcmeFanSpeedPercent",
        assertThrows(IllegalArgumentException.class, h::start).getMessage());
  }

  @Test
  void factoryValuesForOneKeyInTwoCasesAreRefused() {
    Configuration config = new Configuration(new InMemoryStorage(), Map.of("ConnectionTimeOut", "120", "connectiontimeout", "30"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::verifyFactoryValues);
    assertTrue(e.getMessage().matches("factory configuration: (ConnectionTimeOut|connectiontimeout): given twice, in different case; .*"), e.getMessage());
  }

  private static ConfigurationStatus change(Harness h, String key, String value) {
    return h.callOk(new ChangeConfigurationRequest(key, value)).status();
  }

  private static Optional<String> value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value();
  }
}
