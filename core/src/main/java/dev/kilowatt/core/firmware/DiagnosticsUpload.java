package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.DiagnosticsJob.Phase;
import dev.kilowatt.core.firmware.DiagnosticsJob.Report;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.GetLogResponse;
import dev.kilowatt.core.message.LogStatus;
import dev.kilowatt.core.message.LogStatusNotificationRequest;
import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Decision;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.Retries;
import dev.kilowatt.core.messaging.Secrets;
import dev.kilowatt.core.messaging.StatusReportQueue;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * GetDiagnostics (OCPP 1.6 sections 4.4 and 5.9) and GetLog (security white paper, use case N01): gather the
 * diagnostics archive or the security log for the asked time window, upload it to the asked location with
 * the asked retries, and report Uploading, then Uploaded or the failure.
 *
 * <p>Both share one procedure and one saved record. Statuses are kept in the white paper's vocabulary; a
 * GetDiagnostics upload reports them in DiagnosticsStatusNotification, a GetLog upload in
 * LogStatusNotification with its requestId. A GetLog cancels an upload under way (N01.FR.11); a
 * GetDiagnostics waits for it to end.
 *
 * <p>The upload is saved with the statuses it still has to report, so a power cut never leaves the central
 * system waiting at Uploading: an interrupted upload is tried again, an interrupted collection is reported
 * as failed.
 */
final class DiagnosticsUpload {

  private static final System.Logger LOG = System.getLogger(DiagnosticsUpload.class.getName());
  static final String STORAGE_KEY = "diagnostics-upload";
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final FileTransfer transfer;
  private final DiagnosticsCollector collector;
  private final FirmwareManagement.Sources sources;
  private final Consumer<Runnable> post;
  private final StatusReportQueue<DiagnosticsJob, Report> reports;
  private Scheduler.Timer retryTimer;
  /** Identifies the collection or transfer under way; one that was cancelled no longer matches. */
  private long work;

  /**
   * @param sources what the archive carries besides the board's files
   * @param post runs an adapter's report on the event loop
   */
  DiagnosticsUpload(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, FileTransfer transfer,
      DiagnosticsCollector collector, FirmwareManagement.Sources sources, Consumer<Runnable> post) {
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
    this.transfer = transfer;
    this.collector = collector;
    this.sources = sources;
    this.post = post;
    this.reports = new StatusReportQueue<>(storage, STORAGE_KEY, DiagnosticsJob.class, outbox, counters, DiagnosticsUpload::notification);
  }

  /** After boot: an upload a power cut interrupted is tried again, or reported as failed. */
  void resume() {
    Optional<DiagnosticsJob> saved = reports.load();
    if (saved.isEmpty()) {
      return;
    }
    switch (saved.get().phase()) {
      case COLLECTING -> {
        LOG.log(Level.WARNING, "collecting the {0} was interrupted by a power loss", saved.get().log().ocppValue());
        finish(UploadLogStatus.UPLOAD_FAILURE);
      }
      case UPLOADING -> attemptFailed("interrupted by a power loss");
      case RETRY_WAIT -> retryLater();
      case DONE -> {}
    }
  }

  /** The charge point stops (for a reboot, or in a test's power cut): nothing may fire afterwards. */
  void stop() {
    cancelRetry();
    work++;
  }

  /**
   * GetDiagnostics.req: saves the upload and returns the file name to answer with, or nothing while another
   * upload is under way. {@link #begin()} starts the work once the answer went out.
   */
  Optional<String> accept(GetDiagnosticsRequest request) {
    if (busy()) {
      counters.increment("diagnostics.busy");
      LOG.log(Level.WARNING, "refusing GetDiagnostics: the previous upload is still {0}", upload().phase());
      return Optional.empty();
    }
    return Optional.of(save(LogType.DIAGNOSTICS_LOG, Optional.empty(), request.location(), request.startTime(), request.stopTime(),
        Retries.asked(request.retries(), request.retryInterval())));
  }

