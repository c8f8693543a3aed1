package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to Reset. */
public enum ResetStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  ResetStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ResetStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ResetStatus.class, value);
  }
}
