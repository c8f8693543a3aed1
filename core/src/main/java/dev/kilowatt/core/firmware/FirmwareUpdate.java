package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.FirmwareJob.Phase;
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
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.security.ManufacturerRoots;
import dev.kilowatt.core.security.SecurityEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
 * requestId. This class takes the calls and the events; {@link FirmwareDownload} and
 * {@link FirmwareInstallation} do the two halves, on the record {@link FirmwareProgress} keeps.
 *
 * <p>Each step is saved before it is taken, with the statuses it reports, so that a power cut at any point
 * is resumed or ended cleanly on the next boot: an interrupted download counts as a failed attempt, an
 * interrupted signature check is done again, an interrupted installation is judged by the firmware version
 * the charge point boots with.
 */
public final class FirmwareUpdate {

  private static final System.Logger LOG = System.getLogger(FirmwareUpdate.class.getName());
  static final String STORAGE_KEY = "firmware-update";
  /** How long a reboot waits for the last status notifications to be delivered. */
  static final Duration REBOOT_DRAIN_LIMIT = Duration.ofSeconds(10);

  /**
   * What the firmware update needs from the station.
   *
   * @param post runs a step later on the event loop, after the current one
   * @param transactionsRunning whether any transaction runs, which makes downloads (by policy) and installation wait
   * @param holdConnectors makes the connectors Unavailable (true) while the update must not meet a new transaction, or available again (false)
   * @param reboot restarts the charge point once the image is installed
   * @param securityEvent raises a security event, with a text for people
   */
  public record Hooks(Consumer<Runnable> post, BooleanSupplier transactionsRunning, Consumer<Boolean> holdConnectors, Runnable reboot,
      BiConsumer<SecurityEvent, String> securityEvent) {}

  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final ManufacturerRoots roots;
  private final Optional<String> runningVersion;
  private final Hooks hooks;
  private final FirmwareProgress progress;
  private final FirmwareDownload download;
  private final FirmwareInstallation installation;

  FirmwareUpdate(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, FileTransfer transfer,
      FirmwareInstaller installer, ManufacturerRoots roots, boolean downloadDuringTransaction, Optional<String> runningVersion, Hooks hooks) {
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
    this.roots = roots;
    this.runningVersion = runningVersion;
    this.hooks = hooks;
    this.progress = new FirmwareProgress(scheduler, storage, outbox, counters, clock, transfer, downloadDuringTransaction, runningVersion,
        hooks);
    this.installation = new FirmwareInstallation(progress, scheduler, outbox, counters, clock, transfer, installer, runningVersion, hooks,
        this::arm);
    this.download = new FirmwareDownload(progress, transfer, installer.maxImageBytes(), counters, clock, downloadDuringTransaction, hooks,
        installation, this::arm);
  }

  /** After boot: picks up a procedure a reboot or a power cut interrupted. */
  void resume() {
    Optional<FirmwareJob> saved = progress.load();
    if (saved.isEmpty()) {
      return;
    }
    FirmwareJob job = saved.get();
    switch (job.phase()) {
      case SCHEDULED -> arm();
      case DOWNLOADING -> {
        LOG.log(Level.WARNING, "a firmware download was interrupted by a power loss");
        download.attemptFailed("interrupted by a power loss");
      }
      case DOWNLOADED -> download.downloaded();
      case VERIFIED -> installation.installWhenDue();
      case INSTALLING -> {
        boolean versionChanged = job.versionBefore().isPresent() && runningVersion.isPresent()
            && !job.versionBefore().equals(runningVersion);
        LOG.log(Level.WARNING, "a firmware installation was interrupted by a power loss; the new firmware {0}",
            versionChanged ? "runs" : "did not take");
        progress.finish(versionChanged ? SignedFirmwareStatus.INSTALLED : SignedFirmwareStatus.INSTALLATION_FAILED);
      }
      case INSTALLED -> {
        LOG.log(Level.INFO, "rebooted into the new firmware {0}", runningVersion.orElse("(version unknown)"));
        progress.finish(SignedFirmwareStatus.INSTALLED);
      }
      case DONE -> {}
    }
    progress.applyHold();
  }

