package dev.kilowatt.core.message;

import java.util.Optional;

/** How a charging profile's schedule is anchored in time: absolute, recurring or relative to the transaction start. */
public enum ChargingProfileKindType implements OcppEnum {
  ABSOLUTE("Absolute"),
  RECURRING("Recurring"),
  RELATIVE("Relative");

  private final String ocppValue;

  ChargingProfileKindType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ChargingProfileKindType> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingProfileKindType.class, value);
  }
}
