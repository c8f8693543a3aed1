package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.RecordingLinkListener.Connected;
import dev.kilowatt.test.RecordingLinkListener.Disconnected;
import dev.kilowatt.test.RecordingLinkListener.SecurityEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security profiles 1 to 3 of part 2 (A00) and the ping interval, against ocpp-rpc's server in strict
 * mode behind node's HTTPS server with the test PKI: what the station presents, whom it trusts, and the
 * security events a refused attempt raises, which reach the core under the 1.6 names of its port.
 */
class SecurityProfilesTest {

  /** 20 random bytes as the AuthorizationKey's hexadecimal digits, several of them not valid UTF-8. */
  private static final String KEY = "00ff10e2a7c3b4d5f60718293a4b5c6d7e8f9012";
  private static final String OTHER_KEY = "0123456789abcdef0123456789abcdef";
  private static final List<String> TEST_ROOT = List.of(Pki.pem("root.pem"));

  private final EventLoop loop = new EventLoop();
  private final CoreProbe core = new CoreProbe();
  private CentralSystemProcess csms;
  private Ocpp201CentralSystem port;

  private static ConnectionSettings settings(String key, Duration ping, int profile, List<String> roots,
      Optional<ClientCertificate> certificate) {
    return new ConnectionSettings(Optional.of(key), ping, profile, roots, certificate);
  }

  private static ConnectionSettings profile(int profile, String key) {
    return settings(key, Duration.ZERO, profile, profile >= 2 ? TEST_ROOT : List.of(), Optional.empty());
  }

  private void connect(String identity, ConnectionSettings settings) {
    port = new Ocpp201CentralSystem(csms.address(identity), loop, new InMemoryStorage());
    port.connect(settings, core);
  }

  private long upgrades() {
    return csms.reported().stream().filter(line -> line.startsWith("upgrade ")).count();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (port != null) {
      port.disconnect();
    }
    csms.close();
    loop.close();
  }

  /**
   * An identity with characters RFC 3986 reserves is one percent-encoded segment of the URL and, as it is, the
   * Basic user: ocpp-rpc decodes the last segment and reads the password only after "identity:".
   */
  @ParameterizedTest(name = "identity \"{0}\"")
  @ValueSource(strings = {"KW-S1", "KW 1#a/b%"})
  void profile1SendsTheIdentityAndTheKeysBytesAsBasicAuthentication(String identity) {
    csms = CentralSystemProcess.secured("--password", KEY);
    connect(identity, profile(1, KEY));

    core.next(Connected.class);
    assertEquals("upgrade " + identity + " password=" + KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
    csms.awaitPrefix("connected " + identity + " ocpp2.0.1");
  }

  @Test
  void aRefusedKeyIsASecurityEventAndNoConnection() {
    csms = CentralSystemProcess.secured("--password", KEY);
    connect("KW-S1", profile(1, OTHER_KEY));

    SecurityEvent refused = core.next(SecurityEvent.class);
    assertEquals("FailedToAuthenticateAtCentralSystem", refused.type(), refused.techInfo());
    assertEquals("upgrade KW-S1 password=" + OTHER_KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("connected ")), csms.reported()::toString);
  }

  @Test
  void profile2ConnectsOverTlsToACsmsIssuedByAnInstalledRootWithBasicAuthentication() {
    csms = CentralSystemProcess.secured("--password", KEY, "--tls", Pki.path("csms.p12"));
    connect("KW-S2", profile(2, KEY));

    core.next(Connected.class);
    assertEquals("upgrade KW-S2 password=" + KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
  }

  @ParameterizedTest(name = "{0} with {1} installed")
  @CsvSource({"csms.p12, other-root.pem", "csms-elsewhere.p12, root.pem"})
  void profile2RefusesACsmsItCannotVerifyAndReportsItsCertificate(String server, String root) {
    csms = CentralSystemProcess.secured("--tls", Pki.path(server));
    connect("KW-S2", settings(KEY, Duration.ZERO, 2, List.of(Pki.pem(root)), Optional.empty()));

    SecurityEvent refused = core.next(SecurityEvent.class);
    // the port's 1.6 name; part 2's appendix calls it InvalidCsmsCertificate
    assertEquals("InvalidCentralSystemCertificate", refused.type(), refused.techInfo());
    assertEquals(0, upgrades(), "no request goes to a CSMS that is not the one trusted");
  }

  @Test
  void profile2NeverFallsBackToAnUnencryptedUrl() {
    csms = CentralSystemProcess.secured();
    connect("KW-S2", profile(2, KEY));

    port.reconfigure(profile(1, KEY));
    core.next(Connected.class);
    assertEquals("upgrade KW-S2 password=" + KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
    assertEquals(1, upgrades(), "profile 2 made no attempt over ws://");
  }

  @Test
  void profile3PresentsTheStationCertificateAndNoPassword() {
    csms = CentralSystemProcess.secured("--tls", Pki.path("csms.p12"), "--client-ca", Pki.path("root.pem"));
    connect("KW-S3", settings(KEY, Duration.ZERO, 3, TEST_ROOT, Optional.of(Pki.station())));

    core.next(Connected.class);
    assertEquals("upgrade KW-S3 password=none clientCert=CP-1", csms.awaitPrefix("upgrade "));
  }

  @Test
  void theSettingsPingIntervalPingsTheCsms() {
    csms = CentralSystemProcess.secured();
    connect("KW-P", settings(KEY, Duration.ofSeconds(1), 0, List.of(), Optional.empty()));

    core.next(Connected.class);
    csms.awaitPrefix("ping KW-P");
  }

  @Test
  void aNewPingIntervalAppliesToTheLiveConnection() {
    csms = CentralSystemProcess.secured();
    connect("KW-P", profile(0, KEY));
    core.next(Connected.class);

    port.reconfigure(settings(KEY, Duration.ofSeconds(1), 0, List.of(), Optional.empty()));
    csms.awaitPrefix("ping KW-P");
    assertEquals(1, upgrades(), "the same connection pings");
    assertTrue(core.quiet(), core.untaken()::toString);
  }

  @Test
  void aNewKeyReconnectsWithIt() {
    csms = CentralSystemProcess.secured();
    connect("KW-K", profile(1, KEY));
    core.next(Connected.class);
    assertEquals("upgrade KW-K password=" + KEY + " clientCert=none", csms.awaitPrefix("upgrade "));

    port.reconfigure(profile(1, OTHER_KEY));
    core.next(Disconnected.class);
    core.next(Connected.class);
    assertEquals("upgrade KW-K password=" + OTHER_KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
  }
}
