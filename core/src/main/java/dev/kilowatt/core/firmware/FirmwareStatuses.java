package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.FirmwareJob.Report;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.FirmwareStatus;
import dev.kilowatt.core.message.FirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationRequest;
import java.util.Optional;

/**
 * What the central system hears of a firmware update: the statuses are kept in the white paper's vocabulary,
 * and each goes out as OCPP 1.6's FirmwareStatusNotification or as the signed update's notification.
 */
final class FirmwareStatuses {

  private FirmwareStatuses() {}

  /** A status of the update, in the notification its kind of update uses. */
  static ChargePointRequest<?> notification(Report report) {
    return report.requestId().<ChargePointRequest<?>>map(id -> new SignedFirmwareStatusNotificationRequest(report.status(), Optional.of(id)))
        .orElseGet(() -> new FirmwareStatusNotificationRequest(FirmwareStatus.fromOcpp(report.status().ocppValue()).orElseThrow()));
  }

  /** TriggerMessage FirmwareStatusNotification: where the update stands now, Idle when nothing is going on. */
  static FirmwareStatusNotificationRequest current(Optional<FirmwareJob> saved) {
    return new FirmwareStatusNotificationRequest(saved.map(job -> switch (job.phase()) {
      case SCHEDULED -> job.attempts() > 0 ? FirmwareStatus.DOWNLOADING : FirmwareStatus.IDLE;
      case DOWNLOADING -> FirmwareStatus.DOWNLOADING;
      case DOWNLOADED, VERIFIED -> FirmwareStatus.DOWNLOADED;
      case INSTALLING, INSTALLED -> FirmwareStatus.INSTALLING;
      case DONE -> FirmwareStatus.IDLE;
    }).orElse(FirmwareStatus.IDLE));
  }

  /**
   * ExtendedTriggerMessage FirmwareStatusNotification: the latest status of the signed update, or Idle when
   * there is none or it ended Installed (L01.FR.28, L01.FR.29).
   */
  static SignedFirmwareStatusNotificationRequest latestSigned(Optional<FirmwareJob> saved) {
    return saved.filter(j -> j.signing().isPresent()).flatMap(FirmwareJob::lastReport)
        .filter(last -> last.status() != SignedFirmwareStatus.INSTALLED)
        .map(last -> new SignedFirmwareStatusNotificationRequest(last.status(), last.requestId()))
        .orElse(new SignedFirmwareStatusNotificationRequest(SignedFirmwareStatus.IDLE, Optional.empty()));
  }
}
