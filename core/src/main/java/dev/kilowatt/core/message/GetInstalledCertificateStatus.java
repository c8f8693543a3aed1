package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point's answer to GetInstalledCertificateIds (security extension
 * GetInstalledCertificateStatusEnumType).
 */
public enum GetInstalledCertificateStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  NOT_FOUND("NotFound");

  private final String ocppValue;

  GetInstalledCertificateStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<GetInstalledCertificateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(GetInstalledCertificateStatus.class, value);
  }
}
