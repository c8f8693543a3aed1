package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ChangeConfiguration. */
public enum ConfigurationStatus implements OcppEnum {
  /** The key has the new value, in effect now. */
  ACCEPTED("Accepted"),
  /** The value is not taken: the key is read-only or the value is not valid for it. */
  REJECTED("Rejected"),
  /** The value is stored but takes effect only after a reboot. */
  REBOOT_REQUIRED("RebootRequired"),
  /** The charge point does not know the key. */
  NOT_SUPPORTED("NotSupported");

  private final String ocppValue;

  ConfigurationStatus(String ocppValue) {
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
  public static Optional<ConfigurationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ConfigurationStatus.class, value);
  }
}
