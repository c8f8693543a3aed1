package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.FirmwareJob.Phase;
import dev.kilowatt.core.firmware.FirmwareJob.Report;
import dev.kilowatt.core.firmware.FirmwareJob.Signing;
import dev.kilowatt.core.message.Firmware;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareStatus;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Decision;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.Retries;
import dev.kilowatt.core.messaging.Secrets;
import dev.kilowatt.core.messaging.StatusReportQueue;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.security.ManufacturerRoots;
import dev.kilowatt.core.security.SecurityEvent;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * UpdateFirmware (OCPP 1.6 sections 4.5 and 5.19) and SignedUpdateFirmware (security white paper, use case
 * L01): download the image once the retrieve date has passed, retrying as asked; for a signed update, check
 * the image's signature first and wait for the install date; install it when no transaction runs, with the
 * connectors unavailable; reboot if the board needs it, and report Installed after the reboot.
 *
 * <p>Both kinds share one procedure and one saved record: a signed update only adds steps and statuses. The
 * statuses are kept in the white paper's vocabulary; an UpdateFirmware reports those OCPP 1.6 has words for,
 * in FirmwareStatusNotification, a signed update all of them, in SignedFirmwareStatusNotification with its
 * requestId.
 *
 * <p>Each step is saved before it is taken, with the statuses it reports, so that a power cut at any point
 * is resumed or ended cleanly on the next boot: an interrupted download counts as a failed attempt, an
 * interrupted signature check is done again, an interrupted installation is judged by the firmware version
 * the charge point boots with.
 */
public final class FirmwareUpdate {

  private static final System.Logger LOG = System.getLogger(FirmwareUpdate.class.getName());
  public static final String STORAGE_KEY = "firmware-update";
  /** How long a reboot waits for the last status notifications to be delivered. */
  public static final Duration REBOOT_DRAIN_LIMIT = Duration.ofSeconds(10);

  /**
   * What the firmware update needs from the station.
   *
   * @param securityEvent raises a security event, with a text for people
   */
  public record Hooks(Consumer<Runnable> post, BooleanSupplier transactionsRunning, Consumer<Boolean> holdConnectors, Runnable reboot,
      BiConsumer<SecurityEvent, String> securityEvent) {}

  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final FileTransfer transfer;
  private final FirmwareInstaller installer;
  private final ManufacturerRoots roots;
  private final boolean downloadDuringTransaction;
  private final Optional<String> runningVersion;
  private final Hooks hooks;
  private final StatusReportQueue<FirmwareJob, Report> reports;
  private Scheduler.Timer timer;
  /** Identifies the download or signature check under way; one that was cancelled no longer matches. */
  private long work;
  /** Whether an attempt or the installation is due but waits for the transactions to end. */
  private boolean awaitingIdle;
  private boolean holding;

  public FirmwareUpdate(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, FileTransfer transfer,
      FirmwareInstaller installer, ManufacturerRoots roots, boolean downloadDuringTransaction, Optional<String> runningVersion,
      Hooks hooks) {
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
    this.transfer = transfer;
    this.installer = installer;
    this.roots = roots;
    this.downloadDuringTransaction = downloadDuringTransaction;
    this.runningVersion = runningVersion;
    this.hooks = hooks;
    this.reports = new StatusReportQueue<>(storage, STORAGE_KEY, FirmwareJob.class, outbox, counters, FirmwareStatuses::notification);
  }

