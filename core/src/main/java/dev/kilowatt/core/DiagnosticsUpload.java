package dev.kilowatt.core;

import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * GetDiagnostics (OCPP 1.6 sections 4.4 and 5.9): gather the archive for the asked time window, upload it
 * to the asked location with the asked retries, and report Uploading, then Uploaded or UploadFailed.
 *
 * <p>The upload is saved with the statuses it still has to report, so a power cut never leaves the central
 * system waiting at Uploading: an interrupted upload is tried again, an interrupted collection is reported
 * as failed.
 */
final class DiagnosticsUpload {

  private static final System.Logger LOG = System.getLogger(DiagnosticsUpload.class.getName());
  static final String STORAGE_KEY = "diagnostics-upload";
  /** Used when GetDiagnostics.req leaves {@code retries} to the charge point. */
  static final int DEFAULT_RETRIES = 3;
  /** Used when GetDiagnostics.req leaves {@code retryInterval} to the charge point. */
  static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(60);
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Where the upload stands. */
  enum Phase {
    COLLECTING,
    UPLOADING,
    /** Waiting to try the upload again. */
    RETRY_WAIT,
    /** Over; only statuses not yet delivered remain. */
    DONE
  }

  /**
   * The saved upload.
   *
   * @param location the directory the archive goes to
   * @param attempts upload attempts started so far
   * @param archive the collected archive, from UPLOADING on
   * @param unreported statuses not yet delivered to the central system, oldest first
   */
  record Upload(String location, String fileName, Optional<Instant> from, Optional<Instant> to, int attempts, int maxAttempts,
      long retryIntervalSeconds, Phase phase, Optional<String> archive, List<DiagnosticsStatus> unreported) {

    Upload {
      unreported = List.copyOf(unreported);
    }

    Upload in(Phase next) {
      return new Upload(location, fileName, from, to, attempts, maxAttempts, retryIntervalSeconds, next, archive, unreported);
    }

    Upload reporting(DiagnosticsStatus status) {
      List<DiagnosticsStatus> more = new ArrayList<>(unreported);
      more.add(status);
      return new Upload(location, fileName, from, to, attempts, maxAttempts, retryIntervalSeconds, phase, archive, more);
    }

    Upload withoutOldestReport() {
      return new Upload(location, fileName, from, to, attempts, maxAttempts, retryIntervalSeconds, phase, archive,
          unreported.subList(1, unreported.size()));
    }

    Upload attemptStarted(Path file) {
      return new Upload(location, fileName, from, to, attempts + 1, maxAttempts, retryIntervalSeconds, Phase.UPLOADING,
          Optional.of(file.toString()), unreported);
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final FileTransfer transfer;
  private final DiagnosticsCollector collector;
  private final Supplier<Map<String, String>> configuration;
  private final TrafficLog traffic;
  private final Consumer<Runnable> post;
  private final ProgressReports<DiagnosticsStatus> reports;
  private Upload upload;
  private Scheduler.Timer retryTimer;

  /**
   * @param configuration the configuration with secrets masked
   * @param post runs an adapter's report on the event loop
   */
  DiagnosticsUpload(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, FileTransfer transfer,
      DiagnosticsCollector collector, Supplier<Map<String, String>> configuration, TrafficLog traffic, Consumer<Runnable> post) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
    this.transfer = transfer;
    this.collector = collector;
    this.configuration = configuration;
    this.traffic = traffic;
    this.post = post;
    this.reports = new ProgressReports<>(outbox, counters, () -> upload == null ? List.of() : upload.unreported(),
        DiagnosticsStatusNotificationRequest::new, this::delivered);
  }

  /** After boot: an upload a power cut interrupted is tried again, or reported as failed. */
  void resume() {
    upload = storage.load(STORAGE_KEY, Upload.class).orElse(null);
    if (upload == null) {
      return;
    }
    switch (upload.phase()) {
      case COLLECTING -> {
        LOG.log(Level.WARNING, "collecting diagnostics was interrupted by a power loss");
        finish(DiagnosticsStatus.UPLOAD_FAILED);
      }
      case UPLOADING -> attemptFailed("interrupted by a power loss");
      case RETRY_WAIT -> retryLater();
      case DONE -> {}
    }
  }

  /**
   * GetDiagnostics.req: saves the upload and returns the file name to answer with, or nothing while another
   * upload is under way. {@link #begin()} starts the work once the answer went out.
   */
  Optional<String> accept(GetDiagnosticsRequest request) {
    if (busy()) {
      counters.increment("diagnostics.busy");
      LOG.log(Level.WARNING, "refusing GetDiagnostics: the previous upload is still {0}", upload.phase());
      return Optional.empty();
    }
    String fileName = "diagnostics-" + NAME_TIME.format(clock.get()) + ".zip";
    // retries counts the attempts after the first: with 0 (as TC_044_2 sends) there is one attempt
    int retries = Math.max(0, request.retries().orElse(DEFAULT_RETRIES));
    long interval = Math.max(0, request.retryInterval().map(Integer::longValue).orElse(DEFAULT_RETRY_INTERVAL.toSeconds()));
    List<DiagnosticsStatus> unreported = upload == null ? List.of() : upload.unreported();
    save(new Upload(request.location(), fileName, request.startTime(), request.stopTime(), 0, retries + 1, interval, Phase.COLLECTING,
        Optional.empty(), unreported).reporting(DiagnosticsStatus.UPLOADING));
    return Optional.of(fileName);
  }

  /** Collects the archive of the upload {@link #accept} saved, then uploads it. */
  void begin() {
    reports.pump();
    LOG.log(Level.INFO, "collecting diagnostics {0}", upload.fileName());
    collector.collect(new DiagnosticsCollector.Request(upload.fileName(), upload.from(), upload.to(), configuration.get(),
        traffic.between(upload.from(), upload.to())), new DiagnosticsCollector.Listener() {
          @Override
          public void onCollected(Path archive) {
            post.accept(() -> {
              if (upload != null && upload.phase() == Phase.COLLECTING) {
                save(upload.attemptStarted(archive));
                send();
              }
            });
          }

          @Override
          public void onFailed(String reason) {
            post.accept(() -> {
              if (upload != null && upload.phase() == Phase.COLLECTING) {
                counters.increment("diagnostics.collectionFailed");
                LOG.log(Level.ERROR, "collecting diagnostics failed: {0}", reason);
                finish(DiagnosticsStatus.UPLOAD_FAILED);
              }
            });
          }
        });
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

  private boolean busy() {
    return upload != null && upload.phase() != Phase.DONE;
  }

  private void send() {
    URI location;
    try {
      location = new URI(upload.location());
    } catch (URISyntaxException e) {
      LOG.log(Level.WARNING, "diagnostics location is not a URI: {0}", e.getMessage());
      finish(DiagnosticsStatus.UPLOAD_FAILED);
      return;
    }
    int attempt = upload.attempts();
    Path archive = Path.of(upload.archive().orElseThrow());
    LOG.log(Level.INFO, "uploading {0} to {1} (attempt {2} of {3})", archive.getFileName(), Secrets.masked(upload.location()), attempt,
        upload.maxAttempts());
    transfer.upload(archive, location, new FileTransfer.Listener() {
      @Override
      public void onCompleted(Path file) {
        post.accept(() -> {
          if (uploading(attempt)) {
            LOG.log(Level.INFO, "diagnostics uploaded");
            finish(DiagnosticsStatus.UPLOADED);
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        post.accept(() -> {
          if (uploading(attempt)) {
            attemptFailed(reason);
          }
        });
      }
    });
  }

  private boolean uploading(int attempt) {
    return upload != null && upload.phase() == Phase.UPLOADING && upload.attempts() == attempt;
  }

  private void attemptFailed(String reason) {
    counters.increment("diagnostics.uploadFailed");
    if (upload.attempts() < upload.maxAttempts()) {
      LOG.log(Level.WARNING, "diagnostics upload failed ({0}); trying again in {1} s", reason, upload.retryIntervalSeconds());
      save(upload.in(Phase.RETRY_WAIT));
      retryLater();
    } else {
      LOG.log(Level.ERROR, "diagnostics upload failed ({0}) after {1} attempts; giving up", reason, upload.attempts());
      finish(DiagnosticsStatus.UPLOAD_FAILED);
    }
  }

  private void retryLater() {
    retryTimer = scheduler.schedule(Duration.ofSeconds(upload.retryIntervalSeconds()), () -> {
      retryTimer = null;
      Path archive = Path.of(upload.archive().orElseThrow());
      if (!Files.isRegularFile(archive)) {
        LOG.log(Level.ERROR, "the diagnostics archive {0} is gone", archive);
        finish(DiagnosticsStatus.UPLOAD_FAILED);
        return;
      }
      save(upload.attemptStarted(archive));
      send();
    });
  }

  private void finish(DiagnosticsStatus status) {
    if (retryTimer != null) {
      retryTimer.cancel();
      retryTimer = null;
    }
    upload.archive().ifPresent(DiagnosticsUpload::deleteArchive);
    save(upload.in(Phase.DONE).reporting(status));
    reports.pump();
  }

  private void delivered() {
    Upload rest = upload.withoutOldestReport();
    if (rest.phase() == Phase.DONE && rest.unreported().isEmpty()) {
      storage.delete(STORAGE_KEY);
      upload = null;
    } else {
      save(rest);
    }
  }

  private void save(Upload next) {
    upload = next;
    storage.save(STORAGE_KEY, next);
  }

  private static void deleteArchive(String archive) {
    try {
      Files.deleteIfExists(Path.of(archive));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete the diagnostics archive " + archive, e);
    }
  }
}
