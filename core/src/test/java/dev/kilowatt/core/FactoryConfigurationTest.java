package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Factory values, from the builder or a file: used when right, a build failure naming the key when not. */
class FactoryConfigurationTest {

  @TempDir
  Path dir;

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
  void aPropertiesFileGivesTheFactoryValues() throws IOException {
    Path file = write("""
        # the factory's settings for the AC7
        ConnectionTimeOut = 120
        MeterValuesSampledData=Energy.Active.Import.Register,Voltage\\u0020
        AcmeGreeting=Gr\\u00fc\\u00df Gott
        """);
    Harness h = new Harness().customize(b -> b.vendorKey(VendorKey.text("AcmeGreeting", 20, "Hello")).configurationFile(file))
        .online();
    assertEquals("120", value(h, "ConnectionTimeOut"));
    assertEquals("Energy.Active.Import.Register,Voltage", value(h, "MeterValuesSampledData"), "trailing blanks dropped");
    assertEquals("Grüß Gott", value(h, "AcmeGreeting"));
  }

  @Test
  void aFileWithAMistypedKeyStopsTheBuild() throws IOException {
    Path file = write("HeartbeatIntervall=3600\n");
    Harness h = new Harness().customize(b -> b.configurationFile(file));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
    assertEquals("factory configuration: HeartbeatIntervall: no such configuration key", e.getMessage());
  }

  @Test
  void aKeyGivenTwiceInAFileIsRefused() throws IOException {
    Path file = write("HeartbeatInterval=60\nConnectionTimeOut=30\nHeartbeatInterval=600\n");
    ChargePoint.Builder builder = builder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.configurationFile(file));
    assertEquals(file + ": given more than once: HeartbeatInterval", e.getMessage());
  }

  @Test
  void aMalformedOrMissingFileIsRefused() throws IOException {
    Path file = write("AcmeGreeting=\\u00zz\n");
    ChargePoint.Builder builder = builder();
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> builder.configurationFile(file));
    assertTrue(malformed.getMessage().startsWith(file + ": "), malformed.getMessage());
    UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> builder.configurationFile(dir.resolve("absent")));
    assertEquals("cannot read the factory configuration " + dir.resolve("absent") + ": no such file", missing.getMessage());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("factory.properties"), text, StandardCharsets.UTF_8);
  }

  private static ChargePoint.Builder builder() {
    Harness h = new Harness();
    return ChargePoint.builder(h.time, h.storage, new ScriptedCentralSystem(h.time::now), h.platform);
  }

  private static String value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value().orElseThrow();
  }
}
