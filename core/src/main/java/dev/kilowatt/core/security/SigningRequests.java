package dev.kilowatt.core.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** What a SignCertificate.req carries: a PKCS#10 request for a new P-256 key pair (white paper A02.FR.02, A02.FR.03). */
final class SigningRequests {

  private static final String EC_CURVE = "secp256r1";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

  private SigningRequests() {}

  /** {@return a new key pair on P-256 for a request} */
  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(EC_CURVE));
    return generator.generateKeyPair();
  }

  /**
   * A PKCS#10 CertificationRequest (RFC 2986) for {@code keys}, subject O={@code organization},
   * CN={@code commonName}, signed with SHA256withECDSA, in PEM.
   */
  static String csr(KeyPair keys, String organization, String commonName) throws GeneralSecurityException {
    byte[] subject = Der.sequence(
        Der.set(Der.sequence(Der.oid(Certificates.ORGANIZATION), Der.directoryString(organization))),
        Der.set(Der.sequence(Der.oid(Certificates.COMMON_NAME), Der.directoryString(commonName))));
    byte[] info = Der.sequence(Der.integer(BigInteger.ZERO), subject, keys.getPublic().getEncoded(), Der.tlv(Der.CONTEXT_0));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(info);
    byte[] request = Der.sequence(info, Der.sequence(Der.oid(ECDSA_WITH_SHA256)), Der.bitString(signer.sign()));
    return Certificates.pem("CERTIFICATE REQUEST", request);
  }
}
