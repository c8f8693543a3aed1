package dev.kilowatt.core.security;

import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.DeleteCertificateStatus;
import dev.kilowatt.core.message.HashAlgorithm;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The root certificates the central system installed (white paper M03, M04, M05): Central System roots,
 * which the link trusts for TLS, and Manufacturer roots, for signed firmware. Kept in storage as PEM
 * together with the key bits of each certificate's issuer, so that its CertificateHashData stays the same
 * even after that issuer is deleted.
 */
public final class CertificateStore {

  private static final System.Logger LOG = System.getLogger(CertificateStore.class.getName());
  /** Where the installed root certificates are saved. */
  public static final String STORAGE_KEY = "security/roots";

  /**
   * One installed certificate.
   *
   * @param use whether it is a Central System or a Manufacturer root
   * @param pem the certificate in PEM, as InstallCertificate.req carried it
   * @param issuerKey Base64 of the issuer's public key bits (the certificate's own key when self-signed)
   * @param fallback whether this is the previous Central System root kept after a replacement (M05.FR.11)
   */
  public record Root(CertificateUse use, String pem, String issuerKey, boolean fallback) {}

  /**
   * The persisted store.
   *
   * @param roots the installed root certificates
   */
  public record Roots(List<Root> roots) {
    /** Copies the roots. */
    public Roots {
      roots = List.copyOf(roots);
    }
  }

  /** The outcome of an installation. */
  enum Installation {
    ACCEPTED,
    /** Not a valid CA certificate now, or not signed as required (M05.FR.06, M05.FR.10). */
    INVALID,
    /** CertificateStoreMaxLength is reached (M05.FR.03). */
    FULL,
    /** Valid, but it could not be saved (M05.FR.04). */
    FAILED
  }

  private final Storage storage;
  /** In force: what was saved last, durable or not yet. */
  private final List<Root> roots = new ArrayList<>();
  /** What the storage last reported durable, which a refused save puts back. */
  private List<Root> durable;

  CertificateStore(Storage storage) {
    this.storage = storage;
    storage.load(STORAGE_KEY, Roots.class).ifPresent(saved -> roots.addAll(saved.roots()));
    durable = List.copyOf(roots);
  }

  /**
   * Installs a root certificate. With {@code singleCentralSystemRoot} (AdditionalRootCertificateCheck) a
   * new Central System root must be signed by the one installed, replaces it, and keeps it as the fallback.
   * {@code answer} hears the outcome once it is durable (M05.FR.04: Failed if it cannot be saved).
   */
  void install(CertificateUse use, String pem, Instant now, int maxLength, boolean singleCentralSystemRoot,
      Consumer<Installation> answer) {
    Checked checked = check(use, pem, now, maxLength, singleCentralSystemRoot);
    checked.next().ifPresentOrElse(next -> commit(next, saved -> answer.accept(saved ? Installation.ACCEPTED : Installation.FAILED)),
        () -> answer.accept(checked.outcome()));
  }

  /** What an installation comes to before it is saved: the roots it leads to if it changes them. */
  private record Checked(Installation outcome, Optional<List<Root>> next) {
    Checked(Installation outcome) {
      this(outcome, Optional.empty());
    }
  }

