package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Which kind of root certificate an InstallCertificate or GetInstalledCertificateIds is about (security
 * extension CertificateUseEnumType).
 */
public enum CertificateUse implements OcppEnum {
  /** A root that the Central System's TLS server certificate must chain to. */
  CENTRAL_SYSTEM_ROOT_CERTIFICATE("CentralSystemRootCertificate"),
  /** A root that signed firmware's signing certificate must chain to. */
  MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate");

  private final String ocppValue;

  CertificateUse(String ocppValue) {
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
  public static Optional<CertificateUse> fromOcpp(String value) {
    return OcppEnum.lookup(CertificateUse.class, value);
  }
}
