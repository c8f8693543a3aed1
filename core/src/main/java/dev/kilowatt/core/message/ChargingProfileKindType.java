package dev.kilowatt.core.message;

import java.util.Optional;

/** How a charging profile's schedule is anchored in time: absolute, recurring or relative to the transaction start. */
public enum ChargingProfileKindType implements OcppEnum {
  /** The schedule's periods count from its fixed start time. */
  ABSOLUTE("Absolute"),
  /** The schedule starts over each day or week, counting from its start time. */
  RECURRING("Recurring"),
  /** The schedule's periods count from the start of the transaction. */
  RELATIVE("Relative");

  private final String ocppValue;

  ChargingProfileKindType(String ocppValue) {
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
  public static Optional<ChargingProfileKindType> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingProfileKindType.class, value);
  }
}
