package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System's verdict on a BootNotification: whether the charge point may start operating. */
public enum RegistrationStatus implements OcppEnum {
  /** The charge point is registered and may operate; heartbeats follow the returned interval. */
  ACCEPTED("Accepted"),
  /** Not registered yet: the charge point answers the Central System's requests and boots again after the interval. */
  PENDING("Pending"),
  /** Not registered: the charge point sends nothing but another BootNotification after the interval. */
  REJECTED("Rejected");

  private final String ocppValue;

  RegistrationStatus(String ocppValue) {
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
  public static Optional<RegistrationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(RegistrationStatus.class, value);
  }
}
