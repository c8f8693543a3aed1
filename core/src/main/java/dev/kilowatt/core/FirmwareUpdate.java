package dev.kilowatt.core;

import dev.kilowatt.core.message.FirmwareStatus;
import dev.kilowatt.core.message.FirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * UpdateFirmware (OCPP 1.6 sections 4.5 and 5.19): download the image once {@code retrieveDate} has passed,
 * retrying as asked; install it when no transaction runs, with the connectors unavailable; reboot if the
 * board needs it, and report Installed after the reboot.
 *
 * <p>Each step is saved before it is taken, with the statuses it reports, so that a power cut at any point
 * is resumed or ended cleanly on the next boot: an interrupted download counts as a failed attempt, an
 * interrupted installation is judged by the firmware version the charge point boots with.
 */
final class FirmwareUpdate {

  private static final System.Logger LOG = System.getLogger(FirmwareUpdate.class.getName());
  static final String STORAGE_KEY = "firmware-update";
  /** Used when UpdateFirmware.req leaves {@code retries} to the charge point. */
  static final int DEFAULT_RETRIES = 3;
  /** Used when UpdateFirmware.req leaves {@code retryInterval} to the charge point. */
  static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(60);
  /** How long a reboot waits for the last status notifications to be delivered. */
  static final Duration REBOOT_DRAIN_LIMIT = Duration.ofSeconds(10);

  /** Where the procedure stands. */
  enum Phase {
    /** Waiting for {@code notBefore}: the retrieve date, or the next attempt after a failed one. */
    SCHEDULED,
    DOWNLOADING,
    /** The image is here; waiting for the transactions to end. */
    DOWNLOADED,
    INSTALLING,
    /** Installed; the new firmware runs after the reboot. */
    INSTALLED,
    /** Over; only statuses not yet delivered remain. */
    DONE
  }

  /**
   * The saved procedure.
   *
   * @param attempts download attempts started so far
   * @param image the downloaded image, from DOWNLOADED on
   * @param versionBefore the firmware version that ran when the installation began
   * @param unreported statuses not yet delivered to the central system, oldest first
   */
  record Job(String location, Instant notBefore, int attempts, int maxAttempts, long retryIntervalSeconds, Phase phase,
      Optional<String> image, Optional<String> versionBefore, List<FirmwareStatus> unreported) {

    Job {
      unreported = List.copyOf(unreported);
    }

    Job in(Phase next) {
      return new Job(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, next, image, versionBefore, unreported);
    }

    Job reporting(FirmwareStatus status) {
      List<FirmwareStatus> more = new ArrayList<>(unreported);
      more.add(status);
      return new Job(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, phase, image, versionBefore, more);
    }

    Job withoutOldestReport() {
      return new Job(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, phase, image, versionBefore,
          unreported.subList(1, unreported.size()));
    }

    Job attemptStarted() {
      return new Job(location, notBefore, attempts + 1, maxAttempts, retryIntervalSeconds, Phase.DOWNLOADING, image, versionBefore,
          unreported);
    }

    Job retryAt(Instant next) {
      return new Job(location, next, attempts, maxAttempts, retryIntervalSeconds, Phase.SCHEDULED, image, versionBefore, unreported);
    }

    Job downloaded(Path file) {
      return new Job(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, Phase.DOWNLOADED, Optional.of(file.toString()),
          versionBefore, unreported);
    }

    Job installing(Optional<String> runningVersion) {
      return new Job(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, Phase.INSTALLING, image, runningVersion,
          unreported);
    }
  }

  /** What the firmware update needs from the station. */
  record Hooks(Consumer<Runnable> post, BooleanSupplier transactionsRunning, Consumer<Boolean> holdConnectors, Runnable reboot) {}

  private final Scheduler scheduler;
  private final Storage storage;
  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final FileTransfer transfer;
  private final FirmwareInstaller installer;
  private final boolean downloadDuringTransaction;
  private final Optional<String> runningVersion;
  private final Hooks hooks;
  private final ProgressReports<FirmwareStatus> reports;
  private Job job;
  private Scheduler.Timer timer;
  /** Whether an attempt or the installation is due but waits for the transactions to end. */
  private boolean awaitingIdle;
  private boolean holding;

