package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ChangeConfiguration. */
public enum ConfigurationStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  REBOOT_REQUIRED("RebootRequired"),
  NOT_SUPPORTED("NotSupported");

  private final String ocppValue;

  ConfigurationStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ConfigurationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ConfigurationStatus.class, value);
  }
}
