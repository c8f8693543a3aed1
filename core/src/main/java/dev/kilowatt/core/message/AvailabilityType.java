package dev.kilowatt.core.message;

import java.util.Optional;

/** The availability a ChangeAvailability asks a connector or the charge point to take. */
public enum AvailabilityType implements OcppEnum {
  /** Out of service: no new charging; the status becomes Unavailable. */
  INOPERATIVE("Inoperative"),
  /** In service: the connector may be used to charge again. */
  OPERATIVE("Operative");

  private final String ocppValue;

  AvailabilityType(String ocppValue) {
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
  public static Optional<AvailabilityType> fromOcpp(String value) {
    return OcppEnum.lookup(AvailabilityType.class, value);
  }
}
