package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether a SampledValue's value is a plain number or a signed data blob. */
public enum ValueFormat implements OcppEnum {
  /** A plain number. */
  RAW("Raw"),
  /** A block of data signed by the meter, hex encoded, for readings that must be verifiable. */
  SIGNED_DATA("SignedData");

  private final String ocppValue;

  ValueFormat(String ocppValue) {
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
  public static Optional<ValueFormat> fromOcpp(String value) {
    return OcppEnum.lookup(ValueFormat.class, value);
  }
}
