package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether a SendLocalList replaces the local authorization list or patches it. */
public enum UpdateType implements OcppEnum {
  DIFFERENTIAL("Differential"),
  FULL("Full");

  private final String ocppValue;

  UpdateType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<UpdateType> fromOcpp(String value) {
    return OcppEnum.lookup(UpdateType.class, value);
  }
}