  /** UpdateFirmware.req, after its answer went out: replaces an update that has not started yet. */
  void schedule(UpdateFirmwareRequest request) {
    if (progress.busy() && progress.job().phase() != Phase.SCHEDULED) {
      counters.increment("firmware.updateIgnored");
      LOG.log(Level.WARNING, "ignoring UpdateFirmware for {0}: another update is {1}", Secrets.masked(request.location()),
          progress.job().phase());
      return;
    }
    cancel();
    Retries retries = Retries.asked(request.retries(), request.retryInterval());
    progress.save(progress.fresh(request.location(), request.retrieveDate(), retries.maxAttempts(), retries.intervalSeconds(),
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
    if (progress.installing() || progress.phase().equals(Optional.of(Phase.INSTALLED))) {
      counters.increment("firmware.updateRejected");
      LOG.log(Level.WARNING, "rejecting SignedUpdateFirmware {0}: the board is being written", request.requestId());
      return Decision.only(UpdateFirmwareStatus.REJECTED);
    }
    UpdateFirmwareStatus answer = progress.busy() ? UpdateFirmwareStatus.ACCEPTED_CANCELED : UpdateFirmwareStatus.ACCEPTED;
    cancel();
    Signing signing = new Signing(request.requestId(), firmware.signingCertificate().orElseThrow(), firmware.signature(),
        firmware.installDateTime());
    Retries retries = Retries.asked(request.retries(), request.retryInterval());
    progress.save(progress.fresh(firmware.location(), firmware.retrieveDateTime(), retries.maxAttempts(), retries.intervalSeconds(),
        Optional.of(signing)));
    return Decision.then(answer, this::begin);
  }

  /** The charge point stops (for a reboot, or in a test's power cut): nothing may fire afterwards. */
  void stop() {
    progress.abandon();
  }

  /** A transaction ended: a download or an installation may have been waiting for that. */
  void transactionEnded() {
    Optional<Phase> phase = progress.phase();
    if (!progress.awaitingIdle() || phase.isEmpty()) {
      return;
    }
    if (phase.get() == Phase.SCHEDULED) {
      download.attempt();
    } else if (phase.get() == Phase.DOWNLOADED || phase.get() == Phase.VERIFIED) {
      installation.installWhenIdle();
    }
  }

  /**
   * The central system accepted the charge point (again): deliver what it has not heard yet. Its answer to
   * BootNotification may have set the clock, so the wait for the retrieve or install date is measured again.
   */
  void online() {
    if (progress.waiting()) {
      arm();
    }
    progress.report();
  }

  /** Whether a reset must wait: the board is being written to. */
  boolean installing() {
    return progress.installing();
  }

  /** Answers TriggerMessage FirmwareStatusNotification. */
  void sendCurrentStatus() {
    outbox.send(FirmwareStatuses.current(progress.record()), Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  /** Answers ExtendedTriggerMessage FirmwareStatusNotification. */
  void sendSignedStatus() {
    outbox.send(FirmwareStatuses.latestSigned(progress.record()), Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  /** Starts the update just saved: now, or at its retrieve date. */
  private void begin() {
    FirmwareJob job = progress.job();
    if (clock.get().isBefore(job.notBefore())) {
      progress.save(job.reporting(SignedFirmwareStatus.DOWNLOAD_SCHEDULED));
    }
    LOG.log(Level.INFO, "firmware from {0} to be retrieved after {1}", Secrets.masked(job.location()), job.notBefore());
    progress.applyHold();
    progress.report();
    arm();
  }

  /** Drops the update under way, if any: its timer, download or signature check, and its image. */
  private void cancel() {
    if (!progress.busy()) {
      return;
    }
    counters.increment("firmware.updateCancelled");
    FirmwareJob job = progress.job();
    LOG.log(Level.WARNING, "cancelling the firmware update from {0} ({1})", Secrets.masked(job.location()), job.phase());
    progress.abandon();
    progress.awaitIdle(false);
    progress.discardImage();
  }

  /** Waits for what the phase waits for: the retrieve date (or the next attempt), or the install date. */
  private void arm() {
    FirmwareJob job = progress.job();
    boolean retrieve = job.phase() == Phase.SCHEDULED;
    progress.schedule(Duration.between(clock.get(), retrieve ? job.notBefore() : job.installAt().orElseThrow()), () -> {
      if (retrieve) {
        download.attempt();
      } else {
        installation.installWhenIdle();
      }
    });
  }
}
