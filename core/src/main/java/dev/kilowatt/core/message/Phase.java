package dev.kilowatt.core.message;

import java.util.Optional;

/** The phase, or pair of phases, a SampledValue refers to. */
public enum Phase implements OcppEnum {
  /** Measured on phase 1. */
  L1("L1"),
  /** Measured on phase 2. */
  L2("L2"),
  /** Measured on phase 3. */
  L3("L3"),
  /** The neutral conductor, e.g. its current. */
  N("N"),
  /** Between phase 1 and neutral. */
  L1_N("L1-N"),
  /** Between phase 2 and neutral. */
  L2_N("L2-N"),
  /** Between phase 3 and neutral. */
  L3_N("L3-N"),
  /** Between phases 1 and 2. */
  L1_L2("L1-L2"),
  /** Between phases 2 and 3. */
  L2_L3("L2-L3"),
  /** Between phases 3 and 1. */
  L3_L1("L3-L1");

  private final String ocppValue;

  Phase(String ocppValue) {
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
  public static Optional<Phase> fromOcpp(String value) {
    return OcppEnum.lookup(Phase.class, value);
  }
}
