package dev.kilowatt.core.message;

import java.util.Optional;

/** Where on the charge point or EV a SampledValue was measured; an absent location means Outlet. */
public enum Location implements OcppEnum {
  CABLE("Cable"),
  EV("EV"),
  INLET("Inlet"),
  OUTLET("Outlet"),
  BODY("Body");

  private final String ocppValue;

  Location(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<Location> fromOcpp(String value) {
    return OcppEnum.lookup(Location.class, value);
  }
}