  private Checked check(CertificateUse use, String pem, Instant now, int maxLength, boolean singleCentralSystemRoot) {
    X509Certificate certificate;
    byte[] issuerKey;
    try {
      List<X509Certificate> parsed = Certificates.parse(pem);
      if (parsed.size() != 1) {
        LOG.log(Level.INFO, "{0}: {1} certificates sent where one was expected", use.ocppValue(), parsed.size());
        return new Checked(Installation.INVALID);
      }
      certificate = parsed.get(0);
      certificate.checkValidity(Date.from(now));
      if (!Certificates.certificateAuthority(certificate) || certificate.getSerialNumber().signum() < 0) {
        LOG.log(Level.INFO, "{0}: not a CA certificate", use.ocppValue());
        return new Checked(Installation.INVALID);
      }
      Optional<byte[]> issuer = issuerKey(certificate, use);
      if (issuer.isEmpty()) {
        LOG.log(Level.INFO, "{0}: neither self-signed nor issued by an installed certificate", use.ocppValue());
        return new Checked(Installation.INVALID);
      }
      issuerKey = issuer.get();
    } catch (CertificateException | IllegalArgumentException e) {
      LOG.log(Level.INFO, "{0}: invalid certificate: {1}", use.ocppValue(), e.getMessage());
      return new Checked(Installation.INVALID);
    }
    Root root = new Root(use, Certificates.pem(certificate), Base64.getEncoder().encodeToString(issuerKey), false);
    CertificateHashData id = Certificates.hashData(certificate, issuerKey, HashAlgorithm.SHA256);
    if (roots.stream().anyMatch(r -> r.use() == use && !r.fallback() && Certificates.sameCertificate(id, hashData(r, HashAlgorithm.SHA256)))) {
      return new Checked(Installation.ACCEPTED);
    }
    List<Root> next = new ArrayList<>(roots);
    if (singleCentralSystemRoot && use == CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE) {
      Optional<Root> current = roots.stream().filter(r -> r.use() == use && !r.fallback()).findFirst();
      if (current.isPresent()) {
        if (!Certificates.signedBy(certificate, certificate(current.get()).getPublicKey())) {
          LOG.log(Level.INFO, "the new Central System root is not signed by the one it replaces (AdditionalRootCertificateCheck)");
          return new Checked(Installation.INVALID);
        }
        next.removeIf(r -> r.use() == use);
        next.add(new Root(use, current.get().pem(), current.get().issuerKey(), true));
      }
    }
    next.add(root);
    if (next.size() > maxLength) {
      return new Checked(Installation.FULL);
    }
    return new Checked(Installation.ACCEPTED, Optional.of(next));
  }

  /**
   * Deletes the certificate {@code data} names. With {@code keepLastCentralSystemRoot} (the link uses TLS)
   * the last Central System root stays, as the one the connection is validated with (M04.FR.06; AQ-1: the
   * charge point would have nothing left to trust the central system with); without TLS no root is in use,
   * and the paper lets the last one go. The charge point certificate cannot be deleted this way (M04.FR.05).
   * Both refusals are Failed, as is a deletion that cannot be saved; {@code answer} hears it once it is durable.
   */
  void delete(CertificateHashData data, Predicate<CertificateHashData> chargePointCertificate,
      boolean keepLastCentralSystemRoot, Consumer<DeleteCertificateStatus> answer) {
    Optional<Root> found = roots.stream().filter(r -> Certificates.sameCertificate(data, hashData(r, data.hashAlgorithm()))).findFirst();
    if (found.isEmpty()) {
      answer.accept(chargePointCertificate.test(data) ? DeleteCertificateStatus.FAILED : DeleteCertificateStatus.NOT_FOUND);
      return;
    }
    Root root = found.get();
    long others = roots.stream().filter(r -> r != root && r.use() == CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE && !r.fallback()).count();
    if (keepLastCentralSystemRoot && root.use() == CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE && !root.fallback() && others == 0) {
      LOG.log(Level.INFO, "refusing to delete the last Central System root certificate");
      answer.accept(DeleteCertificateStatus.FAILED);
      return;
    }
    List<Root> next = new ArrayList<>(roots);
    next.remove(root);
    commit(next, saved -> answer.accept(saved ? DeleteCertificateStatus.ACCEPTED : DeleteCertificateStatus.FAILED));
  }

  /** The SHA256 identities of the installed certificates of {@code use} (M03), the fallback included. */
  List<CertificateHashData> ids(CertificateUse use) {
    return roots.stream().filter(r -> r.use() == use).map(r -> hashData(r, HashAlgorithm.SHA256)).toList();
  }

  /** The Central System roots in PEM; the fallback only when {@code withFallback}. */
  List<String> centralSystemRoots(boolean withFallback) {
    return roots.stream().filter(r -> r.use() == CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE && (withFallback || !r.fallback()))
        .map(Root::pem).toList();
  }

