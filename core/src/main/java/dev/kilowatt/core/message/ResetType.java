package dev.kilowatt.core.message;

import java.util.Optional;

/** The kind of reboot a Reset asks for: Soft stops transactions gracefully, Hard restarts at once. */
public enum ResetType implements OcppEnum {
  HARD("Hard"),
  SOFT("Soft");

  private final String ocppValue;

  ResetType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ResetType> fromOcpp(String value) {
    return OcppEnum.lookup(ResetType.class, value);
  }
}
