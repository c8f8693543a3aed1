package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Which kind of root certificate an InstallCertificate or GetInstalledCertificateIds is about (security
 * extension CertificateUseEnumType).
 */
public enum CertificateUse implements OcppEnum {
  CENTRAL_SYSTEM_ROOT_CERTIFICATE("CentralSystemRootCertificate"),
  MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate");

  private final String ocppValue;

  CertificateUse(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<CertificateUse> fromOcpp(String value) {
    return OcppEnum.lookup(CertificateUse.class, value);
  }
}
