package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether an idTag may charge, as returned in IdTagInfo by the Central System, local list or cache. */
public enum AuthorizationStatus implements OcppEnum {
  /** The idTag may charge. */
  ACCEPTED("Accepted"),
  /** The idTag is known but barred, e.g. a card reported lost. */
  BLOCKED("Blocked"),
  /** The idTag was valid but its expiry date has passed. */
  EXPIRED("Expired"),
  /** The idTag is unknown or not valid here. */
  INVALID("Invalid"),
  /** The idTag is already charging elsewhere and may not run two transactions at once. */
  CONCURRENT_TX("ConcurrentTx");

  private final String ocppValue;

  AuthorizationStatus(String ocppValue) {
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
  public static Optional<AuthorizationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(AuthorizationStatus.class, value);
  }
}
