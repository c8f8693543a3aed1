package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System's answer to SignCertificate (security extension GenericStatusEnumType). */
public enum GenericStatus implements OcppEnum {
  /** The Central System will have the request signed and answer with CertificateSigned. */
  ACCEPTED("Accepted"),
  /** The Central System will not have the request signed. */
  REJECTED("Rejected");

  private final String ocppValue;

  GenericStatus(String ocppValue) {
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
  public static Optional<GenericStatus> fromOcpp(String value) {
    return OcppEnum.lookup(GenericStatus.class, value);
  }
}
