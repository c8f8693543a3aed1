package dev.kilowatt.core.message;

import java.util.Optional;

/** The kind of reboot a Reset asks for: Soft stops transactions gracefully, Hard restarts at once. */
public enum ResetType implements OcppEnum {
  /** Reboot at once, even if transactions cannot be stopped cleanly. */
  HARD("Hard"),
  /** Stop running transactions cleanly, then restart the software. */
  SOFT("Soft");

  private final String ocppValue;

  ResetType(String ocppValue) {
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
  public static Optional<ResetType> fromOcpp(String value) {
    return OcppEnum.lookup(ResetType.class, value);
  }
}
