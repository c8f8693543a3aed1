package dev.kilowatt.core.firmware;

import dev.kilowatt.core.port.HeldFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The checks of a signed firmware update (security white paper L01): the signing certificate against the
 * installed Manufacturer roots before the update is accepted (L01.FR.23), and the signature over the whole
 * downloaded image before it is installed (L01.FR.04).
 *
 * <p>The paper names RSA-PSS and ECSchnorr with SHA-256; manufacturers' tools commonly produce RSA PKCS #1
 * v1.5 and ECDSA signatures with SHA-256, which are just as sound. An RSA signature is accepted in either
 * padding, an EC one as ECDSA; the JDK has no Schnorr.
 */
final class FirmwareSigning {

  /** Bytes read per turn of the event loop while the signature is checked. */
  static final int SLICE_BYTES = 256 * 1024;
  private static final int SHA256_BYTES = 32;
  private static final int KEY_USAGE_DIGITAL_SIGNATURE = 0;
  private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

  /** How the signature check of an image ended. */
  enum Verdict {
    VERIFIED,
    /** The signature is missing, malformed or does not match the image. */
    INVALID,
    /** The image could not be read. */
    UNREADABLE
  }

  private FirmwareSigning() {}

  /**
   * Why {@code pem} cannot be trusted as a firmware signing certificate at {@code now}, for the log and the
   * security event; nothing when it is valid and issued directly by one of {@code roots} (the paper forbids
   * intermediate certificates for firmware signing).
   */
  static Optional<String> distrust(Optional<String> pem, List<X509Certificate> roots, Instant now) {
    if (pem.isEmpty() || pem.get().isBlank()) {
      return Optional.of("no signing certificate");
    }
    X509Certificate certificate;
    try {
      certificate = parse(pem.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.of("the signing certificate is not a PEM encoded X.509 certificate");
    }
    try {
      certificate.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      return Optional.of("the signing certificate expired on " + certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      return Optional.of("the signing certificate is valid only from " + certificate.getNotBefore().toInstant());
    }
    Optional<String> unfit = unfitForSigning(certificate);
    if (unfit.isPresent()) {
      return unfit;
    }
    boolean issued = roots.stream().anyMatch(root -> issuedBy(certificate, root, now));
    return issued ? Optional.empty()
        : Optional.of("the signing certificate " + String.valueOf(certificate.getSubjectX500Principal())
            + " was not issued by an installed Manufacturer root certificate");
  }

  /**
   * Checks the base64 {@code signature} of {@code image} with the key of the PEM {@code certificate}, reading
   * the image a slice per task handed to {@code loop}, and tells {@code verdict} the outcome once, unless
   * {@code wanted} turns false first.
   */
  static void verify(HeldFile image, String certificate, Optional<String> signature, Consumer<Runnable> loop, BooleanSupplier wanted,
      Consumer<Verdict> verdict) {
    byte[] expected;
    List<Signature> candidates;
    try {
      expected = Base64.getMimeDecoder().decode(signature.orElse(""));
      candidates = candidates(parse(certificate).getPublicKey());
    } catch (GeneralSecurityException | RuntimeException e) {
      loop.accept(() -> verdict.accept(Verdict.INVALID));
      return;
    }
    if (expected.length == 0 || candidates.isEmpty()) {
      loop.accept(() -> verdict.accept(Verdict.INVALID));
      return;
    }
    InputStream in;
    try {
      in = image.open();
    } catch (IOException e) {
      loop.accept(() -> verdict.accept(Verdict.UNREADABLE));
      return;
    }
    loop.accept(new Slice(in, new byte[SLICE_BYTES], candidates, expected, loop, wanted, verdict));
  }

  private static X509Certificate parse(String pem) throws GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static Optional<String> unfitForSigning(X509Certificate certificate) {
    boolean[] keyUsage = certificate.getKeyUsage();
    if (keyUsage != null && !keyUsage[KEY_USAGE_DIGITAL_SIGNATURE]) {
      return Optional.of("the signing certificate's key usage excludes digital signatures");
    }
    try {
      List<String> extended = certificate.getExtendedKeyUsage();
      if (extended != null && !extended.contains(CODE_SIGNING) && !extended.contains(ANY_EXTENDED_KEY_USAGE)) {
        return Optional.of("the signing certificate's extended key usage excludes code signing");
      }
    } catch (GeneralSecurityException e) {
      return Optional.of("the signing certificate's extended key usage cannot be read");
    }
    return Optional.empty();
  }

  private static boolean issuedBy(X509Certificate certificate, X509Certificate root, Instant now) {
    if (!Objects.equals(root.getSubjectX500Principal(), certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      root.checkValidity(Date.from(now));
      certificate.verify(root.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The signature schemes an image signed with {@code key} may use; empty for a key of another kind. */
  private static List<Signature> candidates(PublicKey key) throws GeneralSecurityException {
    List<Signature> candidates = new ArrayList<>();
    if (key instanceof RSAPublicKey rsa) {
      candidates.add(initialised(Signature.getInstance("SHA256withRSA"), key));
      // PSS signers choose the salt: the digest's length, or the most the key allows (OpenSSL's default)
      int encodedBytes = (rsa.getModulus().bitLength() - 1 + 7) / 8;
      for (int salt : new int[] {SHA256_BYTES, encodedBytes - SHA256_BYTES - 2}) {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
        candidates.add(initialised(pss, key));
      }
    } else if (key instanceof ECPublicKey) {
      candidates.add(initialised(Signature.getInstance("SHA256withECDSA"), key));
    }
    return candidates;
  }

  private static Signature initialised(Signature signature, PublicKey key) throws GeneralSecurityException {
    signature.initVerify(key);
    return signature;
  }

  /** Feeds one slice of the image to every candidate scheme, then hands the next slice to the loop. */
  private record Slice(InputStream in, byte[] buffer, List<Signature> candidates, byte[] expected, Consumer<Runnable> loop,
      BooleanSupplier wanted, Consumer<Verdict> verdict) implements Runnable {

    @Override
    public void run() {
      if (!wanted.getAsBoolean()) {
        close();
        return;
      }
      int read;
      try {
        read = in.readNBytes(buffer, 0, buffer.length);
        for (Signature candidate : candidates) {
          candidate.update(buffer, 0, read);
        }
      } catch (IOException | GeneralSecurityException e) {
        close();
        verdict.accept(Verdict.UNREADABLE);
        return;
      }
      if (read == buffer.length) {
        loop.accept(this);
        return;
      }
      close();
      verdict.accept(candidates.stream().anyMatch(this::matches) ? Verdict.VERIFIED : Verdict.INVALID);
    }

    private boolean matches(Signature candidate) {
      try {
        return candidate.verify(expected);
      } catch (GeneralSecurityException e) {
        return false;
      }
    }

    private void close() {
      try {
        in.close();
      } catch (IOException e) {
        // nothing was written; the verdict does not depend on closing
      }
    }
  }
}
