package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point's answer to GetLog; AcceptedCanceled means an earlier upload was cancelled (security
 * extension LogStatusEnumType).
 */
public enum LogStatus implements OcppEnum {
  /** The log will be uploaded. */
  ACCEPTED("Accepted"),
  /** The log will not be uploaded. */
  REJECTED("Rejected"),
  /** The log will be uploaded, and the upload that was going on is cancelled for it. */
  ACCEPTED_CANCELED("AcceptedCanceled");

  private final String ocppValue;

  LogStatus(String ocppValue) {
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
  public static Optional<LogStatus> fromOcpp(String value) {
    return OcppEnum.lookup(LogStatus.class, value);
  }
}
