package dev.kilowatt.core.message;

import java.util.Optional;

/** The period after which a Recurring charging profile starts over. */
public enum RecurrencyKindType implements OcppEnum {
  DAILY("Daily"),
  WEEKLY("Weekly");

  private final String ocppValue;

  RecurrencyKindType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<RecurrencyKindType> fromOcpp(String value) {
    return OcppEnum.lookup(RecurrencyKindType.class, value);
  }
}
