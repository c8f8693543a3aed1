package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to SignedUpdateFirmware (security extension UpdateFirmwareStatusEnumType). */
public enum UpdateFirmwareStatus implements OcppEnum {
  /** The firmware update will go ahead. */
  ACCEPTED("Accepted"),
  /** The firmware update will not go ahead. */
  REJECTED("Rejected"),
  /** The update will go ahead, and the update that was going on is cancelled for it. */
  ACCEPTED_CANCELED("AcceptedCanceled"),
  /** The signing certificate is not valid, so the update will not go ahead. */
  INVALID_CERTIFICATE("InvalidCertificate"),
  /** The signing certificate has been revoked, so the update will not go ahead. */
  REVOKED_CERTIFICATE("RevokedCertificate");

  private final String ocppValue;

  UpdateFirmwareStatus(String ocppValue) {
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
  public static Optional<UpdateFirmwareStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UpdateFirmwareStatus.class, value);
  }
}
