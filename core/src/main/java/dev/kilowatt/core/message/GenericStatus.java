package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System's answer to SignCertificate (security extension GenericStatusEnumType). */
public enum GenericStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  GenericStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<GenericStatus> fromOcpp(String value) {
    return OcppEnum.lookup(GenericStatus.class, value);
  }
}
