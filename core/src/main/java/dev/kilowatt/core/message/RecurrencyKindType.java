package dev.kilowatt.core.message;

import java.util.Optional;

/** The period after which a Recurring charging profile starts over. */
public enum RecurrencyKindType implements OcppEnum {
  /** Starts over every 24 hours. */
  DAILY("Daily"),
  /** Starts over every 7 days. */
  WEEKLY("Weekly");

  private final String ocppValue;

  RecurrencyKindType(String ocppValue) {
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
  public static Optional<RecurrencyKindType> fromOcpp(String value) {
    return OcppEnum.lookup(RecurrencyKindType.class, value);
  }
}
