package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to CertificateSigned (security extension CertificateSignedStatusEnumType). */
public enum CertificateSignedStatus implements OcppEnum {
  /** The signed certificate is valid and now used. */
  ACCEPTED("Accepted"),
  /** The signed certificate is not valid for this charge point's key, so it is not used. */
  REJECTED("Rejected");

  private final String ocppValue;

  CertificateSignedStatus(String ocppValue) {
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
  public static Optional<CertificateSignedStatus> fromOcpp(String value) {
    return OcppEnum.lookup(CertificateSignedStatus.class, value);
  }
}
