package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to Reset. */
public enum ResetStatus implements OcppEnum {
  /** The charge point will reboot. */
  ACCEPTED("Accepted"),
  /** The charge point will not reboot. */
  REJECTED("Rejected");

  private final String ocppValue;

  ResetStatus(String ocppValue) {
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
  public static Optional<ResetStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ResetStatus.class, value);
  }
}
