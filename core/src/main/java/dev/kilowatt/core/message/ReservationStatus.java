package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ReserveNow. */
public enum ReservationStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  FAULTED("Faulted"),
  OCCUPIED("Occupied"),
  REJECTED("Rejected"),
  UNAVAILABLE("Unavailable");

  private final String ocppValue;

  ReservationStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ReservationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ReservationStatus.class, value);
  }
}
