package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether an idTag may charge, as returned in IdTagInfo by the Central System, local list or cache. */
public enum AuthorizationStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  BLOCKED("Blocked"),
  EXPIRED("Expired"),
  INVALID("Invalid"),
  CONCURRENT_TX("ConcurrentTx");

  private final String ocppValue;

  AuthorizationStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<AuthorizationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(AuthorizationStatus.class, value);
  }
}
