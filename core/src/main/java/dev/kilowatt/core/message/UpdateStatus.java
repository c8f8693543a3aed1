package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to SendLocalList. */
public enum UpdateStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  FAILED("Failed"),
  NOT_SUPPORTED("NotSupported"),
  VERSION_MISMATCH("VersionMismatch");

  private final String ocppValue;

  UpdateStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<UpdateStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UpdateStatus.class, value);
  }
}
