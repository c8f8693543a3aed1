package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.HashAlgorithm;
import dev.kilowatt.core.security.Certificates;
import dev.kilowatt.core.security.Der;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CertificateHashData as the white paper's edition 3 defines it (section 6.1, after RFC 6960), checked
 * against the OCSP CertIDs OpenSSL computed for the committed test certificates (see pki/README) and,
 * where OpenSSL is installed, for freshly made ones.
 */
public class CertificateHashDataTest {

  private static final String ROOT_NAME_HASH = "3de288bd203bb488cee8487c4f222344258cab222ab57715f39aca6733c17f63";
  private static final String ROOT_KEY_HASH = "756617a3a68969eb0e406ecd972fe8212ede0a5e2357bd9e0f1d55a96ad632b3";

  private static X509Certificate fixture(String name) throws CertificateException {
    return Certificates.parse(TestPki.resource("pki/" + name)).get(0);
  }

  @Test
  void aSelfSignedRootHashesItsOwnNameAndKeyAndWritesTheSerialWithoutLeadingZeroes() throws Exception {
    X509Certificate root = fixture("root.pem");
    CertificateHashData data = Certificates.hashData(root, Certificates.publicKeyBits(root.getPublicKey()), HashAlgorithm.SHA256);
    assertEquals(new CertificateHashData(HashAlgorithm.SHA256, ROOT_NAME_HASH, ROOT_KEY_HASH, "FFF"), data,
        "serial 4095 is FFF, the paper's own example (OpenSSL prints 0FFF)");
  }

  @Test
  void anIssuedCertificateHashesItsIssuersNameAndKey() throws Exception {
    X509Certificate root = fixture("root.pem");
    X509Certificate sub = fixture("sub.pem");
    byte[] rootKey = Certificates.publicKeyBits(root.getPublicKey());
    assertEquals(new CertificateHashData(HashAlgorithm.SHA256, ROOT_NAME_HASH, ROOT_KEY_HASH, "A1B2C3D4E5F60718"),
        Certificates.hashData(sub, rootKey, HashAlgorithm.SHA256));
    assertEquals(new CertificateHashData(HashAlgorithm.SHA384,
        "1b36607282df17047f9ba678a3b23924096b82e8d0c2aa87d1fd963b8e0b176cf387e271f141dde8eef62209fa746cf1",
        "b1f379accc30e1918f89a71bac4598359f5f6275627bbfe43999e3dc0536e4df0f1e73074784cb4893d7be16efd48746", "A1B2C3D4E5F60718"),
        Certificates.hashData(sub, rootKey, HashAlgorithm.SHA384));
  }

  @Test
  void anRsaRootHashesTheKeyBitsOfItsRsaKey() throws Exception {
    X509Certificate manufacturer = fixture("mfr.pem");
    assertEquals(new CertificateHashData(HashAlgorithm.SHA256, "09ec23dfb4a3dd78bd6e4561744fedfb64ac86d08d8add732eb437fb08cbc0ce",
        "0973ab30d1242e22778c2a8c1ca0798205c79b4360ff0d7a22144909716d1884", "1"),
        Certificates.hashData(manufacturer, Certificates.publicKeyBits(manufacturer.getPublicKey()), HashAlgorithm.SHA256));
  }

  @Test
  void hashDataMatchesCaseInsensitivelyAndSerialsByValue() throws Exception {
    X509Certificate root = fixture("root.pem");
    CertificateHashData ours = Certificates.hashData(root, Certificates.publicKeyBits(root.getPublicKey()), HashAlgorithm.SHA256);
    assertTrue(Certificates.sameCertificate(new CertificateHashData(HashAlgorithm.SHA256, ROOT_NAME_HASH.toUpperCase(), ROOT_KEY_HASH,
        "0fff"), ours));
    assertFalse(Certificates.sameCertificate(new CertificateHashData(HashAlgorithm.SHA256, ROOT_NAME_HASH, ROOT_KEY_HASH, "FFE"), ours));
    assertFalse(Certificates.sameCertificate(new CertificateHashData(HashAlgorithm.SHA256, ROOT_NAME_HASH, ROOT_KEY_HASH, "xyz"), ours));
    assertFalse(Certificates.sameCertificate(new CertificateHashData(HashAlgorithm.SHA384, ROOT_NAME_HASH, ROOT_KEY_HASH, "FFF"), ours),
        "another algorithm names another hash");
  }

  @Test
  void namesAreReadFromTheCertificatesOwnDer() throws Exception {
    X509Certificate sub = fixture("sub.pem");
    assertEquals("Kilowatt Test Sub CA", Certificates.attribute(Certificates.subjectName(sub), Certificates.COMMON_NAME).orElseThrow());
    assertEquals("Kilowatt Test Root", Certificates.attribute(Certificates.issuerName(sub), Certificates.COMMON_NAME).orElseThrow());
    assertEquals("Kilowatt Test CPO", Certificates.attribute(Certificates.subjectName(sub), Certificates.ORGANIZATION).orElseThrow());
    assertTrue(Certificates.selfSigned(fixture("root.pem")));
    assertFalse(Certificates.selfSigned(sub));
    assertTrue(Certificates.certificateAuthority(sub));
  }

  @Test
  void garbageIsNoCertificate() {
    assertThrows(CertificateException.class, () -> Certificates.parse("hello"));
    assertThrows(CertificateException.class, () -> Certificates.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    assertThrows(IllegalArgumentException.class, () -> Der.read(new byte[] {0x30, 0x05, 0x01}));
    assertThrows(IllegalArgumentException.class, () -> Der.read(new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1}));
  }

  @Test
  void freshCertificatesHashAsOpenSslSays(@TempDir Path dir) throws Exception {
    assertTrue(openSslAvailable(), OPENSSL_MISSING);
    TestPki.Authority root = TestPki.root("Fresh Root");
    TestPki.Authority sub = root.subordinate("Fresh Sub");
    Files.writeString(dir.resolve("root.pem"), root.pem());
    Files.writeString(dir.resolve("sub.pem"), sub.pem());
    run(dir, "openssl", "ocsp", "-issuer", "root.pem", "-sha256", "-cert", "sub.pem", "-reqout", "req.der", "-no_nonce");
    Map<String, String> certId = certId(run(dir, "openssl", "ocsp", "-reqin", "req.der", "-req_text"));

    CertificateHashData ours = Certificates.hashData(sub.certificate(), Certificates.publicKeyBits(root.certificate().getPublicKey()),
        HashAlgorithm.SHA256);
    assertEquals(certId.get("Issuer Name Hash"), ours.issuerNameHash().toUpperCase());
    assertEquals(certId.get("Issuer Key Hash"), ours.issuerKeyHash().toUpperCase());
    assertEquals(certId.get("Serial Number").replaceFirst("^0+(?=.)", ""), ours.serialNumber());
  }

  /** A missing tool fails the test rather than skipping it, so a green build means every check ran. */
  public static final String OPENSSL_MISSING = "openssl is not installed (apt-get install openssl; .ci/run installs it):"
      + " the certificate tests check our encodings against it";

  public static boolean openSslAvailable() {
    try {
      Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl finished");
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    return output;
  }

  private static Map<String, String> certId(String text) {
    Map<String, String> out = new HashMap<>();
    for (String line : text.replace("\\\n", "").split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return out;
  }
}
