package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ClearChargingProfile; Unknown means no profile matched. */
public enum ClearChargingProfileStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  UNKNOWN("Unknown");

  private final String ocppValue;

  ClearChargingProfileStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ClearChargingProfileStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ClearChargingProfileStatus.class, value);
  }
}
