package dev.kilowatt.core;

import static dev.kilowatt.core.security.SecurityTest.OCTT_KEY;
import static dev.kilowatt.core.security.SecurityTest.ROOT;
import static dev.kilowatt.core.security.SecurityTest.ROOT_ID;
import static dev.kilowatt.core.security.SecurityTest.change;
import static dev.kilowatt.core.security.SecurityTest.delete;
import static dev.kilowatt.core.security.SecurityTest.ids;
import static dev.kilowatt.core.security.SecurityTest.install;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FakeFiles.FakeCollector;
import dev.kilowatt.core.FakeFiles.FakeTransfer;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.CertificateSignedRequest;
import dev.kilowatt.core.message.CertificateSignedResponse;
import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.DeleteCertificateStatus;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.GetLogResponse;
import dev.kilowatt.core.message.LogParameters;
import dev.kilowatt.core.message.LogStatus;
import dev.kilowatt.core.message.LogStatusNotificationRequest;
import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.security.Certificates;
import dev.kilowatt.core.security.ChargePointCertificatesTest;
import dev.kilowatt.core.security.Security;
import dev.kilowatt.core.security.TestPki;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Charge Point test cases of the OCA test tool for the OCPP 1.6-J security extension, walked through
 * step by step where the topical tests (SecurityTest, ChargePointCertificatesTest, SignedFirmwareUpdateTest,
 * ...) check the behaviour but not the whole case; docs/oca-security-test-cases.md maps every case to its
 * tests. The domain plays the charge point, the fake central system the tool; what the tool checks on the
 * wire of TLS and HTTP is tested against the link in ocpp-adapter's OcppJsonLinkSecurityTest.
 */
class OcaSecurityTestCasesTest {

  /** The AuthorizationKey the charge point came with: 16 bytes in hexadecimal. */
  private static final String FACTORY_KEY = "00112233445566778899aabbccddeeff";
  private static final String CPO = "Kilowatt CPO";

  @TempDir
  Path dir;

  /** What went over the wire for {@code request}: the answer first, then what followed it. */
  private static List<Object> wireOf(Harness h, CentralSystemRequest<?> request) {
    int before = h.cs.wire().size();
    h.call(request);
    return List.copyOf(h.cs.wire().subList(before, h.cs.wire().size()));
  }

  private static SecurityEventNotificationRequest event(Object sent) {
    return assertInstanceOf(SecurityEventNotificationRequest.class, sent);
  }

  /** A charge point on {@code profile} with its factory key, online. */
  private static Harness onProfile(int profile) {
    return new Harness().configure("SecurityProfile", Integer.toString(profile)).configure("AuthorizationKey", FACTORY_KEY).online();
  }

  // ---------------------------------------------------------------- secure connection setup