  FirmwareUpdate(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, FileTransfer transfer,
      FirmwareInstaller installer, boolean downloadDuringTransaction, Optional<String> runningVersion, Hooks hooks) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
    this.transfer = transfer;
    this.installer = installer;
    this.downloadDuringTransaction = downloadDuringTransaction;
    this.runningVersion = runningVersion;
    this.hooks = hooks;
    this.reports = new ProgressReports<>(outbox, counters, () -> job == null ? List.of() : job.unreported(),
        FirmwareStatusNotificationRequest::new, this::delivered);
  }

  /** After boot: picks up a procedure a reboot or a power cut interrupted. */
  void resume() {
    job = storage.load(STORAGE_KEY, Job.class).orElse(null);
    if (job == null) {
      return;
    }
    switch (job.phase()) {
      case SCHEDULED -> arm();
      case DOWNLOADING -> {
        LOG.log(Level.WARNING, "a firmware download was interrupted by a power loss");
        attemptFailed("interrupted by a power loss");
      }
      case DOWNLOADED -> installWhenIdle();
      case INSTALLING -> {
        boolean versionChanged = job.versionBefore().isPresent() && runningVersion.isPresent()
            && !job.versionBefore().equals(runningVersion);
        LOG.log(Level.WARNING, "a firmware installation was interrupted by a power loss; the new firmware {0}",
            versionChanged ? "runs" : "did not take");
        finish(versionChanged ? FirmwareStatus.INSTALLED : FirmwareStatus.INSTALLATION_FAILED);
      }
      case INSTALLED -> {
        LOG.log(Level.INFO, "rebooted into the new firmware {0}", runningVersion.orElse("(version unknown)"));
        finish(FirmwareStatus.INSTALLED);
      }
      case DONE -> {}
    }
    applyHold();
  }

  /** UpdateFirmware.req, after its answer went out. */
  void schedule(UpdateFirmwareRequest request) {
    List<FirmwareStatus> unreported = job == null ? List.of() : job.unreported();
    if (job != null && job.phase() != Phase.SCHEDULED && job.phase() != Phase.DONE) {
      counters.increment("firmware.updateIgnored");
      LOG.log(Level.WARNING, "ignoring UpdateFirmware for {0}: another update is {1}", Secrets.masked(request.location()), job.phase());
      return;
    }
    // retries counts the attempts after the first: with 0 (as TC_044_2 sends) there is one attempt
    int retries = Math.max(0, request.retries().orElse(DEFAULT_RETRIES));
    long interval = Math.max(0, request.retryInterval().map(Integer::longValue).orElse(DEFAULT_RETRY_INTERVAL.toSeconds()));
    awaitingIdle = false;
    save(new Job(request.location(), request.retrieveDate(), 0, retries + 1, interval, Phase.SCHEDULED, Optional.empty(),
        Optional.empty(), unreported));
    LOG.log(Level.INFO, "firmware from {0} to be retrieved after {1}", Secrets.masked(request.location()), request.retrieveDate());
    applyHold();
    arm();
  }

  /** A transaction ended: a download or an installation may have been waiting for that. */
  void transactionEnded() {
    if (!awaitingIdle || job == null) {
      return;
    }
    if (job.phase() == Phase.SCHEDULED) {
      attempt();
    } else if (job.phase() == Phase.DOWNLOADED) {
      installWhenIdle();
    }
  }

  /**
   * The central system accepted the charge point (again): deliver what it has not heard yet. Its answer to
   * BootNotification may have set the clock, so the wait for the retrieve date is measured again.
   */
  void online() {
    if (timer != null) {
      arm();
    }
    reports.pump();
  }

  /** Whether a reset must wait: the board is being written to. */
  boolean installing() {
    return job != null && job.phase() == Phase.INSTALLING;
  }

  /** TriggerMessage FirmwareStatusNotification: where the procedure stands now, Idle when nothing is going on. */
  void sendCurrentStatus() {
    outbox.send(new FirmwareStatusNotificationRequest(currentStatus()), Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  private FirmwareStatus currentStatus() {
    if (job == null) {
      return FirmwareStatus.IDLE;
    }
    return switch (job.phase()) {
      case SCHEDULED -> job.attempts() > 0 ? FirmwareStatus.DOWNLOADING : FirmwareStatus.IDLE;
      case DOWNLOADING -> FirmwareStatus.DOWNLOADING;
      case DOWNLOADED -> FirmwareStatus.DOWNLOADED;
      case INSTALLING, INSTALLED -> FirmwareStatus.INSTALLING;
      case DONE -> FirmwareStatus.IDLE;
    };
  }

  // ---------------------------------------------------------------- download

  private void arm() {
    cancelTimer();
    Duration wait = Duration.between(clock.get(), job.notBefore());
    timer = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> {
      timer = null;
      attempt();
    });
  }

  private void attempt() {
    if (!downloadDuringTransaction && hooks.transactionsRunning().getAsBoolean()) {
      LOG.log(Level.INFO, "firmware download waits for the transactions to end");
      awaitingIdle = true;
      applyHold();
      return;
    }
    awaitingIdle = false;
    URI source;
    try {
      source = new URI(job.location());
    } catch (URISyntaxException e) {
      LOG.log(Level.WARNING, "firmware location is not a URI: {0}", e.getMessage());
      finish(FirmwareStatus.DOWNLOAD_FAILED);
      return;
    }
    Job started = job.attemptStarted();
    save(started.attempts() == 1 ? started.reporting(FirmwareStatus.DOWNLOADING) : started);
    applyHold();
    reports.pump();
    int attempt = job.attempts();
    LOG.log(Level.INFO, "downloading firmware from {0} (attempt {1} of {2})", Secrets.masked(job.location()), attempt, job.maxAttempts());
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
          if (downloading(attempt)) {
            downloaded(file);
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        hooks.post().accept(() -> {
          if (downloading(attempt)) {
            attemptFailed(reason);
          }
        });
      }
    });
  }

  private boolean downloading(int attempt) {
    return job != null && job.phase() == Phase.DOWNLOADING && job.attempts() == attempt;
  }

  private void attemptFailed(String reason) {
    counters.increment("firmware.downloadFailed");
    if (job.attempts() < job.maxAttempts()) {
      Instant next = clock.get().plusSeconds(job.retryIntervalSeconds());
      LOG.log(Level.WARNING, "firmware download failed ({0}); trying again at {1}", reason, next);
      save(job.retryAt(next));
      applyHold();
      arm();
    } else {
      LOG.log(Level.ERROR, "firmware download failed ({0}) after {1} attempts; giving up", reason, job.attempts());
      finish(FirmwareStatus.DOWNLOAD_FAILED);
    }
  }

  private void downloaded(Path file) {
    LOG.log(Level.INFO, "firmware image downloaded to {0}", file);
    save(job.downloaded(file).reporting(FirmwareStatus.DOWNLOADED));
    applyHold();
    reports.pump();
    installWhenIdle();
  }

  // ---------------------------------------------------------------- installation

  private void installWhenIdle() {
    if (hooks.transactionsRunning().getAsBoolean()) {
      LOG.log(Level.INFO, "firmware installation waits for the transactions to end");
      awaitingIdle = true;
      applyHold();
      return;
    }
    awaitingIdle = false;
    Path image = Path.of(job.image().orElseThrow());
    if (!Files.isRegularFile(image)) {
      LOG.log(Level.ERROR, "the downloaded firmware image {0} is gone", image);
      finish(FirmwareStatus.INSTALLATION_FAILED);
      return;
    }
    save(job.installing(runningVersion).reporting(FirmwareStatus.INSTALLING));
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
            finish(FirmwareStatus.INSTALLATION_FAILED);
          }
        });
      }
    });
  }

  private void installed(boolean rebootRequired) {
    if (!rebootRequired) {
      LOG.log(Level.INFO, "firmware installed; no reboot needed");
      finish(FirmwareStatus.INSTALLED);
      return;
    }
    LOG.log(Level.INFO, "firmware installed; rebooting into it");
    save(job.in(Phase.INSTALLED));
    rebootWhenReported(scheduler.now().plus(REBOOT_DRAIN_LIMIT));
  }

  /** Lets the central system hear Installing before the connection goes down, if it is listening. */
  private void rebootWhenReported(Instant deadline) {
    if (job.unreported().isEmpty() || !outbox.canSendNow() || !scheduler.now().isBefore(deadline)) {
      hooks.reboot().run();
      return;
    }
    scheduler.schedule(Duration.ofMillis(100), () -> rebootWhenReported(deadline));
  }

  // ---------------------------------------------------------------- bookkeeping

  /** Ends the procedure with its final status; the image, if any, is no longer needed. */
  private void finish(FirmwareStatus status) {
    cancelTimer();
    awaitingIdle = false;
    job.image().ifPresent(FirmwareUpdate::deleteImage);
    save(job.in(Phase.DONE).reporting(status));
    applyHold();
    reports.pump();
  }

  private void delivered() {
    Job rest = job.withoutOldestReport();
    if (rest.phase() == Phase.DONE && rest.unreported().isEmpty()) {
      storage.delete(STORAGE_KEY);
      job = null;
    } else {
      save(rest);
    }
  }

  private void save(Job next) {
    job = next;
    storage.save(STORAGE_KEY, next);
  }

  /**
   * The connectors are unavailable from the moment the image must come in without a transaction running (or
   * from the download on, if downloads may overlap transactions) until the installation is over.
   */
  private void applyHold() {
    boolean wanted = job != null && switch (job.phase()) {
      case SCHEDULED -> awaitingIdle;
      case DOWNLOADING -> !downloadDuringTransaction;
      case DOWNLOADED, INSTALLING, INSTALLED -> true;
      case DONE -> false;
    };
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
