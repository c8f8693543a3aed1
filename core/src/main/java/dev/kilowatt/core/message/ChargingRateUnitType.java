package dev.kilowatt.core.message;

import java.util.Optional;

/** Unit of the limits in a charging schedule: amperes or watts. */
public enum ChargingRateUnitType implements OcppEnum {
  /** Amperes per phase. */
  A("A"),
  /** Watts over all phases. */
  W("W");

  private final String ocppValue;

  ChargingRateUnitType(String ocppValue) {
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
  public static Optional<ChargingRateUnitType> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingRateUnitType.class, value);
  }
}