  /** GetLog.req: cancels an upload under way (N01.FR.11) and saves this one; the work starts once the answer is out. */
  Decision<GetLogResponse> accept(GetLogRequest request) {
    LogStatus answer = busy() ? LogStatus.ACCEPTED_CANCELED : LogStatus.ACCEPTED;
    if (busy()) {
      counters.increment("diagnostics.uploadCancelled");
      LOG.log(Level.WARNING, "cancelling the upload of {0} for GetLog {1}", upload().fileName(), request.requestId());
      stop();
      discardArchive();
    }
    String fileName = save(request.logType(), Optional.of(request.requestId()), request.log().remoteLocation(),
        request.log().oldestTimestamp(), request.log().latestTimestamp(), Retries.asked(request.retries(), request.retryInterval()));
    return Decision.then(new GetLogResponse(answer, Optional.of(fileName)), this::begin);
  }

  private String save(LogType log, Optional<Integer> requestId, String location, Optional<Instant> from, Optional<Instant> to,
      Retries retries) {
    String fileName = (log == LogType.SECURITY_LOG ? "security-log-" : "diagnostics-") + NAME_TIME.format(clock.get())
        + (log == LogType.SECURITY_LOG ? ".log" : ".zip");
    reports.save(new DiagnosticsJob(log, requestId, location, fileName, from, to, 0, retries.maxAttempts(), retries.intervalSeconds(),
        Phase.COLLECTING, Optional.empty(), reports.unreported()).reporting(UploadLogStatus.UPLOADING));
    return fileName;
  }

  /** Collects the archive or the security log of the upload {@code accept} saved, then uploads it. */
  void begin() {
    reports.pump();
    DiagnosticsJob upload = upload();
    LOG.log(Level.INFO, "collecting {0}", upload.fileName());
    if (upload.log() == LogType.SECURITY_LOG) {
      writeSecurityLog();
      return;
    }
    long collection = ++work;
    collector.collect(new DiagnosticsCollector.Request(upload.fileName(), upload.from(), upload.to(),
        sources.configuration().get(), sources.traffic().between(upload.from(), upload.to()), sources.transactions().get()), new DiagnosticsCollector.Listener() {
          @Override
          public void onCollected(HeldFile archive) {
            post.accept(() -> {
              if (current(collection, Phase.COLLECTING)) {
                collected(archive);
              } else {
                archive.discard();
              }
            });
          }

          @Override
          public void onFailed(String reason) {
            post.accept(() -> {
              if (current(collection, Phase.COLLECTING)) {
                collectionFailed(reason);
              }
            });
          }
        });
  }

