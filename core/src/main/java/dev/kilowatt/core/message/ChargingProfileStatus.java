package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to SetChargingProfile. */
public enum ChargingProfileStatus implements OcppEnum {
  /** The profile is installed and applies. */
  ACCEPTED("Accepted"),
  /** The profile is not installed, e.g. it names a transaction that is not running. */
  REJECTED("Rejected"),
  /** The charge point does not support smart charging or this kind of profile. */
  NOT_SUPPORTED("NotSupported");

  private final String ocppValue;

  ChargingProfileStatus(String ocppValue) {
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
  public static Optional<ChargingProfileStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingProfileStatus.class, value);
  }
}
