package dev.kilowatt.core.firmware;

import dev.kilowatt.core.message.FirmwareStatus;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.messaging.StatusReportQueue;
import dev.kilowatt.core.port.HeldFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A firmware update (UpdateFirmware or SignedUpdateFirmware) as it is saved, step by step.
 *
 * @param location the URI the image is downloaded from
 * @param notBefore when the next download attempt may start: the retrieve date, or the end of a retry wait
 * @param attempts download attempts started so far
 * @param maxAttempts download attempts allowed in all: the request's retries plus the first
 * @param retryIntervalSeconds seconds to wait after a failed attempt before the next
 * @param phase where the procedure stands
 * @param image the {@link HeldFile#name()} of the downloaded image, from DOWNLOADED on
 * @param versionBefore the firmware version that ran when the installation began
 * @param unreported statuses not yet delivered to the central system, oldest first
 * @param lastReport the latest status of this update, delivered or not
 * @param signing what the SignedUpdateFirmware added; absent for an UpdateFirmware
 */
public record FirmwareJob(String location, Instant notBefore, int attempts, int maxAttempts, long retryIntervalSeconds, Phase phase,
    Optional<String> image, Optional<String> versionBefore, List<Report> unreported, Optional<Report> lastReport,
    Optional<Signing> signing) implements StatusReportQueue.Saved<FirmwareJob, FirmwareJob.Report> {

  /** Where the procedure stands. */
  public enum Phase {
    /** Waiting for {@code notBefore}: the retrieve date, or the next attempt after a failed one. */
    SCHEDULED,
    /** The image is being downloaded. */
    DOWNLOADING,
    /** The image is here: its signature is being checked, or the installation waits for the transactions to end. */
    DOWNLOADED,
    /** The signature is good; the installation waits for the install date and the transactions to end. */
    VERIFIED,
    /** The installer is installing the image. */
    INSTALLING,
    /** Installed; the new firmware runs after the reboot. */
    INSTALLED,
    /** Over; only statuses not yet delivered remain. */
    DONE
  }

  /**
   * A status for the central system.
   *
   * @param status the status to notify; an UpdateFirmware only reports those OCPP 1.6 has
   * @param requestId the SignedUpdateFirmware's; absent for an UpdateFirmware
   */
  public record Report(SignedFirmwareStatus status, Optional<Integer> requestId) {}

  /**
   * What a SignedUpdateFirmware adds to an update.
   *
   * @param requestId the request's id, echoed in each SignedFirmwareStatusNotification
   * @param certificate the PEM signing certificate, which must chain to a manufacturer root
   * @param signature the Base64 signature of the image; absent when the request gave none
   * @param installAt when the image may be installed at the earliest; absent for as soon as it is verified
   */
  public record Signing(int requestId, String certificate, Optional<String> signature, Optional<Instant> installAt) {}

  /** Copies the unreported statuses. */
  public FirmwareJob {
    unreported = List.copyOf(unreported);
  }

  FirmwareJob in(Phase next) {
    return new FirmwareJob(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, next, image, versionBefore, unreported, lastReport,
        signing);
  }

  /** This update with {@code status} to report; an UpdateFirmware skips the statuses OCPP 1.6 has no word for. */
  FirmwareJob reporting(SignedFirmwareStatus status) {
    Optional<Integer> requestId = signing.map(Signing::requestId);
    if (requestId.isEmpty() && FirmwareStatus.fromOcpp(status.ocppValue()).isEmpty()) {
      return this;
    }
    Report report = new Report(status, requestId);
    return new FirmwareJob(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, phase, image, versionBefore, unreported,
        Optional.of(report), signing).withReport(report);
  }

  @Override
  public FirmwareJob withUnreported(List<Report> reports) {
    return new FirmwareJob(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, phase, image, versionBefore, reports, lastReport,
        signing);
  }

  /** A signed update's record outlives its statuses: its last one answers ExtendedTriggerMessage. */
  @Override
  public boolean disposable() {
    return phase == Phase.DONE && signing.isEmpty();
  }

  FirmwareJob attemptStarted() {
    return new FirmwareJob(location, notBefore, attempts + 1, maxAttempts, retryIntervalSeconds, Phase.DOWNLOADING, image, versionBefore,
        unreported, lastReport, signing);
  }

  FirmwareJob retryAt(Instant next) {
    return new FirmwareJob(location, next, attempts, maxAttempts, retryIntervalSeconds, Phase.SCHEDULED, image, versionBefore, unreported,
        lastReport, signing);
  }

  FirmwareJob downloaded(HeldFile file) {
    return new FirmwareJob(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, Phase.DOWNLOADED, Optional.of(file.name()),
        versionBefore, unreported, lastReport, signing);
  }

  FirmwareJob installing(Optional<String> runningVersion) {
    return new FirmwareJob(location, notBefore, attempts, maxAttempts, retryIntervalSeconds, Phase.INSTALLING, image, runningVersion,
        unreported, lastReport, signing);
  }

  Optional<Instant> installAt() {
    return signing.flatMap(Signing::installAt);
  }
}
