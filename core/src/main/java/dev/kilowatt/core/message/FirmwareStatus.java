package dev.kilowatt.core.message;

import java.util.Optional;

/** Progress of an UpdateFirmware download and installation, reported in FirmwareStatusNotification. */
public enum FirmwareStatus implements OcppEnum {
  DOWNLOADED("Downloaded"),
  DOWNLOAD_FAILED("DownloadFailed"),
  DOWNLOADING("Downloading"),
  IDLE("Idle"),
  INSTALLATION_FAILED("InstallationFailed"),
  INSTALLING("Installing"),
  INSTALLED("Installed");

  private final String ocppValue;

  FirmwareStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<FirmwareStatus> fromOcpp(String value) {
    return OcppEnum.lookup(FirmwareStatus.class, value);
  }
}
