package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to DeleteCertificate (security extension DeleteCertificateStatusEnumType). */
public enum DeleteCertificateStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  FAILED("Failed"),
  NOT_FOUND("NotFound");

  private final String ocppValue;

  DeleteCertificateStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<DeleteCertificateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(DeleteCertificateStatus.class, value);
  }
}
