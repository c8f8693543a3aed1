package dev.kilowatt.core.message;

import java.util.Optional;

/** Unit of the limits in a charging schedule: amperes or watts. */
public enum ChargingRateUnitType implements OcppEnum {
  A("A"),
  W("W");

  private final String ocppValue;

  ChargingRateUnitType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ChargingRateUnitType> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingRateUnitType.class, value);
  }
}
