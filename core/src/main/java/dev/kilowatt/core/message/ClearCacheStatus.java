package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to ClearCache. */
public enum ClearCacheStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  ClearCacheStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ClearCacheStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ClearCacheStatus.class, value);
  }
}
