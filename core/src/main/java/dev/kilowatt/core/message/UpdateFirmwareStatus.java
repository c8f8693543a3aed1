package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to SignedUpdateFirmware (security extension UpdateFirmwareStatusEnumType). */
public enum UpdateFirmwareStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  ACCEPTED_CANCELED("AcceptedCanceled"),
  INVALID_CERTIFICATE("InvalidCertificate"),
  REVOKED_CERTIFICATE("RevokedCertificate");

  private final String ocppValue;

  UpdateFirmwareStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<UpdateFirmwareStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UpdateFirmwareStatus.class, value);
  }
}
