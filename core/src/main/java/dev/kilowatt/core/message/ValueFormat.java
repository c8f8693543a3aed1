package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether a SampledValue's value is a plain number or a signed data blob. */
public enum ValueFormat implements OcppEnum {
  RAW("Raw"),
  SIGNED_DATA("SignedData");

  private final String ocppValue;

  ValueFormat(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ValueFormat> fromOcpp(String value) {
    return OcppEnum.lookup(ValueFormat.class, value);
  }
}
