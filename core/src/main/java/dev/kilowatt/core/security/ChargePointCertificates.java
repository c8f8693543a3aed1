package dev.kilowatt.core.security;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The charge point's own TLS client certificate (white paper A02, A03): a new key pair and a PKCS#10
 * request on demand, the signed chain the central system returns checked and kept, the newest valid
 * certificate handed to the link, and a renewal asked for a month before it expires.
 *
 * <p>The private keys are kept in the {@link dev.kilowatt.core.port.SecretStore} as PKCS#8 PEM ({@link PrivateKeys}), never in
 * {@link Storage} and never sent anywhere but to the link (A02.FR.05); a key an older version saved in clear is moved there at
 * start. A secure element that signs without revealing the key would take a port of its own, which the TLS stack of the link would then use.
 */
public final class ChargePointCertificates {

  private static final System.Logger LOG = System.getLogger(ChargePointCertificates.class.getName());
  /** Where the signing request waiting for its certificate is saved. */
  public static final String PENDING_KEY = "security/signing-request";
  /** Where the certificates the central system signed are saved. */
  public static final String ISSUED_KEY = "security/charge-point-certificates";
  /** A03.FR.02: the renewal starts when the certificate in use expires within a month. */
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final Duration RENEWAL_CHECK = Duration.ofDays(1);
  /** The certificates kept: the one in use, a newer one waiting for its start, and one fallback (A02.FR.10). */
  private static final int KEPT = 3;
  private static final String EC_CURVE = "secp256r1";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

  /** The key pair of the request sent last, waiting for its certificate.
   * @param privateKey the private key in PEM; saved empty, as the secret store keeps it
   * @param publicKey the public key in PEM, which the signed certificate must carry */
  public record Pending(String privateKey, String publicKey) {}

  /** A signed certificate with its chain and its private key.
   * @param chain the certificate chain in PEM, leaf first, as CertificateSigned.req carried it
   * @param privateKey the private key in PEM; saved empty, as the secret store keeps it */
  public record Issued(String chain, String privateKey) {}

  /** The persisted certificates.
   * @param certificates oldest first: at most the one in use, a newer one waiting for its start, and one fallback */
  public record IssuedList(List<Issued> certificates) {
    /** Copies the certificates. */
    public IssuedList {
      certificates = List.copyOf(certificates);
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Configuration config;
  private final Outbox outbox;
  private final CertificateStore roots;
  private final SecurityEvents events;
  private final Supplier<Instant> clock;
  private final Optional<String> serialNumber;
  private final Runnable onChange;
  private final PrivateKeys keys;
  private final List<Issued> issued = new ArrayList<>();
  private Optional<Pending> pending;
  private boolean moveRefused;
  private Scheduler.Timer activationTimer;
  private Scheduler.Timer renewalTimer;

  /**
   * @param serialNumber the charge point's serial number, the CN of its certificate (A00.FR.511)
   * @param onChange called when the certificate the link should use may have changed
   */
  ChargePointCertificates(Scheduler scheduler, Storage storage, PrivateKeys keys, Configuration config, Outbox outbox,
      CertificateStore roots, SecurityEvents events, Supplier<Instant> clock, Optional<String> serialNumber, Runnable onChange) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.config = config;
    this.outbox = outbox;
    this.roots = roots;
    this.events = events;
    this.clock = clock;
    this.serialNumber = serialNumber;
    this.onChange = onChange;
    this.keys = keys;
    Optional<Pending> savedRequest = storage.load(PENDING_KEY, Pending.class);
    List<Issued> savedCertificates = storage.load(ISSUED_KEY, IssuedList.class).map(IssuedList::certificates).orElse(List.of());
    this.pending = savedRequest.flatMap(p -> withPrivateKey(PrivateKeys.publicKeyOf(p.publicKey()), p.privateKey())
        .map(key -> new Pending(key, p.publicKey())));
    savedCertificates.forEach(i -> withPrivateKey(publicKey(i), i.privateKey()).ifPresent(key -> issued.add(new Issued(i.chain(), key))));
    boolean savedInClear = savedRequest.filter(p -> !p.privateKey().isEmpty()).isPresent()
        || savedCertificates.stream().anyMatch(i -> !i.privateKey().isEmpty());
    if (savedInClear && !moveRefused) {
      pending.ifPresent(this::savePending);
      saveIssued(issued);
    }
  }

  /**
   * The private key of {@code publicKey}: from the secret store, or as an older version saved it in clear,
   * which moves it there; a store that refuses it leaves the clear copy where it is, to move at the next start.
   */
  private Optional<String> withPrivateKey(byte[] publicKey, String savedInClear) {
    if (savedInClear.isEmpty()) {
      return keys.find(publicKey);
    }
    try {
      keys.keep(publicKey, savedInClear);
    } catch (RuntimeException e) {
      moveRefused = true;
      LOG.log(Level.ERROR, "a private key saved in clear could not be moved into the secret store", e);
    }
    return Optional.of(savedInClear);
  }

