package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ChangeAvailability; Scheduled means once running transactions have ended. */
public enum AvailabilityStatus implements OcppEnum {
  /** The availability has changed. */
  ACCEPTED("Accepted"),
  /** The availability cannot be changed. */
  REJECTED("Rejected"),
  /** The change waits until the transactions running now have ended. */
  SCHEDULED("Scheduled");

  private final String ocppValue;

  AvailabilityStatus(String ocppValue) {
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
  public static Optional<AvailabilityStatus> fromOcpp(String value) {
    return OcppEnum.lookup(AvailabilityStatus.class, value);
  }
}
