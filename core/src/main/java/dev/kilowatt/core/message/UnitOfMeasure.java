package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Unit of a SampledValue (absent means Wh); both the schema's historic "Celcius" and the corrected "Celsius" are
 * accepted.
 */
public enum UnitOfMeasure implements OcppEnum {
  /** Watt-hours: energy. */
  WH("Wh"),
  /** Kilowatt-hours: energy. */
  KWH("kWh"),
  /** Volt-ampere reactive hours: reactive energy. */
  VARH("varh"),
  /** Kilovolt-ampere reactive hours: reactive energy. */
  KVARH("kvarh"),
  /** Watts: power. */
  W("W"),
  /** Kilowatts: power. */
  KW("kW"),
  /** Volt-amperes: apparent power. */
  VA("VA"),
  /** Kilovolt-amperes: apparent power. */
  KVA("kVA"),
  /** Volt-amperes reactive: reactive power. */
  VAR("var"),
  /** Kilovolt-amperes reactive: reactive power. */
  KVAR("kvar"),
  /** Amperes: current. */
  A("A"),
  /** Volts: voltage. */
  V("V"),
  /** Kelvin: temperature. */
  K("K"),
  /** Degrees Celsius, spelled as the 1.6 schema spells it. */
  CELCIUS("Celcius"),
  /** Degrees Celsius, spelled correctly. */
  CELSIUS("Celsius"),
  /** Degrees Fahrenheit. */
  FAHRENHEIT("Fahrenheit"),
  /** Percent, e.g. a state of charge. */
  PERCENT("Percent");

  private final String ocppValue;

  UnitOfMeasure(String ocppValue) {
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
  public static Optional<UnitOfMeasure> fromOcpp(String value) {
    return OcppEnum.lookup(UnitOfMeasure.class, value);
  }
}
