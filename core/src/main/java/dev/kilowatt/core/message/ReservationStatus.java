package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ReserveNow. */
public enum ReservationStatus implements OcppEnum {
  /** The connector is reserved for the idTag. */
  ACCEPTED("Accepted"),
  /** The connector is faulted, so it cannot be reserved. */
  FAULTED("Faulted"),
  /** The connector is in use or already reserved. */
  OCCUPIED("Occupied"),
  /** The charge point does not take reservations. */
  REJECTED("Rejected"),
  /** The connector is out of service. */
  UNAVAILABLE("Unavailable");

  private final String ocppValue;

  ReservationStatus(String ocppValue) {
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
  public static Optional<ReservationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ReservationStatus.class, value);
  }
}
