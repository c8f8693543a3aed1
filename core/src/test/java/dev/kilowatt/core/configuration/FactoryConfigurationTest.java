package dev.kilowatt.core.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.VendorKey;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Factory values, from the builder or a file: used when right, a build failure naming the key when not; a read-only
 * key takes one unless the charge point's build decides its value.
 */
class FactoryConfigurationTest {

  @Test
  void goodFactoryValuesAreServedUntilTheCentralSystemChangesThem() {
    Harness h = new Harness().configure("ConnectionTimeOut", "90").configure("LocalPreAuthorize", "true").online();
    assertEquals("90", value(h, "ConnectionTimeOut"));
    assertEquals("true", value(h, "LocalPreAuthorize"));
  }

  @Test
  void aMistypedKeyStopsTheBuild() {
    Harness h = new Harness().configure("HartbeatInterval", "900");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("factory configuration: HartbeatInterval: no such configuration key", e.getMessage());
  }

  @Test
  void aBadValueStopsTheBuildWithTheReason() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "often");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertTrue(e.getMessage().startsWith("factory configuration: MeterValueSampleInterval=often: not an integer"), e.getMessage());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    Harness h = new Harness().configure("MeterValuesSampledData", "Energy.Reactive.Import.Register")
        .configure("NoSuchKey", "1").configure("StopTransactionOnInvalidId", "yes");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("factory configuration: MeterValuesSampledData=Energy.Reactive.Import.Register: unsupported item "
        + "Energy.Reactive.Import.Register; StopTransactionOnInvalidId=yes: not a boolean; NoSuchKey: no such configuration key", e.getMessage());
  }

  @Test
  void aRefusedSecretIsNotShown() {
    String secret = "0123456789abcdef".repeat(3);
    Harness h = new Harness().configure("AuthorizationKey", secret);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("factory configuration: AuthorizationKey=***: longer than 40", e.getMessage());
  }

  @Test
  void aVendorKeyTakesAFactoryValueToo() {
    Harness h = new Harness().configure("AcmeFanSpeedPercent", "90")
        .customize(b -> b.vendorKey(VendorKey.integer("AcmeFanSpeedPercent", 20, 100, 60))).online();
    assertEquals("90", value(h, "AcmeFanSpeedPercent"));
    Harness bad = new Harness().configure("AcmeFanSpeedPercent", "10")
        .customize(b -> b.vendorKey(VendorKey.integer("AcmeFanSpeedPercent", 20, 100, 60)));
    assertThrows(IllegalArgumentException.class, bad::start);
  }

  @Test
  void manyFactoryValuesAtOnceAreServed() {
    Harness h = new Harness().customize(b -> b.vendorKey(VendorKey.text("AcmeGreeting", 20, "Hello"))
        .configuration(Map.of("ConnectionTimeOut", "120", "AcmeGreeting", "Grüß Gott"))).online();
    assertEquals("120", value(h, "ConnectionTimeOut"));
    assertEquals("Grüß Gott", value(h, "AcmeGreeting"));
  }

  @Test
  void aMistypedKeyAmongManyStopsTheBuild() {
    Harness h = new Harness().customize(b -> b.configuration(Map.of("HeartbeatIntervall", "3600")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("factory configuration: HeartbeatIntervall: no such configuration key", e.getMessage());
  }

  @Test
  void aReadOnlyKeyTheBuildDecidesIsRefusedNamingEachOne() {
    Harness h = new Harness().configure("NumberOfConnectors", "2").configure("getconfigurationmaxkeys", "50")
        .configure("ChargeProfileMaxStackLevel", "3").configure("SupportedFeatureProfiles", "Core");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    String derived = ": read-only, derived from how the charge point is built";
    assertEquals("factory configuration: GetConfigurationMaxKeys=50" + derived + "; NumberOfConnectors=2" + derived
        + "; SupportedFeatureProfiles=Core" + derived + "; ChargeProfileMaxStackLevel=3" + derived, e.getMessage());
  }

  @Test
  void aReadOnlyCapacityOrPolicyOfTheProductIsSetAtTheFactory() {
    Harness h = new Harness().configure("LocalAuthListMaxLength", "100").configure("ReserveConnectorZeroSupported", "false")
        .configure("AdditionalRootCertificateCheck", "true").configure("CertificateStoreMaxLength", "4")
        .customize(b -> b.vendorKey(VendorKey.text("AcmeBoardRevision", 10, "A").readOnly()).configuration("AcmeBoardRevision", "C2"))
        .online();
    List<KeyValue> keys = h.callOk(new GetConfigurationRequest(List.of("LocalAuthListMaxLength", "ReserveConnectorZeroSupported",
        "AdditionalRootCertificateCheck", "CertificateStoreMaxLength", "AcmeBoardRevision"))).configurationKey();
    assertEquals(List.of(new KeyValue("LocalAuthListMaxLength", true, Optional.of("100")),
        new KeyValue("ReserveConnectorZeroSupported", true, Optional.of("false")),
        new KeyValue("AdditionalRootCertificateCheck", true, Optional.of("true")),
        new KeyValue("CertificateStoreMaxLength", true, Optional.of("4")),
        new KeyValue("AcmeBoardRevision", true, Optional.of("C2"))), keys);
    Harness bad = new Harness().configure("LocalAuthListMaxLength", "lots");
    assertTrue(assertThrows(IllegalArgumentException.class, bad::start).getMessage()
        .startsWith("factory configuration: LocalAuthListMaxLength=lots: not an integer"), "still checked against the key's type");
  }

  private static String value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value().orElseThrow();
  }
}
