package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ChangeAvailability; Scheduled means once running transactions have ended. */
public enum AvailabilityStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  SCHEDULED("Scheduled");

  private final String ocppValue;

  AvailabilityStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<AvailabilityStatus> fromOcpp(String value) {
    return OcppEnum.lookup(AvailabilityStatus.class, value);
  }
}
