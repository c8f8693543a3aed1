package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.DeleteCertificateRequest;
import dev.kilowatt.core.message.DeleteCertificateStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.HashAlgorithm;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.port.ConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The security white paper's configuration keys (A01, A05), the root certificate store (M03 to M05) and
 * security events (A04), through the charge point's OCPP face.
 */
public class SecurityTest {

  /** "OCA_OCTT_admin_test" in hexadecimal, the conformance tool's AuthorizationKey (19 bytes). */
  public static final String OCTT_KEY = "4F43415F4F4354545F61646D696E5F74657374";
  public static final String ROOT = TestPki.resource("pki/root.pem");
  static final String SUB = TestPki.resource("pki/sub.pem");
  static final String MANUFACTURER = TestPki.resource("pki/mfr.pem");
  public static final CertificateHashData ROOT_ID = new CertificateHashData(HashAlgorithm.SHA256,
      "3de288bd203bb488cee8487c4f222344258cab222ab57715f39aca6733c17f63",
      "756617a3a68969eb0e406ecd972fe8212ede0a5e2357bd9e0f1d55a96ad632b3", "FFF");

  public static ConfigurationStatus change(Harness h, String key, String value) {
    return h.callOk(new ChangeConfigurationRequest(key, value)).status();
  }

  public static CertificateStatus install(Harness h, CertificateUse use, String pem) {
    return h.callOk(new InstallCertificateRequest(use, pem)).status();
  }

  public static GetInstalledCertificateIdsResponse ids(Harness h, CertificateUse use) {
    return h.callOk(new GetInstalledCertificateIdsRequest(use));
  }

  static Optional<String> value(Harness h, String key) {
    GetConfigurationResponse answer = h.callOk(new GetConfigurationRequest(List.of(key)));
    return answer.configurationKey().get(0).value();
  }

  static List<String> events(Harness h) {
    return h.cs.sent(SecurityEventNotificationRequest.class).stream().map(SecurityEventNotificationRequest::type).toList();
  }

  static List<SecurityEvents.Entry> securityLog(Harness h) {
    return h.storage.load(SecurityEvents.LOG_KEY, SecurityEvents.Log.class).map(SecurityEvents.Log::entries).orElse(List.of());
  }

  // ---------------------------------------------------------------- AuthorizationKey (A01, A00.FR.205)

