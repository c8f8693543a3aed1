package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to InstallCertificate (security extension CertificateStatusEnumType). */
public enum CertificateStatus implements OcppEnum {
  /** The root certificate is installed. */
  ACCEPTED("Accepted"),
  /** The certificate is not valid or not accepted. */
  REJECTED("Rejected"),
  /** The certificate is valid but could not be stored. */
  FAILED("Failed");

  private final String ocppValue;

  CertificateStatus(String ocppValue) {
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
  public static Optional<CertificateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(CertificateStatus.class, value);
  }
}
