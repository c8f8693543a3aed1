package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to SendLocalList. */
public enum UpdateStatus implements OcppEnum {
  /** The local list is updated. */
  ACCEPTED("Accepted"),
  /** The local list could not be updated. */
  FAILED("Failed"),
  /** The charge point has no local authorization list. */
  NOT_SUPPORTED("NotSupported"),
  /** A differential update does not follow the version the charge point holds; a full update is needed. */
  VERSION_MISMATCH("VersionMismatch");

  private final String ocppValue;

  UpdateStatus(String ocppValue) {
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
  public static Optional<UpdateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UpdateStatus.class, value);
  }
}