  /** After boot: picks up a procedure a reboot or a power cut interrupted. */
  public void resume() {
    Optional<FirmwareJob> saved = reports.load();
    if (saved.isEmpty()) {
      return;
    }
    FirmwareJob job = saved.get();
    switch (job.phase()) {
      case SCHEDULED -> arm();
      case DOWNLOADING -> {
        LOG.log(Level.WARNING, "a firmware download was interrupted by a power loss");
        attemptFailed("interrupted by a power loss");
      }
      case DOWNLOADED -> downloaded();
      case VERIFIED -> installWhenDue();
      case INSTALLING -> {
        boolean versionChanged = job.versionBefore().isPresent() && runningVersion.isPresent()
            && !job.versionBefore().equals(runningVersion);
        LOG.log(Level.WARNING, "a firmware installation was interrupted by a power loss; the new firmware {0}",
            versionChanged ? "runs" : "did not take");
        finish(versionChanged ? SignedFirmwareStatus.INSTALLED : SignedFirmwareStatus.INSTALLATION_FAILED);
      }
      case INSTALLED -> {
        LOG.log(Level.INFO, "rebooted into the new firmware {0}", runningVersion.orElse("(version unknown)"));
        finish(SignedFirmwareStatus.INSTALLED);
      }
      case DONE -> {}
    }
    applyHold();
  }

  /** UpdateFirmware.req, after its answer went out: replaces an update that has not started yet. */
  void schedule(UpdateFirmwareRequest request) {
    if (busy() && job().phase() != Phase.SCHEDULED) {
      counters.increment("firmware.updateIgnored");
      LOG.log(Level.WARNING, "ignoring UpdateFirmware for {0}: another update is {1}", Secrets.masked(request.location()), job().phase());
      return;
    }
    cancel();
    reports.save(fresh(request.location(), request.retrieveDate(), Retries.asked(request.retries(), request.retryInterval()),
        Optional.empty()));
    begin();
  }

  /**
   * SignedUpdateFirmware.req: checks the signing certificate (L01.FR.23) and cancels an update that can still
   * be cancelled (L01.FR.26); the work starts once the answer is out.
   */
  Decision<UpdateFirmwareStatus> accept(SignedUpdateFirmwareRequest request) {
    Firmware firmware = request.firmware();
    Optional<String> distrust = FirmwareSigning.distrust(firmware.signingCertificate(), roots.certificates(), clock.get());
    if (distrust.isPresent()) {
      counters.increment("firmware.invalidSigningCertificate");
      LOG.log(Level.WARNING, "refusing SignedUpdateFirmware {0}: {1}", request.requestId(), distrust.get());
      return Decision.then(UpdateFirmwareStatus.INVALID_CERTIFICATE,
          () -> hooks.securityEvent().accept(SecurityEvent.INVALID_FIRMWARE_SIGNING_CERTIFICATE, distrust.get()));
    }
    if (installing() || phase().equals(Optional.of(Phase.INSTALLED))) {
      counters.increment("firmware.updateRejected");
      LOG.log(Level.WARNING, "rejecting SignedUpdateFirmware {0}: the board is being written", request.requestId());
      return Decision.only(UpdateFirmwareStatus.REJECTED);
    }
    UpdateFirmwareStatus answer = busy() ? UpdateFirmwareStatus.ACCEPTED_CANCELED : UpdateFirmwareStatus.ACCEPTED;
    cancel();
    Signing signing = new Signing(request.requestId(), firmware.signingCertificate().orElseThrow(), firmware.signature(),
        firmware.installDateTime());
    reports.save(fresh(firmware.location(), firmware.retrieveDateTime(), Retries.asked(request.retries(), request.retryInterval()),
        Optional.of(signing)));
    return Decision.then(answer, this::begin);
  }

  /** The charge point stops (for a reboot, or in a test's power cut): nothing may fire afterwards. */
  public void stop() {
    cancelTimer();
    work++;
  }

  /** A transaction ended: a download or an installation may have been waiting for that. */
  public void transactionEnded() {
    Optional<Phase> phase = phase();
    if (!awaitingIdle || phase.isEmpty()) {
      return;
    }
    if (phase.get() == Phase.SCHEDULED) {
      attempt();
    } else if (phase.get() == Phase.DOWNLOADED || phase.get() == Phase.VERIFIED) {
      installWhenIdle();
    }
  }

  /**
   * The central system accepted the charge point (again): deliver what it has not heard yet. Its answer to
   * BootNotification may have set the clock, so the wait for the retrieve or install date is measured again.
   */
  public void online() {
    if (timer != null) {
      arm();
    }
    reports.pump();
  }

