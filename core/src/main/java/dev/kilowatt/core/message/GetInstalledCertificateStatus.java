package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point's answer to GetInstalledCertificateIds (security extension
 * GetInstalledCertificateStatusEnumType).
 */
public enum GetInstalledCertificateStatus implements OcppEnum {
  /** The response lists the installed certificates of that kind. */
  ACCEPTED("Accepted"),
  /** No certificate of that kind is installed. */
  NOT_FOUND("NotFound");

  private final String ocppValue;

  GetInstalledCertificateStatus(String ocppValue) {
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
  public static Optional<GetInstalledCertificateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(GetInstalledCertificateStatus.class, value);
  }
}