  @Test
  @DisplayName("TC_073_CS Update Charge Point password for HTTP Basic Authentication: each new key answered, then used to reconnect")
  void tc073() {
    Harness h = onProfile(1);
    for (String key : List.of(OCTT_KEY, FACTORY_KEY)) {
      h.cs.forgetTrace();
      List<Object> wire = wireOf(h, new ChangeConfigurationRequest("AuthorizationKey", key));
      assertEquals(new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED), wire.get(0), "steps 2 and 5");
      assertEquals("ReconfigurationOfSecurityParameters", event(wire.get(1)).type(), "logged and told after the answer (A01.FR.11)");
      assertEquals(List.of("reconfigure"), h.cs.trace().subList(1, h.cs.trace().size()), "steps 3 and 6: the link reconnects");
      assertEquals(Optional.of(key), h.cs.settings().authorizationKey(), "with the new password");
      h.cs.goOffline();
      h.cs.goOnline();
      h.run();
    }
  }

  @Test
  @DisplayName("TC_074_CS Update Charge Point certificate by request of the Central System: new key, CSR, certificate, reconnection")
  void tc074() throws Exception {
    TestPki.Authority tool = TestPki.root("Test Tool CA");
    Harness h = new Harness().configure("CpoName", CPO).online();
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, tool.pem());
    renewed(h, tool);
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "SecurityProfile", "3"), "the tool runs this case on profile 3");

    ClientCertificate before = h.cs.settings().clientCertificate().orElseThrow();
    X509Certificate renewed = renewed(h, tool);
    ClientCertificate after = h.cs.settings().clientCertificate().orElseThrow();
    assertTrue(!after.equals(before) && after.certificateChainPem().equals(Certificates.pem(renewed)), "step 7: the new certificate");
    assertTrue(!after.privateKeyPkcs8Pem().equals(before.privateKeyPkcs8Pem()), "of a new key pair (A02.FR.02)");
  }

  /** Steps 1 to 6 of TC_074_CS: the certificate {@code ca} signed, which the charge point then uses (step 7). */
  private static X509Certificate renewed(Harness h, TestPki.Authority ca) throws Exception {
    SignCertificateRequest request = h.triggerExtended(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, SignCertificateRequest.class);
    X509Certificate certificate = ca.leaf(ChargePointCertificatesTest.publicKeyOf(request.csr()), CPO, "SN-1", h.time.now(),
        TestPki.FAR_AHEAD);
    h.cs.forgetTrace();
    assertEquals(new CertificateSignedResponse(CertificateSignedStatus.ACCEPTED), h.call(new CertificateSignedRequest(Certificates.pem(certificate))));
    assertEquals("reconfigure", h.cs.trace().get(1), "the answer goes first, then the link takes the new certificate");
    return certificate;
  }

  @Test
  @DisplayName("TC_077_CS Invalid ChargePointCertificate security event: Rejected, then InvalidChargePointCertificate")
  void tc077() throws Exception {
    Harness h = new Harness().configure("CpoName", CPO).online();
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT);
    SignCertificateRequest request = h.triggerExtended(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, SignCertificateRequest.class);
    X509Certificate byTheTool = TestPki.root("Test Tool CA").leaf(ChargePointCertificatesTest.publicKeyOf(request.csr()), CPO, "SN-1",
        TestPki.LONG_AGO, TestPki.FAR_AHEAD);

    List<Object> wire = wireOf(h, new CertificateSignedRequest(Certificates.pem(byTheTool)));
    assertEquals(new CertificateSignedResponse(CertificateSignedStatus.REJECTED), wire.get(0), "step 6");
    assertEquals("InvalidChargePointCertificate", event(wire.get(1)).type(), "step 7, after the answer");
    assertEquals(Optional.empty(), h.cs.settings().clientCertificate(), "discarded (A02.FR.07)");
  }

  @Test
  @DisplayName("TC_078_CS Invalid CentralSystemCertificate security event: told once the connection is back")
  void tc078() {
    Harness h = onProfile(2);
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();
    h.cs.goOffline();
    h.advance(Duration.ofSeconds(5));
    Instant refused = h.time.now();
    h.cs.listener().onSecurityEvent("InvalidCentralSystemCertificate", "server certificate not issued by an installed root");
    h.run();
    h.advance(Duration.ofSeconds(20));

    h.cs.goOnline();
    h.run();
    SecurityEventNotificationRequest sent = h.cs.sent(SecurityEventNotificationRequest.class).getLast();
    assertEquals("InvalidCentralSystemCertificate", sent.type());
    assertEquals(refused, sent.timestamp(), "when the link refused the certificate");
  }

  @Test
  @DisplayName("TC_083_CS Upgrade security profile from 1 to 2: Accepted, Hard reset, boot on profile 2, never back to 1")
  void tc083() {
    Harness h = onProfile(1);
    install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT);
    h.cs.forgetTrace();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "SecurityProfile", "2"), "step 2");
    assertEquals("reconfigure", h.cs.trace().get(1));
    assertEquals(2, h.cs.settings().securityProfile());
    h.cs.goOffline();
    h.cs.goOnline();
    h.run();

    assertEquals(new ResetResponse(ResetStatus.ACCEPTED), h.call(new ResetRequest(ResetType.HARD)), "step 4");
    h.advance(Duration.ofSeconds(1));
    assertEquals(List.of(Platform.RebootKind.HARD), h.platform.reboots);
    h.restartOnline();
    assertEquals(2, h.cs.settings().securityProfile(), "the boot uses profile 2");
    assertEquals(1, h.cs.sent(BootNotificationRequest.class).size(), "step 5");
    assertEquals(List.of("Available"), h.reportedStatuses(0), "step 7, connector 0");
    assertEquals(List.of("Available"), h.reportedStatuses(1), "step 7, connector 1");

    h.cs.goOffline();
    h.advance(Security.TRIAL.multipliedBy(3));
    assertEquals(2, h.cs.settings().securityProfile(), "step 16: profile 2 worked, so no way back to profile 1");
  }

  @Test
  @DisplayName("TC_084_CS Downgrade security profile: Rejected, and the connection stays as it is")
  void tc084() {
    Harness h = onProfile(2);
    h.cs.forgetTrace();
    assertEquals(ConfigurationStatus.REJECTED, change(h, "SecurityProfile", "1"));
    assertTrue(h.cs.trace().stream().noneMatch("reconfigure"::equals), "no reconnection (A05.FR.01)");
    assertEquals(2, h.cs.settings().securityProfile());
  }

  // ---------------------------------------------------------------- certificate management

  @Test
  @DisplayName("TC_076_CS Delete a specific certificate: the installed Central System root is gone, also when it was the only one")
  void tc076() {
    Harness h = onProfile(1);
    assertEquals(CertificateStatus.ACCEPTED, install(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT), "memory state");
    GetInstalledCertificateIdsResponse installed = ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE);
    assertEquals(List.of(ROOT_ID), installed.certificateHashData(), "step 2");
    assertEquals(DeleteCertificateStatus.ACCEPTED, delete(h, installed.certificateHashData().get(0)),
        "step 4: without TLS no root validates the connection (M04.FR.06)");
    assertEquals(GetInstalledCertificateStatus.NOT_FOUND, ids(h, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).status(), "step 6");

    Harness tls = onProfile(2);
    TestPki.Authority inUse = TestPki.root("Root the connection uses");
    install(tls, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, inUse.pem());
    install(tls, CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, ROOT);
    assertEquals(DeleteCertificateStatus.ACCEPTED, delete(tls, ROOT_ID), "on TLS, beside the root the connection uses");
    assertEquals(List.of(inUse.pem()), tls.cs.settings().trustedRootCertificatesPem());
  }

  // ---------------------------------------------------------------- security log

  @Test
  @DisplayName("TC_079_CS Get security log: Accepted, Uploading and Uploaded with the requestId, the log at the remote location")
  void tc079() throws Exception {
    FakeTransfer transfer = new FakeTransfer(dir);
    Harness h = new Harness().customize(b -> b.fileTransfer(transfer).diagnosticsCollector(new FakeCollector(dir))).online();
    String location = "ftp://octt:octt@logs.example.com/security";

    List<Object> wire = wireOf(h, new GetLogRequest(LogType.SECURITY_LOG, 42, Optional.empty(), Optional.empty(),
        new LogParameters(location, Optional.empty(), Optional.empty())));
    assertEquals(LogStatus.ACCEPTED, assertInstanceOf(GetLogResponse.class, wire.get(0)).status(), "step 2");
    assertEquals(new LogStatusNotificationRequest(UploadLogStatus.UPLOADING, Optional.of(42)), wire.get(1), "step 3");
    assertEquals(URI.create(location), transfer.lastUpload().location());
    assertTrue(Files.readString(transfer.lastUpload().file()).contains("StartupOfTheDevice"), "the security log");

    transfer.completeUpload();
    h.run();
    assertEquals(new LogStatusNotificationRequest(UploadLogStatus.UPLOADED, Optional.of(42)),
        h.cs.sent(LogStatusNotificationRequest.class).getLast(), "step 5");
  }
}
