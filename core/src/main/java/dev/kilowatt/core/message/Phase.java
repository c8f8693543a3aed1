package dev.kilowatt.core.message;

import java.util.Optional;

/** The phase, or pair of phases, a SampledValue refers to. */
public enum Phase implements OcppEnum {
  L1("L1"),
  L2("L2"),
  L3("L3"),
  N("N"),
  L1_N("L1-N"),
  L2_N("L2-N"),
  L3_N("L3-N"),
  L1_L2("L1-L2"),
  L2_L3("L2-L3"),
  L3_L1("L3-L1");

  private final String ocppValue;

  Phase(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<Phase> fromOcpp(String value) {
    return OcppEnum.lookup(Phase.class, value);
  }
}
