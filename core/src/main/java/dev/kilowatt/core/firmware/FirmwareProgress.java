package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.FirmwareJob.Phase;
import dev.kilowatt.core.firmware.FirmwareJob.Report;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.StatusReportQueue;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.security.SecurityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a firmware update stands: the saved {@link FirmwareJob} with the statuses it still has to report,
 * the one timer it waits on, which download or signature check is the current one, and whether the
 * connectors are held for it. The download and the installation both move the update on through here.
 */
final class FirmwareProgress {

  private final Scheduler scheduler;
  private final Supplier<Instant> clock;
  private final FileTransfer transfer;
  private final boolean downloadDuringTransaction;
  private final Optional<String> runningVersion;
  private final FirmwareUpdate.Hooks hooks;
  private final StatusReportQueue<FirmwareJob, Report> reports;
  private Scheduler.Timer timer;
  /** Identifies the download or signature check under way; one that was cancelled no longer matches. */
  private long work;
  /** Whether an attempt or the installation is due but waits for the transactions to end. */
  private boolean awaitingIdle;
  private boolean holding;

  FirmwareProgress(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, FileTransfer transfer,
      boolean downloadDuringTransaction, Optional<String> runningVersion, FirmwareUpdate.Hooks hooks) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.transfer = transfer;
    this.downloadDuringTransaction = downloadDuringTransaction;
    this.runningVersion = runningVersion;
    this.hooks = hooks;
    this.reports = new StatusReportQueue<>(storage, FirmwareUpdate.STORAGE_KEY, FirmwareJob.class, outbox, counters,
        FirmwareStatuses::notification);
  }

  Optional<FirmwareJob> load() {
    return reports.load();
  }

  Optional<FirmwareJob> record() {
    return reports.record();
  }

  FirmwareJob job() {
    return reports.record().orElseThrow();
  }

  Optional<Phase> phase() {
    return reports.record().map(FirmwareJob::phase);
  }

  boolean busy() {
    return phase().filter(p -> p != Phase.DONE).isPresent();
  }

  boolean installing() {
    return phase().equals(Optional.of(Phase.INSTALLING));
  }

  /** An update afresh, keeping the statuses of the previous one that are not delivered yet. */
  FirmwareJob fresh(String location, Instant retrieveAt, int maxAttempts, long retryIntervalSeconds, Optional<FirmwareJob.Signing> signing) {
    return new FirmwareJob(location, retrieveAt, 0, maxAttempts, retryIntervalSeconds, Phase.SCHEDULED, Optional.empty(), Optional.empty(),
        reports.unreported(), Optional.empty(), signing);
  }

  /** Saves the next step before it is taken, so that a power cut resumes from it. */
  void save(FirmwareJob job) {
    reports.save(job);
  }

  /** Sends what the central system has not heard yet, if it is listening. */
  void report() {
    reports.pump();
  }

  /** Saves {@code next}, holds or frees the connectors for it, and reports its statuses. */
  void advance(FirmwareJob next) {
    reports.save(next);
    applyHold();
    reports.pump();
  }

  /** Reports {@code status} unless it is the latest already (a wait that starts again is no new state). */
  void reportOnce(SignedFirmwareStatus status) {
    if (job().lastReport().filter(last -> last.status() == status).isEmpty()) {
      reports.save(job().reporting(status));
      reports.pump();
    }
  }

  /** A new download or signature check: the token its outcome must still match. */
  long newWork() {
    return ++work;
  }

  /** Whether {@code started} is still the work under way, in {@code phase}: not cancelled, not overtaken. */
  boolean current(long started, Phase phase) {
    return started == work && phase().equals(Optional.of(phase));
  }

  /** Whatever is under way is no longer wanted: its outcome will be ignored, its timer does not fire. */
  void abandon() {
    cancelTimer();
    work++;
  }

  void awaitIdle(boolean waiting) {
    awaitingIdle = waiting;
  }

  boolean awaitingIdle() {
    return awaitingIdle;
  }

  void schedule(Duration wait, Runnable task) {
    cancelTimer();
    timer = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> {
      timer = null;
      task.run();
    });
  }

  boolean waiting() {
    return timer != null;
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** Ends the update with its final status; the image, if any, is no longer needed. */
  void finish(SignedFirmwareStatus status) {
    cancelTimer();
    awaitingIdle = false;
    discardImage();
    advance(job().in(Phase.DONE).reporting(status));
    if (status == SignedFirmwareStatus.INSTALLED) {
      hooks.securityEvent().accept(SecurityEvent.FIRMWARE_UPDATED, "firmware " + runningVersion.orElse("(version unknown)") + " installed");
    }
  }

  void discardImage() {
    job().image().map(transfer::held).ifPresent(HeldFile::discard);
  }

  /**
   * The connectors are unavailable from the moment the image must come in without a transaction running (or
   * from the download on, if downloads may overlap transactions) until the installation is over; while a
   * signed update waits for its install date, they stay free.
   */
  void applyHold() {
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
}
