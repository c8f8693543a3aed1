package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to UnlockConnector. */
public enum UnlockStatus implements OcppEnum {
  UNLOCKED("Unlocked"),
  UNLOCK_FAILED("UnlockFailed"),
  NOT_SUPPORTED("NotSupported");

  private final String ocppValue;

  UnlockStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<UnlockStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UnlockStatus.class, value);
  }
}
