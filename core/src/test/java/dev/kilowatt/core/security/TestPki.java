package dev.kilowatt.core.security;

import dev.kilowatt.core.security.Certificates;
import dev.kilowatt.core.security.Der;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small certificate authority for tests: X.509 v3 certificates built with {@link Der} and signed with
 * the JDK, so that tests control every date, key and name. The JDK's own parser reads each result back,
 * which checks the encoding independently.
 */
public final class TestPki {

  public static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
  public static final Instant FAR_AHEAD = Instant.parse("2120-01-01T00:00:00Z");
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final AtomicLong SERIALS = new AtomicLong(0x1000);

  /** A CA: its certificate and the key it signs with. */
  public record Authority(X509Certificate certificate, PrivateKey key) {
    public String pem() {
      return Certificates.pem(certificate);
    }

    /** A CA certificate signed by this one, valid 2020 to 2120. */
    public Authority subordinate(String commonName) {
      KeyPair keys = ecKeys();
      return new Authority(issue(this, keys.getPublic(), "Kilowatt Test CPO", commonName, LONG_AGO, FAR_AHEAD, true), keys.getPrivate());
    }

    /** An end-entity certificate for {@code key}. */
    public X509Certificate leaf(PublicKey key, String organization, String commonName, Instant notBefore, Instant notAfter) {
      return issue(this, key, organization, commonName, notBefore, notAfter, false);
    }
  }

  private TestPki() {}

  public static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed root CA valid from {@code notBefore} to {@code notAfter}. */
  public static Authority root(String commonName, Instant notBefore, Instant notAfter) {
    KeyPair keys = ecKeys();
    byte[] name = name("Kilowatt Test CPO", commonName);
    return new Authority(sign(name, keys.getPrivate(), keys.getPublic(), name, notBefore, notAfter, true), keys.getPrivate());
  }

  public static Authority root(String commonName) {
    return root(commonName, LONG_AGO, FAR_AHEAD);
  }

  /** A new root with the name of {@code predecessor} and a new key, signed by the predecessor (M05.FR.09). */
  public static Authority successor(Authority predecessor) {
    KeyPair keys = ecKeys();
    byte[] name = Certificates.subjectName(predecessor.certificate());
    return new Authority(sign(name, predecessor.key(), keys.getPublic(), name, LONG_AGO, FAR_AHEAD, true), keys.getPrivate());
  }

  public static X509Certificate issue(Authority issuer, PublicKey key, String organization, String commonName, Instant notBefore,
      Instant notAfter, boolean ca) {
    return sign(Certificates.subjectName(issuer.certificate()), issuer.key(), key, name(organization, commonName), notBefore, notAfter, ca);
  }

  /** A test resource of this package, e.g. {@code pki/root.pem}. */
  public static String resource(String name) {
    try (InputStream in = TestPki.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] name(String organization, String commonName) {
    return Der.sequence(
        Der.set(Der.sequence(Der.oid(Certificates.ORGANIZATION), Der.directoryString(organization))),
        Der.set(Der.sequence(Der.oid(Certificates.COMMON_NAME), Der.directoryString(commonName))));
  }

  private static X509Certificate sign(byte[] issuer, PrivateKey issuerKey, PublicKey subjectKey, byte[] subject, Instant notBefore,
      Instant notAfter, boolean ca) {
    byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
    byte[] extensions = ca
        ? Der.sequence(
            Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.tlv(0x01, new byte[] {(byte) 0xFF}),
                Der.tlv(0x04, Der.sequence(Der.tlv(0x01, new byte[] {(byte) 0xFF})))),
            Der.sequence(Der.oid(KEY_USAGE), Der.tlv(0x01, new byte[] {(byte) 0xFF}), Der.tlv(0x04, Der.tlv(Der.BIT_STRING, new byte[] {1, 0x06}))))
        : Der.sequence(Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.tlv(0x04, Der.sequence())));
    byte[] tbs = Der.sequence(
        Der.tlv(Der.CONTEXT_0, Der.integer(BigInteger.TWO)),
        Der.integer(BigInteger.valueOf(SERIALS.incrementAndGet())),
        algorithm,
        issuer,
        Der.sequence(time(notBefore), time(notAfter)),
        subject,
        subjectKey.getEncoded(),
        Der.tlv(Der.CONTEXT_0 + 3, extensions));
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(issuerKey);
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** UTCTime up to 2049, GeneralizedTime after, as RFC 5280 section 4.1.2.5 asks. */
  private static byte[] time(Instant instant) {
    int year = instant.atZone(ZoneOffset.UTC).getYear();
    boolean utc = year < 2050;
    String text = DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
    return Der.tlv(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
  }
}