  /** The installed certificates of {@code use}, the fallback included. */
  List<X509Certificate> certificates(CertificateUse use) {
    return roots.stream().filter(r -> r.use() == use).map(CertificateStore::certificate).toList();
  }

  /** Whether a Central System root is valid at {@code now} (A05.FR.03). */
  boolean validCentralSystemRoot(Instant now) {
    return certificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).stream().anyMatch(c -> validAt(c, now));
  }

  boolean hasFallback() {
    return roots.stream().anyMatch(Root::fallback);
  }

  /** Forgets the fallback root once the new one proved itself (M05.FR.12). */
  void dropFallback() {
    List<Root> next = new ArrayList<>(roots);
    next.removeIf(Root::fallback);
    commit(next, saved -> {
      if (!saved) {
        LOG.log(Level.WARNING, "the fallback Central System root could not be removed; it stays trusted");
      }
    });
  }

  static boolean validAt(X509Certificate certificate, Instant now) {
    return !now.isBefore(certificate.getNotBefore().toInstant()) && !now.isAfter(certificate.getNotAfter().toInstant());
  }

  private Optional<byte[]> issuerKey(X509Certificate certificate, CertificateUse use) {
    if (Certificates.selfSigned(certificate)) {
      return Optional.of(Certificates.publicKeyBits(certificate.getPublicKey()));
    }
    byte[] issuer = Certificates.issuerName(certificate);
    return roots.stream().filter(r -> r.use() == use).map(CertificateStore::certificate)
        .filter(c -> java.util.Arrays.equals(Certificates.subjectName(c), issuer) && Certificates.signedBy(certificate, c.getPublicKey()))
        .findFirst().map(c -> Certificates.publicKeyBits(c.getPublicKey()));
  }

  /**
   * Whether the chain leads to an installed Central System root (A02.FR.06: part of the CPO hierarchy),
   * checked as of now, or as of its start when the certificate is not valid yet.
   */
  Optional<String> chainProblem(List<X509Certificate> chain, Instant now) {
    Set<TrustAnchor> anchors = certificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).stream().map(c -> new TrustAnchor(c, null))
        .collect(Collectors.toSet());
    if (anchors.isEmpty()) {
      return Optional.of("no Central System root certificate is installed to check the chain with");
    }
    try {
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      Instant notBefore = chain.get(0).getNotBefore().toInstant();
      parameters.setDate(Date.from(notBefore.isAfter(now) ? notBefore : now));
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(withoutAnchors(chain)),
          parameters);
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.of("the chain does not lead to an installed Central System root: " + e.getMessage());
    }
  }

  /** {@return {@code chain} without the installed Central System roots in it} */
  List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
    List<X509Certificate> anchors = certificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE);
    return chain.stream().filter(c -> anchors.stream().noneMatch(c::equals)).toList();
  }

  /** Puts {@code next} in force and saves it; a save the storage refuses puts back what is durable. */
  private void commit(List<Root> next, Consumer<Boolean> whenSaved) {
    roots.clear();
    roots.addAll(next);
    storage.save(STORAGE_KEY, new Roots(next), outcome -> {
      boolean saved = outcome instanceof Journal.Outcome.Durable;
      if (saved) {
        durable = List.copyOf(next);
      } else {
        LOG.log(Level.ERROR, "the certificate store could not be saved: {0}", outcome);
        roots.clear();
        roots.addAll(durable);
        storage.save(STORAGE_KEY, new Roots(durable));
      }
      whenSaved.accept(saved);
    });
  }

  private static CertificateHashData hashData(Root root, HashAlgorithm algorithm) {
    return Certificates.hashData(certificate(root), Base64.getDecoder().decode(root.issuerKey()), algorithm);
  }

  private static X509Certificate certificate(Root root) {
    try {
      return Certificates.parse(root.pem()).get(0);
    } catch (CertificateException e) {
      throw new IllegalStateException("a stored certificate no longer parses", e);
    }
  }
}
