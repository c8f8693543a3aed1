package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.security.Certificates;
import dev.kilowatt.core.security.Der;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKCS#10 request of A02.FR.03, read back field by field and checked with the JDK and OpenSSL. */
class CertificateSigningRequestTest {

  private static Der.Element request(String pem) {
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"));
    assertTrue(pem.endsWith("-----END CERTIFICATE REQUEST-----\n"));
    return Der.read(Certificates.unpem("CERTIFICATE REQUEST", pem));
  }

  @Test
  void theRequestCarriesVersionSubjectKeyAndAValidSignature() throws Exception {
    KeyPair keys = TestPki.ecKeys();
    Der.Element request = request(SigningRequests.csr(keys, "Kilowatt CPO", "SN-1"));
    List<Der.Element> parts = request.children();
    assertEquals(3, parts.size());
    Der.Element info = parts.get(0);

    assertEquals(BigInteger.ZERO, new BigInteger(info.child(0, Der.INTEGER).content()), "version v1 (0)");
    byte[] subject = info.child(1, Der.SEQUENCE).encoded();
    assertEquals("Kilowatt CPO", Certificates.attribute(subject, Certificates.ORGANIZATION).orElseThrow(), "O is CpoName (A02.FR.13)");
    assertEquals("SN-1", Certificates.attribute(subject, Certificates.COMMON_NAME).orElseThrow(), "CN is the serial number");
    assertArrayEquals(keys.getPublic().getEncoded(), info.child(2, Der.SEQUENCE).encoded());
    assertEquals(0, info.child(3, Der.CONTEXT_0).content().length, "no attributes");
    assertEquals("1.2.840.10045.4.3.2", parts.get(1).child(0, Der.OID).oid(), "ecdsa-with-SHA256");

    byte[] bits = parts.get(2).content();
    assertEquals(0, bits[0], "no unused bits");
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(keys.getPublic());
    verifier.update(info.encoded());
    assertTrue(verifier.verify(java.util.Arrays.copyOfRange(bits, 1, bits.length)));
  }

  @Test
  void namesOutsidePrintableStringAreUtf8() throws Exception {
    byte[] subject = request(SigningRequests.csr(TestPki.ecKeys(), "Électricité & Cie", "SN_1")).children().get(0)
        .child(1, Der.SEQUENCE).encoded();
    List<Der.Element> rdns = Der.read(subject).children();
    assertEquals(Der.UTF8_STRING, rdns.get(0).children().get(0).children().get(1).tag());
    assertEquals(Der.UTF8_STRING, rdns.get(1).children().get(0).children().get(1).tag(), "an underscore is not printable");
    assertEquals("Électricité & Cie", Certificates.attribute(subject, Certificates.ORGANIZATION).orElseThrow());
  }

  @Test
  void openSslVerifiesTheRequest(@TempDir Path dir) throws Exception {
    assertTrue(CertificateHashDataTest.openSslAvailable(), CertificateHashDataTest.OPENSSL_MISSING);
    Files.writeString(dir.resolve("x.csr"), SigningRequests.csr(TestPki.ecKeys(), "Électricité CPO", "SN-4711"));
    String out = CertificateHashDataTest.run(dir, "openssl", "req", "-in", "x.csr", "-verify", "-noout", "-subject", "-nameopt", "utf8");
    assertTrue(out.contains("verify OK") || out.contains("Certificate request self-signature verify OK"), out);
    assertTrue(out.contains("O = Électricité CPO, CN = SN-4711") || out.contains("O=Électricité CPO, CN=SN-4711"), out);
  }
}
