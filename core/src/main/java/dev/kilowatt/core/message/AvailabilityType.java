package dev.kilowatt.core.message;

import java.util.Optional;

/** The availability a ChangeAvailability asks a connector or the charge point to take. */
public enum AvailabilityType implements OcppEnum {
  INOPERATIVE("Inoperative"),
  OPERATIVE("Operative");

  private final String ocppValue;

  AvailabilityType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<AvailabilityType> fromOcpp(String value) {
    return OcppEnum.lookup(AvailabilityType.class, value);
  }
}
