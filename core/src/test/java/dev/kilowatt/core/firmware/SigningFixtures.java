package dev.kilowatt.core.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/**
 * The test-only Manufacturer roots, firmware signing certificates and keys under {@code firmware-signing/}
 * (made by its {@code generate.sh}), and signatures made with them.
 */
final class SigningFixtures {

  static final String ROOT = "manufacturer-root";
  static final String OTHER_ROOT = "other-root";
  static final String RSA = "firmware-signing-rsa";
  static final String EC = "firmware-signing-ec";
  static final String EXPIRED = "firmware-signing-expired";
  static final String FOREIGN = "firmware-signing-foreign";

  /** How a test signs an image. */
  enum Scheme {
    RSA_PKCS1(RSA),
    RSA_PSS_DIGEST_SALT(RSA),
    RSA_PSS_MAX_SALT(RSA),
    ECDSA(EC);

    final String certificate;

    Scheme(String certificate) {
      this.certificate = certificate;
    }
  }

  private SigningFixtures() {}

  static String pem(String name) {
    return resource(name + ".pem");
  }

  /** The base64 signature of {@code content} (as UTF-8) by the key of {@code scheme}'s certificate. */
  static String sign(String content, Scheme scheme) {
    try {
      PrivateKey key = key(scheme.certificate, scheme == Scheme.ECDSA ? "EC" : "RSA");
      Signature signer = switch (scheme) {
        case RSA_PKCS1 -> Signature.getInstance("SHA256withRSA");
        case ECDSA -> Signature.getInstance("SHA256withECDSA");
        case RSA_PSS_DIGEST_SALT, RSA_PSS_MAX_SALT -> {
          int encodedBytes = (((RSAPrivateCrtKey) key).getModulus().bitLength() - 1 + 7) / 8;
          int salt = scheme == Scheme.RSA_PSS_DIGEST_SALT ? 32 : encodedBytes - 32 - 2;
          Signature pss = Signature.getInstance("RSASSA-PSS");
          pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
          yield pss;
        }
      };
      signer.initSign(key);
      signer.update(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey key(String name, String algorithm) throws GeneralSecurityException {
    String body = resource(name + ".key").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static String resource(String file) {
    try (InputStream in = SigningFixtures.class.getResourceAsStream("/firmware-signing/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no test fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
