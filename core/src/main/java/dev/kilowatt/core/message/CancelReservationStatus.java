package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to CancelReservation. */
public enum CancelReservationStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  CancelReservationStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<CancelReservationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(CancelReservationStatus.class, value);
  }
}
