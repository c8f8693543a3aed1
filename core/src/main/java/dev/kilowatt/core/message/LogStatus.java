package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point's answer to GetLog; AcceptedCanceled means an earlier upload was cancelled (security
 * extension LogStatusEnumType).
 */
public enum LogStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  ACCEPTED_CANCELED("AcceptedCanceled");

  private final String ocppValue;

  LogStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<LogStatus> fromOcpp(String value) {
    return OcppEnum.lookup(LogStatus.class, value);
  }
}
