package dev.kilowatt.core.security;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateSignedRequest;
import dev.kilowatt.core.message.CertificateSignedResponse;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.DeleteCertificateRequest;
import dev.kilowatt.core.message.DeleteCertificateResponse;
import dev.kilowatt.core.message.DeleteCertificateStatus;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.InstallCertificateResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The security extension of OCPP 1.6-J ("Improved security for OCPP 1.6-J", edition 3): its
 * configuration keys and the rules for changing them (A01, A05), the certificate store (M03 to M05), the
 * charge point certificate (A02, A03), security events (A04), and the settings the link needs for them.
 *
 * <p>A raised {@code SecurityProfile} is on trial until the link connects with it; if it has not within
 * {@link #TRIAL}, the charge point goes back to the previous profile rather than stay unreachable
 * (A05.FR.08). A replaced Central System root (AdditionalRootCertificateCheck) is handled alike: each
 * connection is first tried trusting the new root alone; success retires the old one (M05.FR.12), while a
 * connection that does not come within {@link #TRIAL} is tried with the old root trusted again (M05.FR.13).
 */
public final class Security {

  private static final System.Logger LOG = System.getLogger(Security.class.getName());
  /** Where a SecurityProfile on trial is saved, so a reboot still falls back when it fails. */
  public static final String TRIAL_KEY = "security/profile-trial";
  /** How long new connection settings get to prove themselves: several reconnection attempts of the link. */
  public static final Duration TRIAL = Duration.ofMinutes(5);

  /**
   * A raised security profile not yet seen working, and the one to go back to.
   *
   * @param previous the SecurityProfile (0 to 3) that applied before the raise
   */
  public record ProfileTrial(int previous) {}

  private final Scheduler scheduler;
  private final Storage storage;
  private final Configuration config;
  private final CentralSystem link;
  private final Outbox outbox;
  private final Supplier<Instant> clock;
  private final SecurityEvents events;
  private final CertificateStore roots;
  private final ChargePointCertificates ownCertificates;
  private Optional<ProfileTrial> profileTrial;
  /** The profile last applied: what a raise goes back to if it cannot connect. */
  private int profile;
  private Scheduler.Timer profileTimer;
  private Scheduler.Timer rootTimer;
  private boolean rootFallbackTrusted;
  private boolean reverting;
  private boolean startupReported;
  private boolean stopped;

  /**
   * Defines the security keys and loads the roots, certificates and security log saved before.
   *
   * @param scheduler runs the trial, renewal and activation timers
   * @param storage keeps the roots, certificates, security log and a profile on trial
   * @param secrets keeps the private keys of the charge point certificates
   * @param config holds the security configuration keys (AuthorizationKey, SecurityProfile, CpoName...)
   * @param outbox sends SecurityEventNotification and SignCertificate
   * @param link the connection to the central system, reconfigured when its settings change
   * @param clock the current time
   * @param serialNumber the charge point's serial number, the CN of a certificate request; absent when unknown
   * @param counters counts the security events
   */
  public Security(Scheduler scheduler, Storage storage, SecretStore secrets, Configuration config, Outbox outbox, CentralSystem link,
      Supplier<Instant> clock, Optional<String> serialNumber, Counters counters) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.config = config;
    this.link = link;
    this.outbox = outbox;
    this.clock = clock;
    SecurityKeys.define(config);
    this.events = new SecurityEvents(scheduler, storage, outbox, this.clock, counters);
    this.roots = new CertificateStore(storage);
    this.ownCertificates = new ChargePointCertificates(scheduler, storage, new PrivateKeys(secrets), config, outbox, roots, events,
        this.clock, serialNumber, this::reconnectLater);
    this.profileTrial = storage.load(TRIAL_KEY, ProfileTrial.class);
    this.profile = config.integer(SecurityKeys.SECURITY_PROFILE);
    config.guard(SecurityKeys.AUTHORIZATION_KEY, key -> SecurityKeys.validAuthorizationKey(key) ? Optional.empty()
        : Optional.of("not 32 to 40 hexadecimal digits (a 16 to 20 byte password, A00.FR.205)"));
    config.guard(SecurityKeys.SECURITY_PROFILE, this::profileProblem);
    config.onChange(SecurityKeys.AUTHORIZATION_KEY, key -> {
      events.raise(SecurityEvent.RECONFIGURATION_OF_SECURITY_PARAMETERS, "AuthorizationKey changed");
      reconnectLater();
    });
    config.onChange(SecurityKeys.SECURITY_PROFILE, this::profileChanged);
  }

  /** Resumes a certificate renewal and a profile on trial. */
  public void start() {
    ownCertificates.start();
    profileTrial.ifPresent(trial -> armProfileTrial());
    armRootTrial();
  }

  /** Cancels the timers. */
  public void stop() {
    stopped = true;
    ownCertificates.stop();
    cancel(profileTimer);
    cancel(rootTimer);
  }

  /** {@return the security log and its notifications} */
  public SecurityEvents events() {
    return events;
  }

  /** {@return what the link needs now: key, profile, trusted roots and client certificate} */
  public ConnectionSettings connectionSettings() {
    String key = config.text(SecurityKeys.AUTHORIZATION_KEY);
    return new ConnectionSettings(key.isEmpty() ? Optional.empty() : Optional.of(key),
        Duration.ofSeconds(config.integer(CoreKeys.WEB_SOCKET_PING_INTERVAL)), config.integer(SecurityKeys.SECURITY_PROFILE),
        roots.centralSystemRoots(rootFallbackTrusted), ownCertificates.current());
  }

  /**
   * The central system takes calls: it accepted the charge point, or the connection is back after a loss.
   * The first time after the boot, StartupOfTheDevice is raised: then its time is the central system's, and
   * it queues behind the status reports the central system expects first after a boot. The non-critical
   * events raised while it could not be told follow.
   */
  public void accepted() {
    if (!startupReported) {
      startupReported = true;
      events.raise(SecurityEvent.STARTUP_OF_THE_DEVICE, "");
    }
    events.deliverHeld();
  }

  /** The link connected: whatever was on trial works. */
  public void connected() {
    profileTrial.ifPresent(trial -> {
      LOG.log(Level.INFO, "connected with SecurityProfile {0}", config.integer(SecurityKeys.SECURITY_PROFILE));
      cancel(profileTimer);
      storage.delete(TRIAL_KEY);
      profileTrial = Optional.empty();
    });
    cancel(rootTimer);
    rootTimer = null;
    if (rootFallbackTrusted) {
      // The next connection tries the new root alone again; the old one stays until that works.
      rootFallbackTrusted = false;
      link.reconfigure(connectionSettings());
    } else if (roots.hasFallback() && usesTls()) {
      LOG.log(Level.INFO, "connected trusting the new Central System root alone; the old one is removed");
      roots.dropFallback();
    }
  }

  /** The link is down: a new Central System root on trial has its time to connect again before the old one is trusted again. */
  public void disconnected() {
    armRootTrial();
  }

  /**
   * {@return whether a certificate request can be made: CpoName is set, the serial number for the CN is known, and no
   * request or certificate is being saved}
   */
  public boolean readyToSign() {
    return ownCertificates.readyToSign();
  }

  /**
   * Generates a new key pair and sends its SignCertificate.req, for ExtendedTriggerMessage(SignChargePointCertificate):
   * answer the trigger first and call this afterwards. The request goes out once its key (in the secret store) and the
   * request itself are durable; if either is refused, it does not go out.
   *
   * @return whether a request is under way; false when the charge point is not ready to sign
   */
  public boolean requestCertificateSigning() {
    return ownCertificates.requestCertificateSigning();
  }

  /**
   * The installed root certificates of {@code use}: the Manufacturer roots verify firmware signing certificates (L01.FR.12).
   *
   * @param use which kind of root: Central System or Manufacturer
   * @return the installed roots of that kind; empty when none is installed
   */
  public List<X509Certificate> rootCertificates(CertificateUse use) {
    return roots.certificates(use);
  }

  /**
   * Answers the certificate calls of the security extension: InstallCertificate, DeleteCertificate,
   * GetInstalledCertificateIds and CertificateSigned.
   *
   * @param router the router the central system's calls arrive on
   */
  public void register(CallRouter router) {
    router.on(InstallCertificateRequest.class, (request, reply) -> install(request, reply::answer));
    router.on(DeleteCertificateRequest.class, (request, reply) -> delete(request, reply::answer));
    router.on(GetInstalledCertificateIdsRequest.class, (request, reply) -> reply.answer(installedIds(request)));
    router.on(CertificateSignedRequest.class, (request, reply) -> certificateSigned(request, reply::answer));
  }

  void install(InstallCertificateRequest request, Consumer<InstallCertificateResponse> answer) {
    boolean single = config.bool(SecurityKeys.ADDITIONAL_ROOT_CERTIFICATE_CHECK);
    roots.install(request.certificateType(), request.certificate(), clock.get(), config.integer(SecurityKeys.CERTIFICATE_STORE_MAX_LENGTH),
        single, outcome -> {
          boolean centralSystemRoot = request.certificateType() == CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE;
          if (outcome == CertificateStore.Installation.INVALID && centralSystemRoot) {
            events.raise(SecurityEvent.INVALID_CENTRAL_SYSTEM_CERTIFICATE, "InstallCertificate rejected");
          }
          if (outcome == CertificateStore.Installation.ACCEPTED && centralSystemRoot) {
            rootFallbackTrusted = false;
            reconnectLater();
          }
          answer.accept(new InstallCertificateResponse(switch (outcome) {
            case ACCEPTED -> CertificateStatus.ACCEPTED;
            case INVALID, FULL -> CertificateStatus.REJECTED;
            case FAILED -> CertificateStatus.FAILED;
          }));
        });
  }

  void delete(DeleteCertificateRequest request, Consumer<DeleteCertificateResponse> answer) {
    roots.delete(request.certificateHashData(), ownCertificates::isChargePointCertificate, usesTls(), status -> {
      if (status == DeleteCertificateStatus.ACCEPTED) {
        reconnectLater();
      }
      answer.accept(new DeleteCertificateResponse(status));
    });
  }

  private GetInstalledCertificateIdsResponse installedIds(GetInstalledCertificateIdsRequest request) {
    List<CertificateHashData> ids = roots.ids(request.certificateType());
    return new GetInstalledCertificateIdsResponse(ids.isEmpty() ? GetInstalledCertificateStatus.NOT_FOUND
        : GetInstalledCertificateStatus.ACCEPTED, ids);
  }

  void certificateSigned(CertificateSignedRequest request, Consumer<CertificateSignedResponse> answer) {
    ownCertificates.certificateSigned(request.certificateChain(), status -> answer.accept(new CertificateSignedResponse(status)));
  }

  /** The white paper's prerequisites for a new SecurityProfile (A05.FR.01 to A05.FR.04). */
  private Optional<String> profileProblem(String value) {
    int next = Integer.parseInt(value);
    int current = config.integer(SecurityKeys.SECURITY_PROFILE);
    if (next <= current) {
      return Optional.of("the security profile can only be raised, it is " + current + " (A05.FR.01)");
    }
    if ((next == 1 || next == 2) && !SecurityKeys.validAuthorizationKey(config.text(SecurityKeys.AUTHORIZATION_KEY))) {
      return Optional.of("profile " + next + " needs an AuthorizationKey (A05.FR.02)");
    }
    if (next >= 2 && !roots.validCentralSystemRoot(clock.get())) {
      return Optional.of("profile " + next + " needs a valid CentralSystemRootCertificate (A05.FR.03)");
    }
    if (next == 3 && ownCertificates.current().isEmpty()) {
      return Optional.of("profile 3 needs a valid charge point certificate (A05.FR.04)");
    }
    return Optional.empty();
  }

  private void profileChanged(String value) {
    if (reverting) {
      return;
    }
    int previous = profileTrial.map(ProfileTrial::previous).orElse(profile);
    profile = Integer.parseInt(value);
    events.raise(SecurityEvent.RECONFIGURATION_OF_SECURITY_PARAMETERS, "SecurityProfile raised to " + value);
    ProfileTrial trial = new ProfileTrial(previous);
    storage.save(TRIAL_KEY, trial);
    profileTrial = Optional.of(trial);
    armProfileTrial();
    reconnectLater();
  }

  private void armProfileTrial() {
    cancel(profileTimer);
    profileTimer = scheduler.schedule(TRIAL, () -> {
      profileTimer = null;
      profileTrial.ifPresent(this::fallBack);
    });
  }

  /** A05.FR.08: the new profile could not connect; the old one can. */
  private void fallBack(ProfileTrial trial) {
    int failed = config.integer(SecurityKeys.SECURITY_PROFILE);
    LOG.log(Level.WARNING, "no connection with SecurityProfile {0} within {1}; back to {2}", failed, TRIAL, trial.previous());
    reverting = true;
    try {
      config.setInternally(SecurityKeys.SECURITY_PROFILE, Integer.toString(trial.previous()));
    } finally {
      reverting = false;
    }
    storage.delete(TRIAL_KEY);
    profileTrial = Optional.empty();
    profile = trial.previous();
    events.raise(SecurityEvent.RECONFIGURATION_OF_SECURITY_PARAMETERS,
        "SecurityProfile " + failed + " could not connect; back to " + trial.previous());
    link.reconfigure(connectionSettings());
  }

  private void armRootTrial() {
    cancel(rootTimer);
    rootTimer = null;
    if (stopped || !roots.hasFallback() || rootFallbackTrusted || !usesTls()) {
      return;
    }
    rootTimer = scheduler.schedule(TRIAL, () -> {
      rootTimer = null;
      LOG.log(Level.WARNING, "no connection trusting the new Central System root alone; trusting the old one again");
      rootFallbackTrusted = true;
      link.reconfigure(connectionSettings());
    });
  }

  private boolean usesTls() {
    return config.integer(SecurityKeys.SECURITY_PROFILE) >= 2;
  }

  /**
   * Applies new settings once the answer to the call that changed them is out (A01, A05: answer, then
   * reconnect), and once the call in flight is answered: new credentials end the connection, and the
   * SecurityEventNotification the change raised, answered over the old connection, would be lost and
   * sent again over the new one.
   */
  private void reconnectLater() {
    scheduler.execute(() -> outbox.whenIdle(() -> {
      if (!stopped) {
        link.reconfigure(connectionSettings());
      }
    }));
  }

  private static void cancel(Scheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