  /** Whether a reset must wait: the board is being written to. */
  public boolean installing() {
    return phase().equals(Optional.of(Phase.INSTALLING));
  }

  /** Answers TriggerMessage FirmwareStatusNotification. */
  public void sendCurrentStatus() {
    outbox.send(FirmwareStatuses.current(reports.record()), Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  /** Answers ExtendedTriggerMessage FirmwareStatusNotification. */
  public void sendSignedStatus() {
    outbox.send(FirmwareStatuses.latestSigned(reports.record()), Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  private boolean busy() {
    return phase().filter(p -> p != Phase.DONE).isPresent();
  }

  private Optional<Phase> phase() {
    return reports.record().map(FirmwareJob::phase);
  }

  private FirmwareJob job() {
    return reports.record().orElseThrow();
  }

  private FirmwareJob fresh(String location, Instant retrieveAt, Retries retries, Optional<Signing> signing) {
    return new FirmwareJob(location, retrieveAt, 0, retries.maxAttempts(), retries.intervalSeconds(), Phase.SCHEDULED, Optional.empty(),
        Optional.empty(), reports.unreported(), Optional.empty(), signing);
  }

  /** Starts the update {@link #fresh} made: now, or at its retrieve date. */
  private void begin() {
    if (clock.get().isBefore(job().notBefore())) {
      reports.save(job().reporting(SignedFirmwareStatus.DOWNLOAD_SCHEDULED));
    }
    LOG.log(Level.INFO, "firmware from {0} to be retrieved after {1}", Secrets.masked(job().location()), job().notBefore());
    applyHold();
    reports.pump();
    arm();
  }

  /** Drops the update under way, if any: its timer, download or signature check, and its image. */
  private void cancel() {
    if (!busy()) {
      return;
    }
    counters.increment("firmware.updateCancelled");
    FirmwareJob job = job();
    LOG.log(Level.WARNING, "cancelling the firmware update from {0} ({1})", Secrets.masked(job.location()), job.phase());
    cancelTimer();
    work++;
    awaitingIdle = false;
    job.image().ifPresent(FirmwareUpdate::deleteImage);
  }

  // ---------------------------------------------------------------- download

  /** Waits for what the phase waits for: the retrieve date (or the next attempt), or the install date. */
  private void arm() {
    cancelTimer();
    FirmwareJob job = job();
    boolean download = job.phase() == Phase.SCHEDULED;
    Duration wait = Duration.between(clock.get(), download ? job.notBefore() : job.installAt().orElseThrow());
    timer = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> {
      timer = null;
      if (download) {
        attempt();
      } else {
        installWhenIdle();
      }
    });
  }

  private void attempt() {
    if (!downloadDuringTransaction && hooks.transactionsRunning().getAsBoolean()) {
      LOG.log(Level.INFO, "firmware download waits for the transactions to end");
      awaitingIdle = true;
      reportOnce(SignedFirmwareStatus.DOWNLOAD_SCHEDULED);
      applyHold();
      return;
    }
    awaitingIdle = false;
    URI source;
    try {
      source = new URI(job().location());
    } catch (URISyntaxException e) {
      LOG.log(Level.WARNING, "firmware location is not a URI: {0}", e.getMessage());
      finish(SignedFirmwareStatus.DOWNLOAD_FAILED);
      return;
    }
    FirmwareJob started = job().attemptStarted();
    reports.save(started.attempts() == 1 ? started.reporting(SignedFirmwareStatus.DOWNLOADING) : started);
    applyHold();
    reports.pump();
    long download = ++work;
    LOG.log(Level.INFO, "downloading firmware from {0} (attempt {1} of {2})", Secrets.masked(started.location()), started.attempts(),
        started.maxAttempts());
    transfer.download(source, installer.maxImageBytes(), new FileTransfer.Listener() {
      @Override
      public void onProgress(long transferredBytes, OptionalLong totalBytes) {
        totalBytes.ifPresentOrElse(
            total -> LOG.log(Level.INFO, "firmware download: " + transferredBytes * 100 / Math.max(1, total) + " % of " + total + " bytes"),
            () -> LOG.log(Level.INFO, "firmware download: " + transferredBytes + " bytes"));
      }

      @Override
      public void onCompleted(Path file) {
        hooks.post().accept(() -> {
          if (current(download, Phase.DOWNLOADING)) {
            LOG.log(Level.INFO, "firmware image downloaded to {0}", file);
            reports.save(job().downloaded(file).reporting(SignedFirmwareStatus.DOWNLOADED));
            applyHold();
            reports.pump();
            downloaded();
          } else {
            deleteImage(file.toString());
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        hooks.post().accept(() -> {
          if (current(download, Phase.DOWNLOADING)) {
            attemptFailed(reason);
          }
        });
      }
    });
  }

  /** Whether {@code started} is still the work under way, in {@code phase}: not cancelled, not overtaken. */
  private boolean current(long started, Phase phase) {
    return started == work && phase().equals(Optional.of(phase));
  }

  private void attemptFailed(String reason) {
    counters.increment("firmware.downloadFailed");
    FirmwareJob job = job();
    if (job.attempts() < job.maxAttempts()) {
      Instant next = clock.get().plusSeconds(job.retryIntervalSeconds());
      LOG.log(Level.WARNING, "firmware download failed ({0}); trying again at {1}", reason, next);
      reports.save(job.retryAt(next));
      applyHold();
      arm();
    } else {
      LOG.log(Level.ERROR, "firmware download failed ({0}) after {1} attempts; giving up", reason, job.attempts());
      finish(SignedFirmwareStatus.DOWNLOAD_FAILED);
    }
  }

  /** The image is here: a signed one is checked first (L01.FR.04), an unsigned one goes to installation. */
  private void downloaded() {
    FirmwareJob job = job();
    if (job.signing().isEmpty()) {
      installWhenIdle();
      return;
    }
    Signing signing = job.signing().get();
    long check = ++work;
    LOG.log(Level.INFO, "checking the signature of firmware image {0}", job.image().orElseThrow());
    FirmwareSigning.verify(Path.of(job.image().orElseThrow()), signing.certificate(), signing.signature(), hooks.post(),
        () -> current(check, Phase.DOWNLOADED), verdict -> {
          if (!current(check, Phase.DOWNLOADED)) {
            return;
          }
          switch (verdict) {
            case VERIFIED -> {
              LOG.log(Level.INFO, "the firmware signature is valid");
              reports.save(job().in(Phase.VERIFIED).reporting(SignedFirmwareStatus.SIGNATURE_VERIFIED));
              reports.pump();
              installWhenDue();
            }
            case INVALID -> {
              counters.increment("firmware.invalidSignature");
              LOG.log(Level.ERROR, "the firmware signature does not match the image; not installing it");
              finish(SignedFirmwareStatus.INVALID_SIGNATURE);
              hooks.securityEvent().accept(SecurityEvent.INVALID_FIRMWARE_SIGNATURE, "signature of the image from " + Secrets.masked(job().location()));
            }
            case UNREADABLE -> {
              counters.increment("firmware.imageUnreadable");
              LOG.log(Level.ERROR, "the downloaded firmware image cannot be read");
              finish(SignedFirmwareStatus.INSTALL_VERIFICATION_FAILED);
            }
          }
        });
  }

  // ---------------------------------------------------------------- installation

  /** Waits for the install date a signed update may carry (L01.FR.16), then installs when idle. */
  private void installWhenDue() {
    Optional<Instant> installAt = job().installAt();
    if (installAt.filter(clock.get()::isBefore).isPresent()) {
      LOG.log(Level.INFO, "firmware installation scheduled for {0}", installAt.get());
      reportOnce(SignedFirmwareStatus.INSTALL_SCHEDULED);
      applyHold();
      reports.pump();
      arm();
      return;
    }
    installWhenIdle();
  }

  private void installWhenIdle() {
    if (hooks.transactionsRunning().getAsBoolean()) {
      LOG.log(Level.INFO, "firmware installation waits for the transactions to end");
      awaitingIdle = true;
      applyHold();
      return;
    }
    awaitingIdle = false;
    Path image = Path.of(job().image().orElseThrow());
    if (!Files.isRegularFile(image)) {
      LOG.log(Level.ERROR, "the downloaded firmware image {0} is gone", image);
      finish(SignedFirmwareStatus.INSTALLATION_FAILED);
      return;
    }
    reports.save(job().installing(runningVersion).reporting(SignedFirmwareStatus.INSTALLING));
    applyHold();
    reports.pump();
    LOG.log(Level.INFO, "installing firmware image {0}", image);
    installer.install(image, new FirmwareInstaller.Listener() {
      @Override
      public void onInstalled(boolean rebootRequired) {
        hooks.post().accept(() -> {
          if (installing()) {
            installed(rebootRequired);
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        hooks.post().accept(() -> {
          if (installing()) {
            counters.increment("firmware.installationFailed");
            LOG.log(Level.ERROR, "firmware installation failed: {0}", reason);
            finish(SignedFirmwareStatus.INSTALLATION_FAILED);
          }
        });
      }
    });
  }

  private void installed(boolean rebootRequired) {
    if (!rebootRequired) {
      LOG.log(Level.INFO, "firmware installed; no reboot needed");
      finish(SignedFirmwareStatus.INSTALLED);
      return;
    }
    LOG.log(Level.INFO, "firmware installed; rebooting into it");
    reports.save(job().in(Phase.INSTALLED).reporting(SignedFirmwareStatus.INSTALL_REBOOTING));
    reports.pump();
    rebootWhenReported(scheduler.now().plus(REBOOT_DRAIN_LIMIT));
  }

  /** Lets the central system hear the last statuses before the connection goes down, if it is listening. */
  private void rebootWhenReported(Instant deadline) {
    if (job().unreported().isEmpty() || !outbox.canSendNow() || !scheduler.now().isBefore(deadline)) {
      hooks.reboot().run();
      return;
    }
    scheduler.schedule(Duration.ofMillis(100), () -> rebootWhenReported(deadline));
  }

  // ---------------------------------------------------------------- bookkeeping

  /** Ends the procedure with its final status; the image, if any, is no longer needed. */
  private void finish(SignedFirmwareStatus status) {
    cancelTimer();
    awaitingIdle = false;
    job().image().ifPresent(FirmwareUpdate::deleteImage);
    reports.save(job().in(Phase.DONE).reporting(status));
    applyHold();
    reports.pump();
    if (status == SignedFirmwareStatus.INSTALLED) {
      hooks.securityEvent().accept(SecurityEvent.FIRMWARE_UPDATED, "firmware " + runningVersion.orElse("(version unknown)") + " installed");
    }
  }

  /** Reports {@code status} unless it is the latest already (a wait that starts again is no new state). */
  private void reportOnce(SignedFirmwareStatus status) {
    if (job().lastReport().filter(last -> last.status() == status).isEmpty()) {
      reports.save(job().reporting(status));
      reports.pump();
    }
  }

  /**
   * The connectors are unavailable from the moment the image must come in without a transaction running (or
   * from the download on, if downloads may overlap transactions) until the installation is over; while a
   * signed update waits for its install date, they stay free.
   */
  private void applyHold() {
    boolean wanted = reports.record().map(job -> switch (job.phase()) {
      case SCHEDULED -> awaitingIdle;
      case DOWNLOADING -> !downloadDuringTransaction;
      case DOWNLOADED, VERIFIED -> job.installAt().filter(clock.get()::isBefore).isEmpty();
      case INSTALLING, INSTALLED -> true;
      case DONE -> false;
    }).orElse(false);
    if (wanted != holding) {
      holding = wanted;
      hooks.holdConnectors().accept(wanted);
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private static void deleteImage(String image) {
    try {
      Files.deleteIfExists(Path.of(image));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete the firmware image " + image, e);
    }
  }
}
