package dev.kilowatt.core.message;

import java.util.Optional;

/** Progress of an UpdateFirmware download and installation, reported in FirmwareStatusNotification. */
public enum FirmwareStatus implements OcppEnum {
  /** The new firmware has been downloaded. */
  DOWNLOADED("Downloaded"),
  /** The firmware could not be downloaded. */
  DOWNLOAD_FAILED("DownloadFailed"),
  /** The firmware is being downloaded. */
  DOWNLOADING("Downloading"),
  /** No firmware update is going on; only sent when a TriggerMessage asks. */
  IDLE("Idle"),
  /** The firmware could not be installed. */
  INSTALLATION_FAILED("InstallationFailed"),
  /** The firmware is being installed. */
  INSTALLING("Installing"),
  /** The new firmware is installed. */
  INSTALLED("Installed");

  private final String ocppValue;

  FirmwareStatus(String ocppValue) {
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
  public static Optional<FirmwareStatus> fromOcpp(String value) {
    return OcppEnum.lookup(FirmwareStatus.class, value);
  }
}
