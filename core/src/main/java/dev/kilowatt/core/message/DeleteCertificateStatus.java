package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to DeleteCertificate (security extension DeleteCertificateStatusEnumType). */
public enum DeleteCertificateStatus implements OcppEnum {
  /** The certificate is deleted. */
  ACCEPTED("Accepted"),
  /** The certificate is there but could not be deleted. */
  FAILED("Failed"),
  /** No installed certificate has that hash. */
  NOT_FOUND("NotFound");

  private final String ocppValue;

  DeleteCertificateStatus(String ocppValue) {
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
  public static Optional<DeleteCertificateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(DeleteCertificateStatus.class, value);
  }
}
