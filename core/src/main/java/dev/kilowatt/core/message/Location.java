package dev.kilowatt.core.message;

import java.util.Optional;

/** Where on the charge point or EV a SampledValue was measured; an absent location means Outlet. */
public enum Location implements OcppEnum {
  /** In the cable between the charge point and the EV. */
  CABLE("Cable"),
  /** Measured by the EV itself. */
  EV("EV"),
  /** At the charge point's connection to the grid. */
  INLET("Inlet"),
  /** At the connector the EV is plugged into. */
  OUTLET("Outlet"),
  /** Inside the charge point's housing, e.g. a temperature. */
  BODY("Body");

  private final String ocppValue;

  Location(String ocppValue) {
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
  public static Optional<Location> fromOcpp(String value) {
    return OcppEnum.lookup(Location.class, value);
  }
}
