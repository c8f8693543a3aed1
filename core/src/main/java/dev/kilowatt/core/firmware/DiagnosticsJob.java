package dev.kilowatt.core.firmware;

import dev.kilowatt.core.message.LogType;
import dev.kilowatt.core.message.UploadLogStatus;
import dev.kilowatt.core.messaging.StatusReportQueue;
import dev.kilowatt.core.port.HeldFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A diagnostics or log upload (GetDiagnostics or GetLog) as it is saved, step by step.
 *
 * @param log which log is asked for: the diagnostics (always for a GetDiagnostics) or the security log
 * @param requestId the GetLog's; absent for a GetDiagnostics
 * @param location the directory the archive goes to
 * @param fileName the name the archive is uploaded under, as answered to the central system
 * @param from the start of the period the archive covers; absent for no lower bound
 * @param to the end of the period the archive covers; absent for no upper bound
 * @param attempts upload attempts started so far
 * @param maxAttempts upload attempts allowed in all: the request's retries plus the first
 * @param retryIntervalSeconds seconds to wait after a failed attempt before the next
 * @param phase where the upload stands
 * @param archive the {@link HeldFile#name()} of the collected archive, from UPLOADING on
 * @param unreported statuses not yet delivered to the central system, oldest first
 */
public record DiagnosticsJob(LogType log, Optional<Integer> requestId, String location, String fileName, Optional<Instant> from, Optional<Instant> to,
    int attempts, int maxAttempts, long retryIntervalSeconds, Phase phase, Optional<String> archive, List<Report> unreported)
    implements StatusReportQueue.Saved<DiagnosticsJob, DiagnosticsJob.Report> {

  /** Where the upload stands. */
  public enum Phase {
    /** The collector is gathering the archive. */
    COLLECTING,
    /** The archive is being uploaded. */
    UPLOADING,
    /** Waiting to try the upload again. */
    RETRY_WAIT,
    /** Over; only statuses not yet delivered remain. */
    DONE
  }

  /**
   * A status for the central system.
   *
   * @param status the upload status to notify
   * @param requestId the GetLog's; absent for a GetDiagnostics
   */
  public record Report(UploadLogStatus status, Optional<Integer> requestId) {}

  /** Copies the unreported statuses. */
  public DiagnosticsJob {
    unreported = List.copyOf(unreported);
  }

  DiagnosticsJob in(Phase next) {
    return new DiagnosticsJob(log, requestId, location, fileName, from, to, attempts, maxAttempts, retryIntervalSeconds, next, archive,
        unreported);
  }

  DiagnosticsJob reporting(UploadLogStatus status) {
    return withReport(new Report(status, requestId));
  }

  @Override
  public DiagnosticsJob withUnreported(List<Report> reports) {
    return new DiagnosticsJob(log, requestId, location, fileName, from, to, attempts, maxAttempts, retryIntervalSeconds, phase, archive, reports);
  }

  @Override
  public boolean disposable() {
    return phase == Phase.DONE;
  }

  DiagnosticsJob attemptStarted(HeldFile file) {
    return new DiagnosticsJob(log, requestId, location, fileName, from, to, attempts + 1, maxAttempts, retryIntervalSeconds, Phase.UPLOADING,
        Optional.of(file.name()), unreported);
  }
}
