package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationResponse;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.FirmwareMessages.FirmwareStatus;
import dev.kilowatt.ocpp201.FirmwareMessages.FirmwareStatusNotificationRequest;
import dev.kilowatt.ocpp201.FirmwareMessages.GetLogRequest;
import dev.kilowatt.ocpp201.FirmwareMessages.GetLogResponse;
import dev.kilowatt.ocpp201.FirmwareMessages.LogStatus;
import dev.kilowatt.ocpp201.FirmwareMessages.LogStatusNotificationRequest;
import dev.kilowatt.ocpp201.FirmwareMessages.LogStatusNotificationResponse;
import dev.kilowatt.ocpp201.FirmwareMessages.UpdateFirmwareRequest;
import dev.kilowatt.ocpp201.FirmwareMessages.UpdateFirmwareResponse;
import dev.kilowatt.ocpp201.FirmwareMessages.UpdateFirmwareStatus;
import dev.kilowatt.ocpp201.FirmwareMessages.UploadLogStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks L and N's log retrieval onto the core's firmware block, whose signed update and GetLog are the 1.6
 * security extension's: the same fields, the same statuses, the same requestId. 2.0.1 only renames the signed
 * messages, and so each goes across by name.
 *
 * <table>
 *   <caption>what each call becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 security extension)</th></tr>
 *   <tr><td>UpdateFirmware</td><td>SignedUpdateFirmware with the same fields; the core checks the signing
 *       certificate before it answers (L01.FR.21, FR.22: InvalidCertificate, and the security event
 *       InvalidFirmwareSigningCertificate, FR.02), cancels an update it has not begun to install (FR.24:
 *       AcceptedCanceled) and refuses while it installs (FR.27: Rejected). An update without a signing
 *       certificate (L02's unsecured update) is InvalidCertificate too: over 2.0.1 the core installs signed
 *       images only, for its unsigned update is 1.6's UpdateFirmware, whose statuses carry no requestId
 *       (L02.FR.06)</td></tr>
 *   <tr><td>GetLog</td><td>GetLog with the same fields; filename and status back as the core gives them, a
 *       GetLog during an upload cancelling it (N01.FR.12: AcceptedCanceled). Then the station tells of the
 *       cancelled upload, which the core ends without a word (the security extension has no such status):
 *       LogStatusNotification AcceptedCanceled with its requestId (N01.FR.20), before the new upload's
 *       Uploading</td></tr>
 *   <tr><td>TriggerMessage FirmwareStatusNotification, LogStatusNotification</td><td>ExtendedTriggerMessage of
 *       the same: the core repeats the last status of its signed update with its requestId, Idle without one when
 *       there is none or it ended Installed (L01.FR.25, FR.26); Uploading with the requestId while it uploads a
 *       log, else Idle without one (N01.FR.13)</td></tr>
 *   <tr><td>FirmwareStatusNotification, LogStatusNotification (the station's)</td><td>the core's
 *       SignedFirmwareStatusNotification and LogStatusNotification, status and requestId as they are (L01.FR.01,
 *       FR.10; N01.FR.07 to FR.10)</td></tr>
 * </table>
 *
 * <p>Which upload was cancelled is known here from the statuses the CSMS heard: the requestId of the last
 * Uploading, until a status that ends it. It is kept in memory, as the adapter keeps what costs one message if a
 * restart loses it: a GetLog cancelling an upload the core resumed after a restart tells nothing of the old one.
 */
final class FirmwareCalls {

  private static final Logger LOG = LoggerFactory.getLogger(FirmwareCalls.class);

  private final Function<LogStatusNotificationRequest, CompletableFuture<LogStatusNotificationResponse>> station;
  /** The GetLog whose upload the CSMS last heard Uploading of, until it heard another status. */
  private final AtomicReference<Optional<Integer>> uploading = new AtomicReference<>(Optional.empty());

  /** {@code station} sends a call of the station's to the CSMS and completes on the event loop. */
  FirmwareCalls(Function<LogStatusNotificationRequest, CompletableFuture<LogStatusNotificationResponse>> station) {
    this.station = station;
  }

  /** The route for the CSMS's {@code request}, or empty for a call of another block. */
  Optional<Route> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case UpdateFirmwareRequest update -> new Route.Now(Exchange.one(signedUpdate(update),
          (SignedUpdateFirmwareResponse answer) -> new UpdateFirmwareResponse(status(answer.status()), Optional.empty())));
      case GetLogRequest get -> new Route.Now(getLog(get));
      default -> null;
    });
  }

  /** The core's reports of its signed update and its log uploads as 2.0.1's; empty for any other call of the core. */
  Optional<Outbound> translate(ChargePointRequest<?> request) {
    return Optional.ofNullable(switch (request) {
      case dev.kilowatt.core.message.SignedFirmwareStatusNotificationRequest report -> status(report);
      case dev.kilowatt.core.message.LogStatusNotificationRequest report -> status(report);
      default -> null;
    });
  }

  private Exchange getLog(GetLogRequest get) {
    AtomicReference<Optional<Integer>> cancelled = new AtomicReference<>(Optional.empty());
    return new Exchange(List.of(coreGetLog(get)), answers -> {
      dev.kilowatt.core.message.GetLogResponse answer = (dev.kilowatt.core.message.GetLogResponse) answers.getFirst();
      if (answer.status() == dev.kilowatt.core.message.LogStatus.ACCEPTED_CANCELED) {
        cancelled.set(uploading.getAndSet(Optional.empty()));
      }
      return new GetLogResponse(status(answer.status()), Optional.empty(), answer.filename());
    }, () -> cancelled.get().ifPresent(this::cancelled)).whenRefused(FirmwareCalls::withoutLogs);
  }

  /**
   * N01.FR.05: a GetLog the station cannot serve is Rejected. A core without a diagnostics collector has no GetLog
   * and answers CALLERROR NotImplemented, as 1.6 has it; any other error passes on.
   */
  private static Optional<Messages.Response> withoutLogs(CallError error) {
    return error.code() == CallError.Code.NOT_IMPLEMENTED
        ? Optional.of(new GetLogResponse(LogStatus.Rejected,
            Optional.of(new Types.StatusInfo("NoLogs", Optional.of("the station has no logs to upload"))), Optional.empty()))
        : Optional.empty();
  }

  private void cancelled(int requestId) {
    station.apply(new LogStatusNotificationRequest(UploadLogStatus.AcceptedCanceled, Optional.of(requestId)))
        .whenComplete((answer, failure) -> {
          if (failure != null) {
            LOG.info("the CSMS did not hear that the upload of GetLog {} was cancelled: {}", requestId, failure.getMessage());
          }
        });
  }

  /**
   * The exchange of a TriggerMessage of {@code requested}, for the two messages of these blocks; empty for any
   * other message.
   */
  static Optional<Exchange> trigger(Enums.MessageTrigger requested) {
    ExtendedMessageTrigger extended = switch (requested) {
      case FirmwareStatusNotification -> ExtendedMessageTrigger.FIRMWARE_STATUS_NOTIFICATION;
      case LogStatusNotification -> ExtendedMessageTrigger.LOG_STATUS_NOTIFICATION;
      default -> null;
    };
    return Optional.ofNullable(extended).map(message -> Exchange.one(new ExtendedTriggerMessageRequest(message, Optional.empty()),
        (ExtendedTriggerMessageResponse answer) -> new Messages.TriggerMessageResponse(
            Enums.TriggerMessageStatus.valueOf(answer.status().ocppValue()), Optional.empty())));
  }

  /** The core's report of its signed update as the FirmwareStatusNotification of the UpdateFirmware. */
  private static Outbound status(dev.kilowatt.core.message.SignedFirmwareStatusNotificationRequest report) {
    return new Outbound.Send<>(new FirmwareStatusNotificationRequest(status(report.status()), report.requestId()),
        answer -> new SignedFirmwareStatusNotificationResponse());
  }

  /** The core's report of a GetLog upload as the LogStatusNotification of the GetLog. */
  private Outbound status(dev.kilowatt.core.message.LogStatusNotificationRequest report) {
    uploading.set(report.status() == dev.kilowatt.core.message.UploadLogStatus.UPLOADING ? report.requestId() : Optional.empty());
    return new Outbound.Send<>(new LogStatusNotificationRequest(status(report.status()), report.requestId()),
        answer -> new dev.kilowatt.core.message.LogStatusNotificationResponse());
  }

  static SignedUpdateFirmwareRequest signedUpdate(UpdateFirmwareRequest update) {
    FirmwareMessages.Firmware firmware = update.firmware();
    return new SignedUpdateFirmwareRequest(update.retries(), update.retryInterval(), update.requestId(),
        new dev.kilowatt.core.message.Firmware(firmware.location(), firmware.retrieveDateTime(),
            firmware.installDateTime(), firmware.signingCertificate(), firmware.signature()));
  }

  static dev.kilowatt.core.message.GetLogRequest coreGetLog(GetLogRequest get) {
    return new dev.kilowatt.core.message.GetLogRequest(
        get.logType() == FirmwareMessages.LogType.SecurityLog
            ? dev.kilowatt.core.message.LogType.SECURITY_LOG : dev.kilowatt.core.message.LogType.DIAGNOSTICS_LOG,
        get.requestId(), get.retries(), get.retryInterval(),
        new dev.kilowatt.core.message.LogParameters(get.log().remoteLocation(), get.log().oldestTimestamp(),
            get.log().latestTimestamp()));
  }

  // The four enumerations below are the security extension's, whose values 2.0.1 took over by name.

  static UpdateFirmwareStatus status(dev.kilowatt.core.message.UpdateFirmwareStatus status) {
    return UpdateFirmwareStatus.valueOf(status.ocppValue());
  }

  static LogStatus status(dev.kilowatt.core.message.LogStatus status) {
    return LogStatus.valueOf(status.ocppValue());
  }

  static FirmwareStatus status(dev.kilowatt.core.message.SignedFirmwareStatus status) {
    return FirmwareStatus.valueOf(status.ocppValue());
  }

  static UploadLogStatus status(dev.kilowatt.core.message.UploadLogStatus status) {
    return UploadLogStatus.valueOf(status.ocppValue());
  }
}