  /** The security log is the charge point's own: written here, one event a line, into a file the transfer keeps. */
  private void writeSecurityLog() {
    DiagnosticsJob upload = upload();
    List<String> lines = sources.securityLog().get().stream()
        .filter(e -> upload.from().map(f -> !e.timestamp().isBefore(f)).orElse(true) && upload.to().map(t -> !e.timestamp().isAfter(t)).orElse(true))
        .map(e -> e.timestamp() + " " + e.type() + (e.critical() ? " critical" : "") + e.techInfo().map(info -> " " + info).orElse(""))
        .toList();
    try {
      String text = lines.stream().map(line -> line + "\n").collect(Collectors.joining());
      collected(transfer.keep(upload.fileName(), text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      collectionFailed("the security log could not be written: " + e.getMessage());
    }
  }

  private void collected(HeldFile archive) {
    reports.save(upload().attemptStarted(archive));
    send();
  }

  private void collectionFailed(String reason) {
    counters.increment("diagnostics.collectionFailed");
    LOG.log(Level.ERROR, "collecting {0} failed: {1}", upload().fileName(), reason);
    finish(UploadLogStatus.UPLOAD_FAILURE);
  }

  /** The central system accepted the charge point (again): deliver what it has not heard yet. */
  void online() {
    reports.pump();
  }

  /** TriggerMessage DiagnosticsStatusNotification: Uploading while an upload is under way, else Idle. */
  void sendCurrentStatus() {
    DiagnosticsStatus now = busy() ? DiagnosticsStatus.UPLOADING : DiagnosticsStatus.IDLE;
    outbox.send(new DiagnosticsStatusNotificationRequest(now), Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  /**
   * ExtendedTriggerMessage LogStatusNotification: Uploading with the requestId while a GetLog upload is under
   * way, else Idle without one (N01.FR.12).
   */
  void sendLogStatus() {
    LogStatusNotificationRequest now = reports.record().filter(u -> busy() && u.requestId().isPresent())
        .map(u -> new LogStatusNotificationRequest(UploadLogStatus.UPLOADING, u.requestId()))
        .orElse(new LogStatusNotificationRequest(UploadLogStatus.IDLE, Optional.empty()));
    outbox.send(now, Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  private static ChargePointRequest<?> notification(Report report) {
    return report.requestId().<ChargePointRequest<?>>map(id -> new LogStatusNotificationRequest(report.status(), Optional.of(id)))
        .orElseGet(() -> new DiagnosticsStatusNotificationRequest(switch (report.status()) {
          case UPLOADING -> DiagnosticsStatus.UPLOADING;
          case UPLOADED -> DiagnosticsStatus.UPLOADED;
          case IDLE -> DiagnosticsStatus.IDLE;
          case BAD_MESSAGE, NOT_SUPPORTED_OPERATION, PERMISSION_DENIED, UPLOAD_FAILURE -> DiagnosticsStatus.UPLOAD_FAILED;
        }));
  }

  private boolean busy() {
    return reports.record().filter(u -> u.phase() != Phase.DONE).isPresent();
  }

  private DiagnosticsJob upload() {
    return reports.record().orElseThrow();
  }

  /** Whether {@code started} is still the work under way, in {@code phase}: not cancelled, not overtaken. */
  private boolean current(long started, Phase phase) {
    return started == work && reports.record().filter(u -> u.phase() == phase).isPresent();
  }

  private void send() {
    DiagnosticsJob upload = upload();
    URI location;
    try {
      location = new URI(upload.location());
    } catch (URISyntaxException e) {
      LOG.log(Level.WARNING, "upload location is not a URI: {0}", e.getMessage());
      finish(UploadLogStatus.UPLOAD_FAILURE);
      return;
    }
    long transferred = ++work;
    HeldFile archive = transfer.held(upload.archive().orElseThrow());
    LOG.log(Level.INFO, "uploading {0} to {1} (attempt {2} of {3})", archive.fileName(), Secrets.masked(upload.location()),
        upload.attempts(), upload.maxAttempts());
    transfer.upload(archive, location, new FileTransfer.Listener() {
      @Override
      public void onCompleted(HeldFile file) {
        post.accept(() -> {
          if (current(transferred, Phase.UPLOADING)) {
            LOG.log(Level.INFO, "{0} uploaded", upload().fileName());
            finish(UploadLogStatus.UPLOADED);
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        post.accept(() -> {
          if (current(transferred, Phase.UPLOADING)) {
            attemptFailed(reason);
          }
        });
      }
    });
  }

  private void attemptFailed(String reason) {
    counters.increment("diagnostics.uploadFailed");
    DiagnosticsJob upload = upload();
    if (upload.attempts() < upload.maxAttempts()) {
      LOG.log(Level.WARNING, "upload of {0} failed ({1}); trying again in {2} s", upload.fileName(), reason, upload.retryIntervalSeconds());
      reports.save(upload.in(Phase.RETRY_WAIT));
      retryLater();
    } else {
      LOG.log(Level.ERROR, "upload of {0} failed ({1}) after {2} attempts; giving up", upload.fileName(), reason, upload.attempts());
      finish(UploadLogStatus.UPLOAD_FAILURE);
    }
  }

  private void retryLater() {
    retryTimer = scheduler.schedule(Duration.ofSeconds(upload().retryIntervalSeconds()), () -> {
      retryTimer = null;
      HeldFile archive = transfer.held(upload().archive().orElseThrow());
      if (!archive.exists()) {
        LOG.log(Level.ERROR, "the archive {0} is gone", archive.name());
        finish(UploadLogStatus.UPLOAD_FAILURE);
        return;
      }
      reports.save(upload().attemptStarted(archive));
      send();
    });
  }

  private void finish(UploadLogStatus status) {
    cancelRetry();
    discardArchive();
    reports.save(upload().in(Phase.DONE).reporting(status));
    reports.pump();
  }

  private void cancelRetry() {
    if (retryTimer != null) {
      retryTimer.cancel();
      retryTimer = null;
    }
  }

  /** The archive is no longer needed. */
  private void discardArchive() {
    upload().archive().map(transfer::held).ifPresent(HeldFile::discard);
  }
}
