package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to UnlockConnector. */
public enum UnlockStatus implements OcppEnum {
  /** The connector is unlocked. */
  UNLOCKED("Unlocked"),
  /** The connector could not be unlocked. */
  UNLOCK_FAILED("UnlockFailed"),
  /** The connector has no lock, e.g. a fixed cable. */
  NOT_SUPPORTED("NotSupported");

  private final String ocppValue;

  UnlockStatus(String ocppValue) {
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
  public static Optional<UnlockStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UnlockStatus.class, value);
  }
}
