package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Unit of a SampledValue (absent means Wh); both the schema's historic "Celcius" and the corrected "Celsius" are
 * accepted.
 */
public enum UnitOfMeasure implements OcppEnum {
  WH("Wh"),
  KWH("kWh"),
  VARH("varh"),
  KVARH("kvarh"),
  W("W"),
  KW("kW"),
  VA("VA"),
  KVA("kVA"),
  VAR("var"),
  KVAR("kvar"),
  A("A"),
  V("V"),
  K("K"),
  CELCIUS("Celcius"),
  CELSIUS("Celsius"),
  FAHRENHEIT("Fahrenheit"),
  PERCENT("Percent");

  private final String ocppValue;

  UnitOfMeasure(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<UnitOfMeasure> fromOcpp(String value) {
    return OcppEnum.lookup(UnitOfMeasure.class, value);
  }
}
