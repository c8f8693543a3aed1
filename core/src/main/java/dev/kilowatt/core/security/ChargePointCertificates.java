package dev.kilowatt.core.security;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The charge point's own TLS client certificate (white paper A02, A03): a new key pair and a PKCS#10
 * request on demand, the signed chain the central system returns checked and kept, the newest valid
 * certificate handed to the link, and a renewal asked for a month before it expires.
 *
 * <p>The private keys are kept in the {@link dev.kilowatt.core.port.SecretStore} as PKCS#8 PEM ({@link PrivateKeys}), never in
 * {@link Storage} and never sent anywhere but to the link (A02.FR.05); a key an older version saved in clear is moved there at
 * start. What the charge point acts on is durable first: a request goes out once its key and the request are, a certificate
 * is answered Accepted once it is saved, and one of them at a time is under way. A secure element that signs without revealing the key would take a port of its own, which the TLS stack of the link would then use.
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
  /** Keys saved in clear that the secret store does not hold durably yet; -1 once it refused one. */
  private int moving;
  /** A signing request or a certificate is being made durable. */
  private boolean busy;
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
    List<Runnable> moves = new ArrayList<>();
    savedCertificates.forEach(i -> withPrivateKey(publicKey(i), i.privateKey(), moves).ifPresent(key -> issued.add(new Issued(i.chain(), key))));
    // a request whose certificate is kept is over: the power went between the certificate's save and the request's removal
    Optional<Pending> answered = savedRequest.filter(p -> issued.stream().anyMatch(i -> Arrays.equals(publicKey(i),
        PrivateKeys.publicKeyOf(p.publicKey()))));
    answered.ifPresent(p -> storage.delete(PENDING_KEY));
    this.pending = savedRequest.filter(p -> answered.isEmpty()).flatMap(p -> withPrivateKey(PrivateKeys.publicKeyOf(p.publicKey()),
        p.privateKey(), moves).map(key -> new Pending(key, p.publicKey())));
    moving = moves.size();
    moves.forEach(Runnable::run);
  }

  /**
   * The private key of {@code publicKey}: from the secret store, or as an older version saved it in clear, which moves
   * it there (added to {@code moves}); once the store holds every such key the clear copies go. A store that refuses one
   * leaves them where they are, to move at the next start.
   */
  private Optional<String> withPrivateKey(byte[] publicKey, String savedInClear, List<Runnable> moves) {
    if (savedInClear.isEmpty()) {
      return keys.find(publicKey);
    }
    moves.add(() -> keys.keep(publicKey, savedInClear, kept -> {
      moving = kept && moving > 0 ? moving - 1 : -1;
      if (moving == 0) {
        // what is saved now, not what was loaded: a request or a certificate saved since must not be overwritten
        storage.load(PENDING_KEY, Pending.class).ifPresent(this::savePending);
        storage.load(ISSUED_KEY, IssuedList.class).ifPresent(saved -> saveIssued(saved.certificates()));
      }
    }));
    return Optional.of(savedInClear);
  }

  private void savePending(Pending request) {
    storage.save(PENDING_KEY, new Pending("", request.publicKey()));
  }

  private void saveIssued(List<Issued> certificates) {
    storage.save(ISSUED_KEY, stripped(certificates));
  }

  private static IssuedList stripped(List<Issued> certificates) {
    return new IssuedList(certificates.stream().map(i -> new Issued(i.chain(), "")).toList());
  }

  void start() {
    armActivation();
    renewalTimer = scheduler.schedule(Duration.ofMinutes(10), this::checkRenewal);
  }

  void stop() {
    cancel(activationTimer);
    cancel(renewalTimer);
  }

  /**
   * Whether a request can be made: CpoName is set (A02 prerequisite), the serial number for the CN is known, and no
   * request or certificate is being saved.
   */
  boolean readyToSign() {
    return !config.text(SecurityKeys.CPO_NAME).isBlank() && serialNumber.isPresent() && outbox.canSendNow() && !busy;
  }

  /**
   * Generates a new key pair and sends its SignCertificate.req (A02.FR.02, A02.FR.03, A02.FR.13) once the key and the
   * request are durable; false when {@link #readyToSign()} is not. For ExtendedTriggerMessage(SignChargePointCertificate),
   * answer first and call this afterwards, as the paper orders it.
   */
  boolean requestCertificateSigning() {
    if (!readyToSign()) {
      LOG.log(Level.INFO, "no certificate signing request: CpoName, the serial number or the connection is missing, or one is saved now");
      return false;
    }
    KeyPair keyPair;
    String csr;
    try {
      keyPair = SigningRequests.newKeyPair();
      csr = SigningRequests.csr(keyPair, config.text(SecurityKeys.CPO_NAME), serialNumber.orElseThrow());
    } catch (GeneralSecurityException e) {
      LOG.log(Level.ERROR, "no key pair for a certificate signing request", e);
      return false;
    }
    Pending request = new Pending(Certificates.pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()),
        Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded()));
    busy = true;
    keys.keep(keyPair.getPublic().getEncoded(), request.privateKey(), kept -> {
      if (!kept) {
        busy = false;
        return;
      }
      storage.save(PENDING_KEY, new Pending("", request.publicKey()), outcome -> {
        busy = false;
        if (outcome instanceof Journal.Outcome.Durable) {
          send(request, csr);
        } else {
          LOG.log(Level.ERROR, "the certificate signing request could not be saved ({0}); it is not sent", outcome);
          // the request saved before goes back, so the refused one is never written later
          pending.ifPresentOrElse(this::savePending, () -> storage.delete(PENDING_KEY));
          keys.forget(PrivateKeys.publicKeyOf(request.publicKey()));
        }
      });
    });
    return true;
  }

  private void send(Pending request, String csr) {
    pending.filter(old -> !old.publicKey().equals(request.publicKey()))
        .ifPresent(old -> this.keys.forget(PrivateKeys.publicKeyOf(old.publicKey())));
    pending = Optional.of(request);
    outbox.send(new SignCertificateRequest(csr), Outbox.Gate.AFTER_ACCEPTANCE, answer -> {
      // Rejected or not, the key stays pending: the paper advises against retrying on our own (A02 error handling).
      LOG.log(answer.status() == GenericStatus.ACCEPTED ? Level.INFO : Level.WARNING, "SignCertificate answered {0}", answer.status());
    }, failure -> {
      LOG.log(Level.WARNING, "SignCertificate not delivered: {0}", failure);
      // while its certificate is being saved, the request is answered after all
      if (!busy && pending.filter(request::equals).isPresent()) {
        storage.delete(PENDING_KEY);
        pending = Optional.empty();
        keys.forget(PrivateKeys.publicKeyOf(request.publicKey()));
      }
    });
  }

  /**
   * Checks a CertificateSigned.req chain (A02.FR.06 to A02.FR.09) and keeps it; {@code answer} hears Accepted once it is
   * durable, Rejected for an invalid chain, one that could not be saved, or one that comes while another is being saved.
   */
  void certificateSigned(String chainPem, Consumer<CertificateSignedStatus> answer) {
    if (busy) {
      LOG.log(Level.WARNING, "CertificateSigned rejected: a certificate or a signing request is being saved");
      answer.accept(CertificateSignedStatus.REJECTED);
      return;
    }
    Checked checked;
    try {
      checked = check(chainPem);
    } catch (IllegalArgumentException e) {
      checked = new Checked("malformed certificate: " + e.getMessage());
    }
    if (checked.problem().isPresent()) {
      LOG.log(Level.WARNING, "CertificateSigned rejected: {0}", checked.problem().get());
      events.raise(SecurityEvent.INVALID_CHARGE_POINT_CERTIFICATE, checked.problem().get());
      answer.accept(CertificateSignedStatus.REJECTED);
      return;
    }
    List<Issued> next = checked.next();
    busy = true;
    storage.save(ISSUED_KEY, stripped(next), outcome -> {
      busy = false;
      if (!(outcome instanceof Journal.Outcome.Durable)) {
        LOG.log(Level.ERROR, "the charge point certificate could not be saved ({0}); it is rejected", outcome);
        saveIssued(issued);
        answer.accept(CertificateSignedStatus.REJECTED);
        return;
      }
      storage.delete(PENDING_KEY);
      issued.stream().filter(old -> !next.contains(old)).forEach(old -> keys.forget(publicKey(old)));
      issued.clear();
      issued.addAll(next);
      pending = Optional.empty();
      armActivation();
      answer.accept(CertificateSignedStatus.ACCEPTED);
      onChange.run();
    });
  }

  /** A checked chain: what is wrong with it, or the certificates kept with it. */
  private record Checked(Optional<String> problem, List<Issued> next) {
    Checked(String problem) {
      this(Optional.of(problem), List.of());
    }
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

  private Checked check(String chainPem) {
    int maxSize = config.integer(SecurityKeys.CERTIFICATE_SIGNED_MAX_CHAIN_SIZE);
    if (chainPem.length() > maxSize) {
      return new Checked("the chain is longer than CertificateSignedMaxChainSize " + maxSize);
    }
    if (pending.isEmpty()) {
      return new Checked("no certificate signing request is waiting");
    }
    List<X509Certificate> chain;
    try {
      chain = Certificates.parse(chainPem);
    } catch (CertificateException e) {
      return new Checked("not a PEM certificate chain");
    }
    X509Certificate leaf = chain.get(0);
    Instant now = clock.get();
    if (!Arrays.equals(leaf.getPublicKey().getEncoded(), Base64.getDecoder().decode(pending.get().publicKey()))) {
      return new Checked("the certificate is not for the key of the last signing request");
    }
    if (now.isAfter(leaf.getNotAfter().toInstant())) {
      return new Checked("the certificate expired at " + leaf.getNotAfter().toInstant());
    }
    byte[] subject = Certificates.subjectName(leaf);
    if (!Certificates.attribute(subject, Certificates.COMMON_NAME).equals(serialNumber)) {
      return new Checked("the CN is not the serial number of this charge point");
    }
    if (Certificates.attribute(subject, Certificates.ORGANIZATION).filter(o -> !o.isBlank()).isEmpty()) {
      return new Checked("the subject names no organization");
    }
    Optional<String> untrusted = roots.chainProblem(chain, now);
    if (untrusted.isPresent()) {
      return new Checked(untrusted.get());
    }
    List<X509Certificate> path = roots.withoutAnchors(chain);
    List<Issued> next = new ArrayList<>(issued);
    next.add(new Issued(path.stream().map(Certificates::pem).collect(Collectors.joining()), pending.get().privateKey()));
    next.removeIf(i -> now.isAfter(leaf(i).getNotAfter().toInstant()));
    next.sort(Comparator.comparing(i -> leaf(i).getNotBefore()));
    while (next.size() > KEPT) {
      next.remove(0);
    }
    return new Checked(Optional.empty(), next);
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
