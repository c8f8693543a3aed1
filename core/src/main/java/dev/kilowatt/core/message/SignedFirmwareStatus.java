package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Progress of a SignedUpdateFirmware, reported in SignedFirmwareStatusNotification (security extension
 * FirmwareStatusEnumType).
 */
public enum SignedFirmwareStatus implements OcppEnum {
  /** The firmware has been downloaded. */
  DOWNLOADED("Downloaded"),
  /** The firmware could not be downloaded. */
  DOWNLOAD_FAILED("DownloadFailed"),
  /** The firmware is being downloaded. */
  DOWNLOADING("Downloading"),
  /** The download waits for its retrieve date. */
  DOWNLOAD_SCHEDULED("DownloadScheduled"),
  /** The download is paused, e.g. while a transaction runs. */
  DOWNLOAD_PAUSED("DownloadPaused"),
  /** No firmware update is going on; only sent when a trigger asks. */
  IDLE("Idle"),
  /** The firmware could not be installed. */
  INSTALLATION_FAILED("InstallationFailed"),
  /** The firmware is being installed. */
  INSTALLING("Installing"),
  /** The new firmware is installed. */
  INSTALLED("Installed"),
  /** The charge point is about to reboot to activate the new firmware. */
  INSTALL_REBOOTING("InstallRebooting"),
  /** The installation waits for its install date. */
  INSTALL_SCHEDULED("InstallScheduled"),
  /** The downloaded firmware failed its check, so it is not installed. */
  INSTALL_VERIFICATION_FAILED("InstallVerificationFailed"),
  /** The firmware's signature is not valid, so it is not installed. */
  INVALID_SIGNATURE("InvalidSignature"),
  /** The firmware's signature checked out. */
  SIGNATURE_VERIFIED("SignatureVerified");

  private final String ocppValue;

  SignedFirmwareStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /**
   * The constant whose wire value is exactly {@code value}, if any.
   *
   * @param value the string as written in OCPP JSON; the match is case-sensitive
   * @return the constant, or empty when the string is none of this enumeration's values
   */
  public static Optional<SignedFirmwareStatus> fromOcpp(String value) {
    return OcppEnum.lookup(SignedFirmwareStatus.class, value);
  }
}
