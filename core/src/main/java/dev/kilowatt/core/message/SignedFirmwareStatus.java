package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Progress of a SignedUpdateFirmware, reported in SignedFirmwareStatusNotification (security extension
 * FirmwareStatusEnumType).
 */
public enum SignedFirmwareStatus implements OcppEnum {
  DOWNLOADED("Downloaded"),
  DOWNLOAD_FAILED("DownloadFailed"),
  DOWNLOADING("Downloading"),
  DOWNLOAD_SCHEDULED("DownloadScheduled"),
  DOWNLOAD_PAUSED("DownloadPaused"),
  IDLE("Idle"),
  INSTALLATION_FAILED("InstallationFailed"),
  INSTALLING("Installing"),
  INSTALLED("Installed"),
  INSTALL_REBOOTING("InstallRebooting"),
  INSTALL_SCHEDULED("InstallScheduled"),
  INSTALL_VERIFICATION_FAILED("InstallVerificationFailed"),
  INVALID_SIGNATURE("InvalidSignature"),
  SIGNATURE_VERIFIED("SignatureVerified");

  private final String ocppValue;

  SignedFirmwareStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<SignedFirmwareStatus> fromOcpp(String value) {
    return OcppEnum.lookup(SignedFirmwareStatus.class, value);
  }
}
