package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to SetChargingProfile. */
public enum ChargingProfileStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  NOT_SUPPORTED("NotSupported");

  private final String ocppValue;

  ChargingProfileStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ChargingProfileStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingProfileStatus.class, value);
  }
}
