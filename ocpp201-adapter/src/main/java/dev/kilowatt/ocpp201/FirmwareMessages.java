package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * The messages of blocks L (firmware management: UpdateFirmware, FirmwareStatusNotification) and N's log
 * retrieval (GetLog, LogStatusNotification), with the data types and enumerations only they use, named as part 2
 * chapters 1 to 3 name them and read from the OCA's schemas. {@link Action} ties each message to its wire name and
 * direction.
 */
public final class FirmwareMessages {

  private FirmwareMessages() {
  }

  /** The station's answer to an UpdateFirmware. ({@code UpdateFirmwareStatusEnumType}) */
  public enum UpdateFirmwareStatus {
    /** The update will go ahead. */
    Accepted,
    /** The update will not go ahead, e.g. because the station cannot stop the one it is installing. */
    Rejected,
    /** The update will go ahead, and the one under way was cancelled for it. */
    AcceptedCanceled,
    /** The signing certificate is not valid or not issued by a manufacturer root the station trusts. */
    InvalidCertificate,
    /** The signing certificate has been revoked. */
    RevokedCertificate
  }

  /** Where a firmware update stands. ({@code FirmwareStatusEnumType}) */
  public enum FirmwareStatus {
    /** The image is downloaded. */
    Downloaded,
    /** The image could not be downloaded, after every attempt. */
    DownloadFailed,
    /** The image is being downloaded. */
    Downloading,
    /** The download waits, e.g. for the retrieve date. */
    DownloadScheduled,
    /** The download is paused, e.g. for a task that goes first. */
    DownloadPaused,
    /** No update is going on; sent only when a trigger asks. */
    Idle,
    /** The image could not be installed. */
    InstallationFailed,
    /** The image is being installed. */
    Installing,
    /** The new firmware is installed and runs, or is about to. */
    Installed,
    /** The station restarts to install or activate the image. */
    InstallRebooting,
    /** The installation waits for the install date. */
    InstallScheduled,
    /** The installed image failed its check. */
    InstallVerificationFailed,
    /** The image's signature does not match it. */
    InvalidSignature,
    /** The image's signature checked out. */
    SignatureVerified
  }

  /** Which log a GetLog asks for. ({@code LogEnumType}) */
  public enum LogType {
    /** The station's diagnostics, in a format of its maker's. */
    DiagnosticsLog,
    /** The security log, of the security events (A04). */
    SecurityLog
  }

  /** The station's answer to a GetLog. ({@code LogStatusEnumType}) */
  public enum LogStatus {
    /** The log will be uploaded. */
    Accepted,
    /** The log will not be uploaded, e.g. because it is not available. */
    Rejected,
    /** The log will be uploaded, and the upload under way was cancelled for it. */
    AcceptedCanceled
  }

  /** Where a log upload stands. ({@code UploadLogStatusEnumType}) */
  public enum UploadLogStatus {
    /** The server could not be understood, or the transfer protocols do not fit. */
    BadMessage,
    /** No upload is going on; sent only when a trigger asks. */
    Idle,
    /** The server does not do the operation the upload needs. */
    NotSupportedOperation,
    /** The server refused the station's credentials. */
    PermissionDenied,
    /** The log reached the server. */
    Uploaded,
    /** The upload failed, after every attempt. */
    UploadFailure,
    /** The log is being uploaded. */
    Uploading,
    /** The upload was cancelled for a newer GetLog. */
    AcceptedCanceled
  }

  /**
   * L01: where the image is, when to fetch and install it, and how it is signed. ({@code FirmwareType})
   *
   * @param location the URI the image is downloaded from
   * @param retrieveDateTime the moment after which the download may start
   * @param installDateTime the moment after which the installation may start; absent for as soon as it is there
   * @param signingCertificate the PEM certificate the image was signed with
   * @param signature the image's signature, Base64
   */
  public record Firmware(String location, Instant retrieveDateTime, Optional<Instant> installDateTime,
      Optional<String> signingCertificate, Optional<String> signature) {
  }

  /**
   * L01, L02: the CSMS asks the station to update its firmware.
   *
   * @param retries how often a failed download is tried again; absent leaves it to the station
   * @param retryInterval seconds between attempts; absent leaves it to the station
   * @param requestId the id every FirmwareStatusNotification of this update carries
   * @param firmware the image
   */
  public record UpdateFirmwareRequest(Optional<Integer> retries, Optional<Integer> retryInterval, int requestId,
      Firmware firmware) implements Request<UpdateFirmwareResponse> {
  }

  /**
   * L01, L02: whether the update goes ahead.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record UpdateFirmwareResponse(UpdateFirmwareStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * L01, L02: the station reports a step of a firmware update.
   *
   * @param status where the update stands
   * @param requestId the UpdateFirmware's; absent only for a triggered Idle
   */
  public record FirmwareStatusNotificationRequest(FirmwareStatus status, Optional<Integer> requestId)
      implements Request<FirmwareStatusNotificationResponse> {
  }

  /** L01, L02: the CSMS's acknowledgement, which carries nothing. */
  public record FirmwareStatusNotificationResponse() implements Response {
  }

  /**
   * N01: where a log goes and which time it covers. ({@code LogParametersType})
   *
   * @param remoteLocation the URI the log is uploaded to
   * @param oldestTimestamp the oldest moment the log covers; absent for from its start
   * @param latestTimestamp the latest moment the log covers; absent for up to now
   */
  public record LogParameters(String remoteLocation, Optional<Instant> oldestTimestamp,
      Optional<Instant> latestTimestamp) {
  }

  /**
   * N01: the CSMS asks the station to upload a log.
   *
   * @param log where it goes and which time it covers
   * @param logType which log
   * @param requestId the id every LogStatusNotification of this upload carries
   * @param retries how often a failed upload is tried again; absent leaves it to the station
   * @param retryInterval seconds between attempts; absent leaves it to the station
   */
  public record GetLogRequest(LogParameters log, LogType logType, int requestId, Optional<Integer> retries,
      Optional<Integer> retryInterval) implements Request<GetLogResponse> {
  }

  /**
   * N01: whether the log will be uploaded, and under which name.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   * @param filename the name the log is uploaded under
   */
  public record GetLogResponse(LogStatus status, Optional<StatusInfo> statusInfo, Optional<String> filename)
      implements Response {
  }

  /**
   * N01: the station reports a step of a log upload.
   *
   * @param status where the upload stands
   * @param requestId the GetLog's; absent only for a triggered Idle
   */
  public record LogStatusNotificationRequest(UploadLogStatus status, Optional<Integer> requestId)
      implements Request<LogStatusNotificationResponse> {
  }

  /** N01: the CSMS's acknowledgement, which carries nothing. */
  public record LogStatusNotificationResponse() implements Response {
  }
}