  private void savePending(Pending request) {
    storage.save(PENDING_KEY, new Pending("", request.publicKey()));
  }

  private void saveIssued(List<Issued> certificates) {
    storage.save(ISSUED_KEY, new IssuedList(certificates.stream().map(i -> new Issued(i.chain(), "")).toList()));
  }

  void start() {
    armActivation();
    renewalTimer = scheduler.schedule(Duration.ofMinutes(10), this::checkRenewal);
  }

  void stop() {
    cancel(activationTimer);
    cancel(renewalTimer);
  }

  /** Whether a request can be made: CpoName is set (A02 prerequisite) and the serial number for the CN is known. */
  boolean readyToSign() {
    return !config.text(SecurityKeys.CPO_NAME).isBlank() && serialNumber.isPresent() && outbox.canSendNow();
  }

  /**
   * Generates a new key pair and sends its SignCertificate.req (A02.FR.02, A02.FR.03, A02.FR.13); false when {@link #readyToSign()}
   * is not. For ExtendedTriggerMessage(SignChargePointCertificate), answer first and call this afterwards, as the paper orders it.
   */
  boolean requestCertificateSigning() {
    if (!readyToSign()) {
      LOG.log(Level.INFO, "no certificate signing request: CpoName, the serial number or the connection is missing");
      return false;
    }
    KeyPair keyPair;
    String csr;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(EC_CURVE));
      keyPair = generator.generateKeyPair();
      csr = csr(keyPair, config.text(SecurityKeys.CPO_NAME), serialNumber.orElseThrow());
    } catch (GeneralSecurityException e) {
      LOG.log(Level.ERROR, "no key pair for a certificate signing request", e);
      return false;
    }
    Pending request = new Pending(Certificates.pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()),
        Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded()));
    try {
      this.keys.keep(keyPair.getPublic().getEncoded(), request.privateKey());
      savePending(request);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the key of a certificate signing request could not be kept", e);
      return false;
    }
    pending.filter(old -> !old.publicKey().equals(request.publicKey()))
        .ifPresent(old -> this.keys.forget(PrivateKeys.publicKeyOf(old.publicKey())));
    pending = Optional.of(request);
    outbox.send(new SignCertificateRequest(csr), Outbox.Gate.AFTER_ACCEPTANCE, answer -> {
      // Rejected or not, the key stays pending: the paper advises against retrying on our own (A02 error handling).
      LOG.log(answer.status() == GenericStatus.ACCEPTED ? Level.INFO : Level.WARNING, "SignCertificate answered {0}", answer.status());
    }, failure -> {
      LOG.log(Level.WARNING, "SignCertificate not delivered: {0}", failure);
      if (pending.filter(request::equals).isPresent()) {
        storage.delete(PENDING_KEY);
        pending = Optional.empty();
        keys.forget(PrivateKeys.publicKeyOf(request.publicKey()));
      }
    });
    return true;
  }

  /** Checks and keeps a CertificateSigned.req chain (A02.FR.06 to A02.FR.09). */
  CertificateSignedStatus certificateSigned(String chainPem) {
    Optional<String> problem;
    try {
      problem = install(chainPem);
    } catch (IllegalArgumentException e) {
      problem = Optional.of("malformed certificate: " + e.getMessage());
    }
    if (problem.isPresent()) {
      LOG.log(Level.WARNING, "CertificateSigned rejected: {0}", problem.get());
      events.raise(SecurityEvent.INVALID_CHARGE_POINT_CERTIFICATE, problem.get());
      return CertificateSignedStatus.REJECTED;
    }
    armActivation();
    onChange.run();
    return CertificateSignedStatus.ACCEPTED;
  }

  /**
   * The newest certificate valid now with its key (A02.FR.08, A02.FR.09): the last valid one of the list, which is in the order
   * of the start of validity, and of arrival where two start alike (a CA may date its certificates to the day).
   */
  Optional<ClientCertificate> current() {
    Instant now = clock.get();
    return issued.stream().filter(i -> CertificateStore.validAt(leaf(i), now)).reduce((older, newer) -> newer)
        .map(i -> new ClientCertificate(i.chain(), i.privateKey()));
  }

  /** Whether {@code data} names one of the charge point's own certificates. */
  boolean isChargePointCertificate(CertificateHashData data) {
    return issued.stream().anyMatch(i -> issuerKey(i).map(key -> Certificates.sameCertificate(data,
        Certificates.hashData(leaf(i), key, data.hashAlgorithm()))).orElse(false));
  }

  private Optional<String> install(String chainPem) {
    int maxSize = config.integer(SecurityKeys.CERTIFICATE_SIGNED_MAX_CHAIN_SIZE);
    if (chainPem.length() > maxSize) {
      return Optional.of("the chain is longer than CertificateSignedMaxChainSize " + maxSize);
    }
    if (pending.isEmpty()) {
      return Optional.of("no certificate signing request is waiting");
    }
    List<X509Certificate> chain;
    try {
      chain = Certificates.parse(chainPem);
    } catch (CertificateException e) {
      return Optional.of("not a PEM certificate chain");
    }
    X509Certificate leaf = chain.get(0);
    Instant now = clock.get();
    if (!Arrays.equals(leaf.getPublicKey().getEncoded(), Base64.getDecoder().decode(pending.get().publicKey()))) {
      return Optional.of("the certificate is not for the key of the last signing request");
    }
    if (now.isAfter(leaf.getNotAfter().toInstant())) {
      return Optional.of("the certificate expired at " + leaf.getNotAfter().toInstant());
    }
    byte[] subject = Certificates.subjectName(leaf);
    if (!Certificates.attribute(subject, Certificates.COMMON_NAME).equals(serialNumber)) {
      return Optional.of("the CN is not the serial number of this charge point");
    }
    if (Certificates.attribute(subject, Certificates.ORGANIZATION).filter(o -> !o.isBlank()).isEmpty()) {
      return Optional.of("the subject names no organization");
    }
    Optional<String> untrusted = chainProblem(chain, now);
    if (untrusted.isPresent()) {
      return untrusted;
    }
    List<X509Certificate> path = withoutAnchors(chain);
    List<Issued> next = new ArrayList<>(issued);
    next.add(new Issued(path.stream().map(Certificates::pem).collect(Collectors.joining()), pending.get().privateKey()));
    next.removeIf(i -> now.isAfter(leaf(i).getNotAfter().toInstant()));
    next.sort(Comparator.comparing(i -> leaf(i).getNotBefore()));
    while (next.size() > KEPT) {
      next.remove(0);
    }
    try {
      saveIssued(next);
      storage.delete(PENDING_KEY);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the charge point certificate could not be saved", e);
      return Optional.of("the certificate could not be stored");
    }
    issued.stream().filter(old -> !next.contains(old)).forEach(old -> keys.forget(publicKey(old)));
    issued.clear();
    issued.addAll(next);
    pending = Optional.empty();
    return Optional.empty();
  }

  /**
   * Whether the chain leads to an installed Central System root (A02.FR.06: part of the CPO hierarchy),
   * checked as of now, or as of its start when the certificate is not valid yet.
   */
  private Optional<String> chainProblem(List<X509Certificate> chain, Instant now) {
    Set<TrustAnchor> anchors = roots.certificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE).stream().map(c -> new TrustAnchor(c, null))
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

  private List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
    List<X509Certificate> anchors = roots.certificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE);
    return chain.stream().filter(c -> anchors.stream().noneMatch(c::equals)).toList();
  }

  private Optional<byte[]> issuerKey(Issued certificate) {
    List<X509Certificate> chain = chain(certificate);
    List<X509Certificate> candidates = new ArrayList<>(chain.subList(1, chain.size()));
    candidates.addAll(roots.certificates(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE));
    return candidates.stream().filter(c -> Certificates.signedBy(chain.get(0), c.getPublicKey())).findFirst()
        .map(c -> Certificates.publicKeyBits(c.getPublicKey()));
  }

  /** Tells the link to switch once a certificate waiting for its start becomes valid (A02.FR.08). */
  private void armActivation() {
    cancel(activationTimer);
    activationTimer = null;
    Instant now = clock.get();
    issued.stream().map(i -> leaf(i).getNotBefore().toInstant()).filter(start -> start.isAfter(now)).min(Comparator.naturalOrder())
        .ifPresent(start -> activationTimer = scheduler.schedule(Duration.between(now, start), () -> {
          activationTimer = null;
          onChange.run();
          armActivation();
        }));
  }

  private void checkRenewal() {
    Instant now = clock.get();
    Optional<X509Certificate> newest = issued.stream().map(ChargePointCertificates::leaf).max(Comparator.comparing(X509Certificate::getNotAfter));
    boolean expiring = newest.filter(c -> c.getNotAfter().toInstant().minus(RENEW_BEFORE).isBefore(now)).isPresent();
    if (expiring && pending.isEmpty()) {
      LOG.log(Level.INFO, "the charge point certificate expires at {0}; asking for a new one", newest.get().getNotAfter().toInstant());
      requestCertificateSigning();
    }
    renewalTimer = scheduler.schedule(RENEWAL_CHECK, this::checkRenewal);
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

  private static byte[] publicKey(Issued certificate) {
    return leaf(certificate).getPublicKey().getEncoded();
  }

  private static X509Certificate leaf(Issued certificate) {
    return chain(certificate).get(0);
  }

  private static List<X509Certificate> chain(Issued certificate) {
    try {
      return Certificates.parse(certificate.chain());
    } catch (CertificateException e) {
      throw new IllegalStateException("a stored certificate chain no longer parses", e);
    }
  }

  private static void cancel(Scheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
