package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to InstallCertificate (security extension CertificateStatusEnumType). */
public enum CertificateStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  FAILED("Failed");

  private final String ocppValue;

  CertificateStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<CertificateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(CertificateStatus.class, value);
  }
}
