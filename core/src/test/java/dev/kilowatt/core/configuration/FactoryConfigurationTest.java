package dev.kilowatt.core.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.VendorKey;
import dev.kilowatt.core.message.GetConfigurationRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Factory values, from the builder or a file: used when right, a build failure naming the key when not. */
class FactoryConfigurationTest {

  @Test
  void goodFactoryValuesAreServedUntilTheCentralSystemChangesThem() {
    Harness h = new Harness().configure("ConnectionTimeOut", "90").configure("LocalPreAuthorize", "true").online();
    assertEquals("90", value(h, "ConnectionTimeOut"));
    assertEquals("true", value(h, "LocalPreAuthorize"));
  }

  @Test
  void aMistypedKeyStopsTheBuild() {
    Harness h = new Harness().configure("HeartBeatInterval", "900");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("factory configuration: HeartBeatInterval: no such configuration key", e.getMessage());
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

  private static String value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value().orElseThrow();
  }
}
