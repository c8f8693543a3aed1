package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to CancelReservation. */
public enum CancelReservationStatus implements OcppEnum {
  /** The reservation is cancelled. */
  ACCEPTED("Accepted"),
  /** No reservation with that id exists. */
  REJECTED("Rejected");

  private final String ocppValue;

  CancelReservationStatus(String ocppValue) {
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
  public static Optional<CancelReservationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(CancelReservationStatus.class, value);
  }
}
