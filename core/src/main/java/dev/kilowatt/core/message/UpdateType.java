package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether a SendLocalList replaces the local authorization list or patches it. */
public enum UpdateType implements OcppEnum {
  /** Add, change or remove the entries given; keep the others. */
  DIFFERENTIAL("Differential"),
  /** Replace the whole list with the entries given. */
  FULL("Full");

  private final String ocppValue;

  UpdateType(String ocppValue) {
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
  public static Optional<UpdateType> fromOcpp(String value) {
    return OcppEnum.lookup(UpdateType.class, value);
  }
}
