package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ClearChargingProfile; Unknown means no profile matched. */
public enum ClearChargingProfileStatus implements OcppEnum {
  /** The matching profiles are removed. */
  ACCEPTED("Accepted"),
  /** No installed profile matched, so nothing was removed. */
  UNKNOWN("Unknown");

  private final String ocppValue;

  ClearChargingProfileStatus(String ocppValue) {
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
  public static Optional<ClearChargingProfileStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ClearChargingProfileStatus.class, value);
  }
}
