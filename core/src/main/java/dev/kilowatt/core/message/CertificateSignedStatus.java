package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to CertificateSigned (security extension CertificateSignedStatusEnumType). */
public enum CertificateSignedStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  CertificateSignedStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<CertificateSignedStatus> fromOcpp(String value) {
    return OcppEnum.lookup(CertificateSignedStatus.class, value);
  }
}