  @Test
  void theAuthorizationKeyIsTheHexOfA16To20BytePassword() {
    Harness h = new Harness().online();
    for (String refused : List.of("", "secret", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
        "0123456789abcdef0123456789abcdef0123456789", "zz23456789abcdef0123456789abcdef", "０123456789abcdef0123456789abcdef")) {
      assertEquals(ConfigurationStatus.REJECTED, change(h, "AuthorizationKey", refused), refused);
    }
    assertEquals(Optional.empty(), h.cs.settings().authorizationKey(), "nothing changed");
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "AuthorizationKey", "0123456789abcdef0123456789ABCDEF"), "16 bytes");
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "AuthorizationKey", OCTT_KEY), "19 bytes");
    assertEquals(Optional.of(OCTT_KEY), h.cs.settings().authorizationKey());
    assertArrayEquals("OCA_OCTT_admin_test".getBytes(StandardCharsets.US_ASCII), h.cs.settings().basicAuthPassword().orElseThrow());
    assertEquals(Optional.empty(), value(h, "AuthorizationKey"), "write-only");
  }

  @Test
  void aNewAuthorizationKeyIsAnsweredThenUsedByReconnectingAndLoggedWithoutTheKey() {
    Harness h = new Harness().online();
    h.cs.forgetTrace();
    h.call(new ChangeConfigurationRequest("AuthorizationKey", OCTT_KEY));
    assertEquals(List.of("reply cs-1", "reconfigure"), h.cs.trace(), "the answer goes out before the link reconnects");
    SecurityEvents.Entry logged = securityLog(h).getLast();
    assertEquals("ReconfigurationOfSecurityParameters", logged.type());
    assertFalse(logged.techInfo().orElseThrow().contains(OCTT_KEY), "A01.FR.12");
    assertTrue(events(h).contains("ReconfigurationOfSecurityParameters"));
    assertFalse(h.cs.settings().toString().contains(OCTT_KEY), "settings keep the key out of logs");
  }

  // ---------------------------------------------------------------- SecurityProfile (A05)

  @Test
  void theSecurityProfileOnlyGoesUpAndOnlyWithItsPrerequisites() {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "0"), "equal is not higher (A05.FR.01)");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "1"), "no AuthorizationKey yet (A05.FR.02)");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "4"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "one"));
    change(h, "AuthorizationKey", OCTT_KEY);
    h.cs.forgetTrace();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "SecurityProfile", "1"));
    assertEquals(List.of("reply cs-6", "reconfigure"), h.cs.trace(), "answered, then reconnected (A05.FR.05 to A05.FR.07)");
    assertEquals(1, h.cs.settings().securityProfile());
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();

    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "0"), "never lower over OCPP (A00.FR.005)");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "1"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "2"), "no Central System root (A05.FR.03)");
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, MANUFACTURER));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "2"), "a manufacturer root does not count");
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "3"), "no charge point certificate (A05.FR.04)");
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "SecurityProfile", "2"));
    assertEquals(2, h.cs.settings().securityProfile());
    assertEquals(Optional.of("2"), value(h, "SecurityProfile"));
    assertTrue(securityLog(h).stream().anyMatch(e -> e.techInfo().orElse("").equals("SecurityProfile raised to 2")));
  }

  @Test
  void aRaisedProfileThatNeverConnectsFallsBack() {
    Harness h = new Harness().online();
    change(h, "AuthorizationKey", OCTT_KEY);
    change(h, "SecurityProfile", "1");
    h.cs.goOffline();
    h.advance(Security.TRIAL.minusSeconds(1));
    assertEquals(1, h.cs.settings().securityProfile(), "still trying");
    h.advance(Duration.ofSeconds(1));
    assertEquals(0, h.cs.settings().securityProfile(), "A05.FR.08");
    h.cs.goOnline();
    h.run();
    assertEquals(Optional.of("0"), value(h, "SecurityProfile"));
    assertTrue(securityLog(h).getLast().techInfo().orElseThrow().contains("could not connect"));
  }

  @Test
  void aRaisedProfileStaysOnceItConnected() {
    Harness h = new Harness().online();
    change(h, "AuthorizationKey", OCTT_KEY);
    change(h, "SecurityProfile", "1");
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();
    h.cs.goOffline();
    h.advance(Security.TRIAL.multipliedBy(2));
    assertEquals(1, h.cs.settings().securityProfile());
    assertTrue(h.storage.load(Security.TRIAL_KEY, Security.ProfileTrial.class).isEmpty());
  }

  @Test
  void aProfileOnTrialIsStillOnTrialAfterAPowerCut() {
    Harness h = new Harness().online();
    change(h, "AuthorizationKey", OCTT_KEY);
    change(h, "SecurityProfile", "1");
    h.cs.goOffline();
    h.restart();
    assertEquals(1, h.cs.settings().securityProfile(), "the boot tries the new profile");
    h.advance(Security.TRIAL);
    assertEquals(0, h.cs.settings().securityProfile());

    Harness again = new Harness().online();
    change(again, "AuthorizationKey", OCTT_KEY);
    change(again, "SecurityProfile", "1");
    again.restart();
    again.cs.goOnline();
    again.advance(Security.TRIAL.multipliedBy(2));
    assertEquals(1, again.cs.settings().securityProfile(), "connected after the boot: kept");
  }

  @Test
  void theFactoryProfileIsTakenAsConfigured() {
    Harness h = new Harness().configure("SecurityProfile", "2").configure("AuthorizationKey", OCTT_KEY).start();
    assertEquals(2, h.cs.settings().securityProfile(), "configured before OCPP communication (A00.FR.004)");
    h.advance(Security.TRIAL.multipliedBy(2));
    assertEquals(2, h.cs.settings().securityProfile(), "nothing to fall back to");
  }

  // ---------------------------------------------------------------- root certificates (M03, M04, M05)

  @Test
  void installedRootsAreListedByTypeWithTheirHashDataAndTrustedByTheLink() {
    Harness h = new Harness().online();
    assertEquals(new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.NOT_FOUND, List.of()),
        ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE));
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT));
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, MANUFACTURER));

    assertEquals(new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.ACCEPTED, List.of(ROOT_ID)),
        ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE));
    assertEquals("1", ids(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE).certificateHashData().get(0).serialNumber());
    assertEquals(List.of(ROOT), h.cs.settings().trustedRootCertificatesPem(), "only Central System roots are trust anchors");

    h.restart();
    assertEquals(List.of(ROOT), h.cs.settings().trustedRootCertificatesPem(), "kept across a reboot");
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(ROOT_ID), ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).certificateHashData());
  }

  @Test
  void aSubCaNeedsItsIssuerAndIsIdentifiedByIt() {
    Harness h = new Harness().online();
    assertEquals(CertificateStatus.REJECTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, SUB), "issuer unknown");
    assertEquals(List.of("InvalidCentralSystemCertificate"), events(h).stream().filter(e -> e.startsWith("Invalid")).toList(),
        "as the test tool's own charge point does in TC_078_CSMS (TC_078_CS raises it for a refused server certificate)");
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT);
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, SUB));
    assertEquals(List.of(ROOT_ID, new CertificateHashData(HashAlgorithm.SHA256, ROOT_ID.issuerNameHash(), ROOT_ID.issuerKeyHash(),
        "A1B2C3D4E5F60718")), ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).certificateHashData());
  }

  @Test
  void invalidCertificatesAreRejected() {
    Harness h = new Harness().online();
    TestPki.Authority expired = TestPki.root("Expired", Instant.parse("2010-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"));
    TestPki.Authority early = TestPki.root("Early", Instant.parse("2030-01-01T00:00:00Z"), TestPki.FAR_AHEAD);
    TestPki.Authority root = TestPki.root("Root");
    X509Certificate leaf = root.leaf(TestPki.ecKeys().getPublic(), "CPO", "not a CA", TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    for (String refused : List.of("", "garbage", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", expired.pem(),
        early.pem(), Certificates.pem(leaf), ROOT + MANUFACTURER)) {
      assertEquals(CertificateStatus.REJECTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, refused), refused);
      assertEquals(CertificateStatus.REJECTED, install(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, refused), refused);
    }
    assertEquals(7, events(h).stream().filter("InvalidCentralSystemCertificate"::equals).count(), "only for Central System roots");
    assertEquals(GetInstalledCertificateStatus.NOT_FOUND, ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).status());
  }

  @Test
  void aFullStoreRejectsAndTheSameCertificateTwiceTakesOnePlace() {
    Harness h = new Harness().configure("CertificateStoreMaxLength", "2").online();
    assertEquals(Optional.of("2"), value(h, "CertificateStoreMaxLength"));
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT));
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT), "already there");
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, MANUFACTURER));
    assertEquals(CertificateStatus.REJECTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, TestPki.root("Third").pem()),
        "M05.FR.03");
    assertFalse(events(h).contains("InvalidCentralSystemCertificate"), "a full store says nothing about the certificate");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "CertificateStoreMaxLength", "5"), "read-only");
  }

  @Test
  void aStoreThatCannotSaveFails() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    storage.failSavesOf(CertificateStore.STORAGE_KEY);
    assertEquals(CertificateStatus.FAILED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT), "M05.FR.04");
    assertEquals(GetInstalledCertificateStatus.NOT_FOUND, ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).status());
  }

  @Test
  void deletingFindsTheCertificateByItsHashDataButKeepsTheLastCentralSystemRootWhileTlsUsesIt() {
    Harness h = new Harness().configure("SecurityProfile", "2").configure("AuthorizationKey", OCTT_KEY).online();
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT);
    install(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, MANUFACTURER);
    CertificateHashData manufacturer = ids(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE).certificateHashData().get(0);

    assertEquals(DeleteCertificateStatus.NOT_FOUND, delete(h, new CertificateHashData(HashAlgorithm.SHA256, "00", "00", "1")));
    assertEquals(DeleteCertificateStatus.ACCEPTED, delete(h, manufacturer));
    assertEquals(GetInstalledCertificateStatus.NOT_FOUND, ids(h, CertificateUse.MANUFACTURER_ROOT_CERTIFICATE).status());
    assertEquals(DeleteCertificateStatus.NOT_FOUND, delete(h, manufacturer));
    assertEquals(DeleteCertificateStatus.FAILED, delete(h, ROOT_ID), "the last Central System root stays (M04.FR.06, AQ-1)");

    TestPki.Authority other = TestPki.root("Other");
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, other.pem());
    CertificateHashData bySha384 = Certificates.hashData(other.certificate(),
        Certificates.publicKeyBits(other.certificate().getPublicKey()), HashAlgorithm.SHA384);
    CertificateHashData asAnotherSystemWritesIt = new CertificateHashData(HashAlgorithm.SHA384, bySha384.issuerNameHash().toUpperCase(),
        bySha384.issuerKeyHash().toUpperCase(), "00" + bySha384.serialNumber().toLowerCase());
    assertEquals(DeleteCertificateStatus.ACCEPTED, delete(h, asAnotherSystemWritesIt), "M04.FR.07: the algorithm used to install");
    assertEquals(List.of(ROOT), h.cs.settings().trustedRootCertificatesPem());
  }

  public static DeleteCertificateStatus delete(Harness h, CertificateHashData data) {
    return h.callOk(new DeleteCertificateRequest(data)).status();
  }

  @Test
  void withAdditionalRootCertificateCheckANewRootMustBeSignedByTheOldOneAndReplacesIt() {
    Harness h = new Harness().configure("AdditionalRootCertificateCheck", "true").configure("AuthorizationKey", OCTT_KEY).online();
    TestPki.Authority old = TestPki.root("Root 2025");
    TestPki.Authority successor = TestPki.successor(old);
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, old.pem()));
    assertEquals(CertificateStatus.REJECTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, TestPki.root("Stranger").pem()),
        "M05.FR.10");
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, successor.pem()), "M05.FR.11");
    assertEquals(2, ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).certificateHashData().size(), "the old one is kept as fallback");
    assertEquals(List.of(successor.pem()), h.cs.settings().trustedRootCertificatesPem(), "the next connection tries the new root alone");
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "SecurityProfile", "2"));
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(Certificates.hashData(successor.certificate(), Certificates.publicKeyBits(old.certificate().getPublicKey()),
        HashAlgorithm.SHA256)), ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).certificateHashData(),
        "connected with the new root: the fallback goes (M05.FR.12)");
  }

  @Test
  void withAdditionalRootCertificateCheckTheOldRootIsTrustedAgainWhenTheNewOneCannotConnect() {
    Harness h = new Harness().configure("AdditionalRootCertificateCheck", "true").configure("AuthorizationKey", OCTT_KEY)
        .configure("SecurityProfile", "2").online();
    TestPki.Authority old = TestPki.root("Root 2025");
    TestPki.Authority successor = TestPki.successor(old);
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, old.pem());
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, successor.pem());
    h.cs.goOffline();
    h.advance(Security.TRIAL);
    assertEquals(List.of(old.pem(), successor.pem()), h.cs.settings().trustedRootCertificatesPem(), "M05.FR.13");
    h.cs.goOnline();
    h.run();
    assertEquals(2, ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).certificateHashData().size(), "perhaps the old one worked");
    assertEquals(List.of(successor.pem()), h.cs.settings().trustedRootCertificatesPem(), "the next connection tries the new one again");
  }

  // ---------------------------------------------------------------- security events (A04)

  @Test
  void startupIsReportedOnceAfterEachBoot() {
    Harness h = new Harness().online();
    assertEquals(List.of("StartupOfTheDevice"), events(h));
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of("StartupOfTheDevice"), events(h), "a reconnection is no boot");
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of("StartupOfTheDevice"), events(h));
  }

  @Test
  void aClockJumpIsACriticalEventThatSurvivesALossOfConnectionAndPower() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.advance(Duration.ofSeconds(300));
    h.cs.peek(HeartbeatRequest.class);
    h.cs.answer(new HeartbeatResponse(h.time.now().plus(Duration.ofHours(1))));
    h.run();
    SecurityEventNotificationRequest sent = h.cs.peek(SecurityEventNotificationRequest.class);
    assertEquals("SettingSystemTime", sent.type());
    h.cs.goOffline();
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of(sent), h.cs.sent(SecurityEventNotificationRequest.class).stream().filter(e -> e.type().equals("SettingSystemTime"))
        .toList(), "delivered after the reboot, as it was (A04.FR.02)");
  }

  @Test
  void heartbeatDriftIsNoEvent() {
    Harness h = new Harness().online();
    h.cs.answerWithTime(() -> h.time.now().plusSeconds(29));
    h.advance(Duration.ofSeconds(300));
    assertFalse(events(h).contains("SettingSystemTime"));
  }

  @Test
  void eventsTheLinkSeesAreLoggedAndSentCriticalOnesEvenAfterAPowerCut() {
    Harness h = new Harness().online();
    h.cs.listener().onSecurityEvent("InvalidTLSVersion", "TLS 1.1 offered");
    h.run();
    assertTrue(events(h).contains("InvalidTLSVersion"));
    h.cs.goOffline();
    h.cs.listener().onSecurityEvent("InvalidCentralSystemCertificate", "expired server certificate");
    h.cs.listener().onSecurityEvent("TamperDetectionActivated", "");
    h.run();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of("StartupOfTheDevice", "InvalidTLSVersion", "TamperDetectionActivated", "InvalidCentralSystemCertificate"), events(h),
        "the critical one from the durable queue, then the one held in memory");
    List<String> logged = securityLog(h).stream().map(SecurityEvents.Entry::type).toList();
    assertTrue(logged.containsAll(List.of("InvalidTLSVersion", "InvalidCentralSystemCertificate", "TamperDetectionActivated")), logged.toString());
    assertTrue(securityLog(h).stream().filter(e -> e.type().equals("TamperDetectionActivated")).allMatch(SecurityEvents.Entry::critical));

    h.cs.goOffline();
    h.cs.listener().onSecurityEvent("InvalidCentralSystemCertificate", "self-signed server certificate");
    h.cs.listener().onSecurityEvent("TamperDetectionActivated", "lid opened");
    h.run();
    h.restart();
    h.cs.goOnline();
    h.run();
    assertEquals(List.of("TamperDetectionActivated", "StartupOfTheDevice"), events(h),
        "a power cut loses what was held in memory; the log keeps it");
    assertEquals("self-signed server certificate", securityLog(h).get(securityLog(h).size() - 3).techInfo().orElseThrow());
  }

  @Test
  void whileOfflineOnlyTheLatestNonCriticalEventsAreHeld() {
    Harness h = new Harness().online();
    h.cs.goOffline();
    for (int i = 0; i < SecurityEvents.HELD_CAPACITY + 5; i++) {
      h.cs.listener().onSecurityEvent("InvalidCentralSystemCertificate", "attempt " + i);
    }
    h.run();
    h.cs.goOnline();
    h.run();
    List<SecurityEventNotificationRequest> sent = h.cs.sent(SecurityEventNotificationRequest.class).stream()
        .filter(e -> e.type().equals("InvalidCentralSystemCertificate")).toList();
    assertEquals(SecurityEvents.HELD_CAPACITY, sent.size());
    assertEquals(Optional.of("attempt 5"), sent.get(0).techInfo(), "the oldest went first");
    assertEquals(5L, h.cp.counters().get("securityEvent.heldDropped"));
    assertEquals(SecurityEvents.HELD_CAPACITY + 5L, securityLog(h).stream().filter(e -> e.type().equals("InvalidCentralSystemCertificate")).count());
  }

  @Test
  void theSecurityLogRollsAndCutsOverlongFields() {
    Harness h = new Harness().online();
    for (int i = 0; i < SecurityEvents.LOG_CAPACITY + 10; i++) {
      h.cs.listener().onSecurityEvent("InvalidMessages", "message " + i);
    }
    h.cs.listener().onSecurityEvent("X".repeat(80), "y".repeat(300));
    h.run();
    List<SecurityEvents.Entry> log = securityLog(h);
    assertEquals(SecurityEvents.LOG_CAPACITY, log.size());
    assertFalse(log.stream().anyMatch(e -> e.techInfo().equals(Optional.of("message 0"))), "the oldest went first");
    assertEquals(50, log.getLast().type().length());
    assertEquals(255, log.getLast().techInfo().orElseThrow().length());
    assertFalse(log.getLast().critical(), "an unknown type is not critical");
  }

  @Test
  void theSecurityKeysAreListed() {
    Harness h = new Harness().online();
    List<KeyValue> keys = h.<GetConfigurationResponse>callOk(new GetConfigurationRequest(List.of("AdditionalRootCertificateCheck",
        "CertificateSignedMaxChainSize", "CertificateStoreMaxLength", "CpoName", "SecurityProfile"))).configurationKey();
    assertEquals(List.of(new KeyValue("AdditionalRootCertificateCheck", true, Optional.of("false")),
        new KeyValue("CertificateSignedMaxChainSize", true, Optional.of("10000")),
        new KeyValue("CertificateStoreMaxLength", true, Optional.of("10")),
        new KeyValue("CpoName", false, Optional.of("")),
        new KeyValue("SecurityProfile", false, Optional.of("0"))), keys);
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "CpoName", "Kilowatt Charging B.V."));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "CpoName", "x".repeat(65)), "an organizationName has at most 64 characters");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "AdditionalRootCertificateCheck", "true"));
    ConnectionSettings settings = h.cs.settings();
    assertEquals(Optional.empty(), settings.clientCertificate());
  }
}
