package dev.kilowatt.core.security;

import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the security extension needs to know about X.509 certificates, read with the JDK's parser and
 * {@link Der} (the JDK's own name types live outside {@code java.*}, which core stays within).
 */
public final class Certificates {

  static final String COMMON_NAME = "2.5.4.3";
  static final String ORGANIZATION = "2.5.4.10";

  private static final int LINE = 64;

  private Certificates() {}

  /**
   * The certificates of a PEM text, in order.
   *
   * @throws CertificateException when the text holds no certificate or something that is not one
   */
  static List<X509Certificate> parse(String pem) throws CertificateException {
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new CertificateException("no PEM certificate in the text");
    }
    List<X509Certificate> out = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
        .map(X509Certificate.class::cast).toList();
    if (out.isEmpty()) {
      throw new CertificateException("no certificate in the text");
    }
    return out;
  }

  /**
   * The certificate in PEM, as InstallCertificate and CertificateSigned carry it.
   *
   * @param certificate a parsed certificate
   * @return its PEM text, with the CERTIFICATE label
   */
  public static String pem(X509Certificate certificate) {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate cannot be encoded again", e);
    }
  }

  /**
   * {@code der} in PEM under {@code label}, e.g. "CERTIFICATE REQUEST".
   *
   * @param label the PEM label, between "-----BEGIN " and "-----"
   * @param der the DER bytes to encode
   * @return the PEM block, with Base64 lines of 64 characters
   */
  public static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(LINE, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label
        + "-----\n";
  }

  /** The DER of a PEM block with {@code label}, e.g. a PKCS#8 private key. */
  static byte[] unpem(String label, String pem) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no PEM " + label);
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }

  /** The DER encoding of the issuer's distinguished name, as the certificate carries it. */
  static byte[] issuerName(X509Certificate certificate) {
    return tbsField(certificate, 2);
  }

  static byte[] subjectName(X509Certificate certificate) {
    return tbsField(certificate, 4);
  }

  /** The first value of the attribute {@code oid} (e.g. {@link #COMMON_NAME}) in a DER name. */
  static Optional<String> attribute(byte[] name, String oid) {
    for (Der.Element rdn : Der.read(name).children()) {
      for (Der.Element pair : rdn.children()) {
        List<Der.Element> typeAndValue = pair.children();
        if (typeAndValue.size() == 2 && typeAndValue.get(0).oid().equals(oid)) {
          return Optional.of(typeAndValue.get(1).text());
        }
      }
    }
    return Optional.empty();
  }

  /** The subject public key as RFC 6960 hashes it: the BIT STRING's key bytes, without tag, length or unused-bits octet. */
  static byte[] publicKeyBits(PublicKey key) {
    byte[] bits = Der.read(key.getEncoded()).child(1, Der.BIT_STRING).content();
    return Arrays.copyOfRange(bits, 1, bits.length);
  }

  /** Whether the certificate names itself as issuer and its own key verifies its signature. */
  static boolean selfSigned(X509Certificate certificate) {
    return Arrays.equals(issuerName(certificate), subjectName(certificate)) && signedBy(certificate, certificate.getPublicKey());
  }

  static boolean signedBy(X509Certificate certificate, PublicKey issuerKey) {
    try {
      certificate.verify(issuerKey);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the certificate may sign others: a CA by its basic constraints, and not barred by its key usage. */
  static boolean certificateAuthority(X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    return certificate.getBasicConstraints() >= 0 && (usage == null || (usage.length > 5 && usage[5]));
  }

  /**
   * The white paper's CertificateHashData (edition 3, section 6.1, after RFC 6960): hashes of the DER
   * issuer name and of the issuer's key bits in lower-case hex, and the serial number in upper-case hex
   * without leading zeroes, as the paper's example "FFF" shows; the strings are case-insensitive anyway.
   */
  static CertificateHashData hashData(X509Certificate certificate, byte[] issuerKeyBits, HashAlgorithm algorithm) {
    MessageDigest digest = digest(algorithm);
    String nameHash = HexFormat.of().formatHex(digest.digest(issuerName(certificate)));
    String keyHash = HexFormat.of().formatHex(digest.digest(issuerKeyBits));
    return new CertificateHashData(algorithm, nameHash, keyHash, serialHex(certificate.getSerialNumber()));
  }

  private static String serialHex(BigInteger serial) {
    return serial.toString(16).toUpperCase(Locale.ROOT);
  }

  /** Whether {@code data} names the same certificate as {@code ours}: hashes compared case-insensitively, serials by value. */
  static boolean sameCertificate(CertificateHashData data, CertificateHashData ours) {
    return data.hashAlgorithm() == ours.hashAlgorithm()
        && data.issuerNameHash().equalsIgnoreCase(ours.issuerNameHash())
        && data.issuerKeyHash().equalsIgnoreCase(ours.issuerKeyHash())
        && serialValue(data.serialNumber()).filter(serial -> serial.equals(new BigInteger(ours.serialNumber(), 16))).isPresent();
  }

  private static Optional<BigInteger> serialValue(String hex) {
    try {
      return Optional.of(new BigInteger(hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex, 16));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static MessageDigest digest(HashAlgorithm algorithm) {
    String name = switch (algorithm) {
      case SHA256 -> "SHA-256";
      case SHA384 -> "SHA-384";
      case SHA512 -> "SHA-512";
    };
    try {
      return MessageDigest.getInstance(name);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + name, e);
    }
  }

  /**
   * A field of the TBSCertificate by its position after the optional version: 0 serial, 1 signature
   * algorithm, 2 issuer, 3 validity, 4 subject.
   */
  private static byte[] tbsField(X509Certificate certificate, int position) {
    try {
      List<Der.Element> fields = Der.read(certificate.getTBSCertificate()).children();
      int offset = !fields.isEmpty() && fields.get(0).tag() == Der.CONTEXT_0 ? 1 : 0;
      Der.Element field = fields.get(offset + position);
      if (field.tag() != Der.SEQUENCE) {
        throw new IllegalArgumentException("malformed TBSCertificate");
      }
      return field.encoded();
    } catch (java.security.cert.CertificateEncodingException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("malformed TBSCertificate", e);
    }
  }
}
