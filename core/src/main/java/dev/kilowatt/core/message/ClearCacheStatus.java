package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ClearCache. */
public enum ClearCacheStatus implements OcppEnum {
  /** The authorization cache is empty now. */
  ACCEPTED("Accepted"),
  /** The cache was not cleared, e.g. there is none. */
  REJECTED("Rejected");

  private final String ocppValue;

  ClearCacheStatus(String ocppValue) {
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
  public static Optional<ClearCacheStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ClearCacheStatus.class, value);
  }
}
