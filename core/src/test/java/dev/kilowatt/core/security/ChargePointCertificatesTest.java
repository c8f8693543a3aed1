package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateSignedRequest;
import dev.kilowatt.core.message.CertificateSignedResponse;
import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.DeleteCertificateRequest;
import dev.kilowatt.core.message.DeleteCertificateStatus;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.HashAlgorithm;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.DeleteCertificateResponse;
import dev.kilowatt.core.message.InstallCertificateResponse;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.message.SignCertificateResponse;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charge point certificate: request, signed chain, switch-over and renewal (white paper A02, A03). */
public class ChargePointCertificatesTest {

  private final TestPki.Authority root = TestPki.root("CPO Root");

  /** A rig online with {@link #root} installed. */
  private SecurityRig rig() {
    return rigTrusting(root);
  }

  /** A rig online with {@code root} installed as its Central System root. */
  static SecurityRig rigTrusting(TestPki.Authority root) {
    SecurityRig rig = new SecurityRig().online();
    assertEquals(CertificateStatus.ACCEPTED, install(rig,
        new InstallCertificateRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, root.pem())).status());
    return rig;
  }

  /** Asks for a certificate and returns the public key of the request that went out. */
  static PublicKey request(SecurityRig rig) throws Exception {
    assertTrue(rig.run(rig.security::requestCertificateSigning));
    return publicKeyOf(rig.cs.sent(SignCertificateRequest.class).getLast().csr());
  }

  /** The public key a certificate authority takes from a PEM certificate signing request. */
  public static PublicKey publicKeyOf(String csr) throws Exception {
    byte[] spki = Der.read(Certificates.unpem("CERTIFICATE REQUEST", csr)).children().get(0).child(2, Der.SEQUENCE).encoded();
    return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
  }

  /** What the charge point answers a CertificateSigned.req of {@code chain}, once everything it leads to has run. */
  static CertificateSignedStatus signed(SecurityRig rig, String chain) {
    return ChargePointCertificatesTest.<CertificateSignedResponse>answer(rig,
        answer -> rig.security.certificateSigned(new CertificateSignedRequest(chain), answer)).status();
  }

  private X509Certificate leaf(PublicKey key, Instant notBefore, Instant notAfter) {
    return root.leaf(key, "Kilowatt CPO", "SN-1", notBefore, notAfter);
  }

  private static List<String> events(SecurityRig rig) {
    return rig.cs.sent(SecurityEventNotificationRequest.class).stream().map(SecurityEventNotificationRequest::type).toList();
  }

  @Test
  void aSignedCertificateForThePendingKeyIsAcceptedAndHandedToTheLink() throws Exception {
    SecurityRig rig = rig();
    PublicKey key = request(rig);
    X509Certificate certificate = leaf(key, TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    rig.cs.forgetTrace();

    assertEquals(CertificateSignedStatus.ACCEPTED, signed(rig, Certificates.pem(certificate)));
    assertEquals(List.of("reconfigure"), rig.cs.trace(), "the link switches to the new certificate (A02.FR.08)");
    ClientCertificate client = rig.cs.settings().clientCertificate().orElseThrow();
    assertEquals(List.of(certificate), Certificates.parse(client.certificateChainPem()));
    PrivateKey privateKey = KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Certificates.unpem("PRIVATE KEY", client.privateKeyPkcs8Pem())));
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(privateKey);
    signature.update(new byte[] {1, 2, 3});
    byte[] signed = signature.sign();
    signature.initVerify(certificate.getPublicKey());
    signature.update(new byte[] {1, 2, 3});
    assertTrue(signature.verify(signed), "the kept private key belongs to the certificate");
    assertFalse(client.toString().contains("PRIVATE"), "the key stays out of logs");
    assertTrue(rig.storage.load(ChargePointCertificates.PENDING_KEY, ChargePointCertificates.Pending.class).isEmpty());
  }

  @Test
  void withACertificateProfileThreeIsAllowed() throws Exception {
    SecurityRig rig = rig();
    assertEquals(ConfigurationStatus.REJECTED, changeSecurityProfile(rig, "3"));
    signed(rig, Certificates.pem(leaf(request(rig), TestPki.LONG_AGO, TestPki.FAR_AHEAD)));
    assertEquals(ConfigurationStatus.ACCEPTED, changeSecurityProfile(rig, "3"));
    assertEquals(3, rig.cs.settings().securityProfile());
    assertTrue(rig.cs.settings().clientCertificate().isPresent());
  }

  @Test
  void aChainThroughASubCaIsAcceptedAndStoredWithoutTheRoot() throws Exception {
    SecurityRig rig = rig();
    PublicKey key = request(rig);
    TestPki.Authority sub = root.subordinate("CPO Sub CA");
    X509Certificate certificate = sub.leaf(key, "Kilowatt CPO", "SN-1", TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    assertEquals(CertificateSignedStatus.ACCEPTED, signed(rig, Certificates.pem(certificate) + sub.pem() + root.pem()));
    assertEquals(List.of(certificate, sub.certificate()),
        Certificates.parse(rig.cs.settings().clientCertificate().orElseThrow().certificateChainPem()));
  }

  @Test
  void invalidCertificatesAreRejectedAndReportedAsSecurityEvents() throws Exception {
    SecurityRig rig = rig();
    PublicKey key = request(rig);
    TestPki.Authority stranger = TestPki.root("Stranger");
    List<String> refused = List.of(
        "garbage",
        Certificates.pem(leaf(TestPki.ecKeys().getPublic(), TestPki.LONG_AGO, TestPki.FAR_AHEAD)),
        Certificates.pem(leaf(key, TestPki.LONG_AGO, Instant.parse("2025-01-01T00:00:00Z"))),
        Certificates.pem(stranger.leaf(key, "Kilowatt CPO", "SN-1", TestPki.LONG_AGO, TestPki.FAR_AHEAD)),
        Certificates.pem(root.leaf(key, "Kilowatt CPO", "SN-2", TestPki.LONG_AGO, TestPki.FAR_AHEAD)),
        Certificates.pem(root.leaf(key, " ", "SN-1", TestPki.LONG_AGO, TestPki.FAR_AHEAD)));
    for (String chain : refused) {
      assertEquals(CertificateSignedStatus.REJECTED, signed(rig, chain), chain);
    }
    assertEquals(refused.size(), events(rig).stream().filter("InvalidChargePointCertificate"::equals).count(),
        "A02.FR.07, and the conformance test TC_077_CS expects to hear of it");
    assertEquals(Optional.empty(), rig.cs.settings().clientCertificate());
    assertEquals(CertificateSignedStatus.ACCEPTED, signed(rig, Certificates.pem(leaf(key, TestPki.LONG_AGO, TestPki.FAR_AHEAD))),
        "the request stays open through rejections");
  }

  @Test
  void aChainLongerThanCertificateSignedMaxChainSizeIsRejected() throws Exception {
    SecurityRig rig = new SecurityRig().configure("CertificateSignedMaxChainSize", "500").online();
    install(rig, new InstallCertificateRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, root.pem()));
    String chain = Certificates.pem(leaf(request(rig), TestPki.LONG_AGO, TestPki.FAR_AHEAD));
    assertTrue(chain.length() > 500);
    assertEquals(CertificateSignedStatus.REJECTED, signed(rig, chain));
  }

  @Test
  void nothingIsSignedWithoutARequestOrWithoutCpoNameOrSerialNumber() {
    SecurityRig rig = rig();
    X509Certificate unasked = leaf(TestPki.ecKeys().getPublic(), TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    assertEquals(CertificateSignedStatus.REJECTED, signed(rig, Certificates.pem(unasked)));

    SecurityRig nameless = new SecurityRig().configure("CpoName", "").online();
    assertFalse(nameless.security.readyToSign(), "A02 prerequisite: CpoName");
    assertFalse(nameless.run(nameless.security::requestCertificateSigning));
    SecurityRig anonymous = new SecurityRig(SecurityRig.START, Optional.empty()).online();
    assertFalse(anonymous.run(anonymous.security::requestCertificateSigning), "no serial number for the CN");
    SecurityRig offline = new SecurityRig().start();
    assertFalse(offline.run(offline.security::requestCertificateSigning));
    assertTrue(nameless.cs.sent(SignCertificateRequest.class).isEmpty());
  }

  @Test
  void aRejectedSigningRequestIsNotRetriedButAnUndeliveredOneIsForgotten() throws Exception {
    SecurityRig rig = rig();
    rig.cs.holdAnswers();
    assertTrue(rig.run(rig.security::requestCertificateSigning));
    rig.cs.peek(SignCertificateRequest.class);
    rig.cs.answer(new SignCertificateResponse(GenericStatus.REJECTED));
    rig.time.runPending();
    assertTrue(rig.storage.load(ChargePointCertificates.PENDING_KEY, ChargePointCertificates.Pending.class).isPresent(),
        "the paper advises against retrying on our own");

    assertTrue(rig.run(rig.security::requestCertificateSigning));
    rig.cs.goOffline();
    rig.time.runPending();
    assertTrue(rig.storage.load(ChargePointCertificates.PENDING_KEY, ChargePointCertificates.Pending.class).isEmpty());
  }

  @Test
  void aCertificateNotValidYetIsKeptAndUsedFromItsStart() throws Exception {
    SecurityRig rig = rig();
    PublicKey first = request(rig);
    X509Certificate current = leaf(first, TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    signed(rig, Certificates.pem(current));
    Instant start = SecurityRig.START.plus(Duration.ofDays(2));
    X509Certificate next = leaf(request(rig), start, TestPki.FAR_AHEAD);
    assertEquals(CertificateSignedStatus.ACCEPTED, signed(rig, Certificates.pem(next)));
    assertEquals(List.of(current), Certificates.parse(rig.cs.settings().clientCertificate().orElseThrow().certificateChainPem()));
    rig.time.runUntil(start);
    assertEquals(List.of(next), Certificates.parse(rig.cs.settings().clientCertificate().orElseThrow().certificateChainPem()),
        "the newest valid certificate (A02.FR.08, A02.FR.09)");

    rig.restart();
    assertEquals(List.of(next), Certificates.parse(rig.security.connectionSettings().clientCertificate().orElseThrow().certificateChainPem()),
        "kept across a power cut");
  }

  @Test
  void ofTwoCertificatesThatStartAlikeTheOneReceivedLastIsUsed() throws Exception {
    SecurityRig rig = rig();
    signed(rig, Certificates.pem(leaf(request(rig), SecurityRig.START, TestPki.FAR_AHEAD)));
    X509Certificate renewed = leaf(request(rig), SecurityRig.START, TestPki.FAR_AHEAD);
    assertEquals(CertificateSignedStatus.ACCEPTED, signed(rig, Certificates.pem(renewed)));
    assertEquals(List.of(renewed), Certificates.parse(rig.cs.settings().clientCertificate().orElseThrow().certificateChainPem()),
        "a CA that dates its certificates to the day must not keep the charge point on the old key");
    rig.restart();
    assertEquals(List.of(renewed), Certificates.parse(rig.security.connectionSettings().clientCertificate().orElseThrow().certificateChainPem()));
  }

  @Test
  void aCertificateExpiringWithinAMonthIsRenewedOnce() throws Exception {
    SecurityRig rig = rig();
    signed(rig, Certificates.pem(leaf(request(rig), TestPki.LONG_AGO, SecurityRig.START.plus(Duration.ofDays(40)))));
    int before = rig.cs.sent(SignCertificateRequest.class).size();
    rig.time.advance(Duration.ofDays(9));
    assertEquals(before, rig.cs.sent(SignCertificateRequest.class).size(), "more than a month left");
    rig.time.advance(Duration.ofDays(2));
    assertEquals(before + 1, rig.cs.sent(SignCertificateRequest.class).size(), "A03.FR.02");
    rig.time.advance(Duration.ofDays(5));
    assertEquals(before + 1, rig.cs.sent(SignCertificateRequest.class).size(), "not again while the request is open");
  }

  @Test
  void theChargePointCertificateCannotBeDeleted() throws Exception {
    SecurityRig rig = rig();
    X509Certificate certificate = leaf(request(rig), TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    signed(rig, Certificates.pem(certificate));
    CertificateHashData own = Certificates.hashData(certificate, Certificates.publicKeyBits(root.certificate().getPublicKey()),
        HashAlgorithm.SHA256);
    assertEquals(DeleteCertificateStatus.FAILED, delete(rig, new DeleteCertificateRequest(own)).status(),
        "M04.FR.05, AQ-3");
  }

  @Test
  void aCertificateSignedByOpenSslIsAccepted(@TempDir Path dir) throws Exception {
    assertTrue(CertificateHashDataTest.openSslAvailable(), CertificateHashDataTest.OPENSSL_MISSING);
    // openssl stamps notBefore with the wall clock at signing, truncated to the second; virtual time must not lag it,
    // or the certificate is kept as "not valid yet" instead of taking effect.
    SecurityRig rig = new SecurityRig(Instant.now().plus(Duration.ofMinutes(5)), Optional.of("SN-1")).online();
    assertEquals(CertificateStatus.ACCEPTED, install(rig,
        new InstallCertificateRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, TestPki.resource("pki/root.pem"))).status());
    assertTrue(rig.run(rig.security::requestCertificateSigning));
    Files.writeString(dir.resolve("cp.csr"), rig.cs.sent(SignCertificateRequest.class).getLast().csr());
    Files.writeString(dir.resolve("root.pem"), TestPki.resource("pki/root.pem"));
    Files.writeString(dir.resolve("root.key"), TestPki.resource("pki/root.key"));
    CertificateHashDataTest.run(dir, "openssl", "x509", "-req", "-in", "cp.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial",
        "4711", "-days", "30", "-sha256", "-out", "cp.pem");
    String chain = Files.readString(dir.resolve("cp.pem"));
    assertEquals(CertificateSignedStatus.ACCEPTED, signed(rig, chain));
    assertArrayEquals(Certificates.parse(chain).get(0).getEncoded(),
        Certificates.parse(rig.cs.settings().clientCertificate().orElseThrow().certificateChainPem()).get(0).getEncoded());
  }

  @Test
  void theFirmwareCheckFindsTheManufacturerRoots() throws Exception {
    SecurityRig rig = rig();
    assertEquals(List.of(), rig.security.rootCertificates(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE));
    install(rig, new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE,
        TestPki.resource("pki/mfr.pem")));
    assertEquals(Certificates.parse(TestPki.resource("pki/mfr.pem")), rig.security.rootCertificates(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE));
    assertEquals(List.of(root.certificate()), rig.security.rootCertificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE));
  }

  private static ConfigurationStatus changeSecurityProfile(SecurityRig rig, String value) {
    return answer(rig, answer -> rig.config.change("SecurityProfile", value, answer));
  }

  private static InstallCertificateResponse install(SecurityRig rig, InstallCertificateRequest request) {
    return answer(rig, answer -> rig.security.install(request, answer));
  }

  private static DeleteCertificateResponse delete(SecurityRig rig, DeleteCertificateRequest request) {
    return answer(rig, answer -> rig.security.delete(request, answer));
  }

  /** What a call answers, on the loop, once everything it leads to has run. */
  private static <A> A answer(SecurityRig rig, java.util.function.Consumer<java.util.function.Consumer<A>> call) {
    java.util.concurrent.atomic.AtomicReference<A> answer = new java.util.concurrent.atomic.AtomicReference<>();
    rig.run(() -> {
      call.accept(answer::set);
      return answer;
    });
    return java.util.Objects.requireNonNull(answer.get(), "no answer");
  }
}
