package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System's verdict on a BootNotification: whether the charge point may start operating. */
public enum RegistrationStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  PENDING("Pending"),
  REJECTED("Rejected");

  private final String ocppValue;

  RegistrationStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<RegistrationStatus> fromOcpp(String value) {
    return OcppEnum.lookup(RegistrationStatus.class, value);
  }
}
