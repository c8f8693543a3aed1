package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Why a SampledValue was taken: periodic or clock-aligned sampling, a transaction boundary, a trigger, an
 * interruption.
 */
public enum ReadingContext implements OcppEnum {
  INTERRUPTION_BEGIN("Interruption.Begin"),
  INTERRUPTION_END("Interruption.End"),
  SAMPLE_CLOCK("Sample.Clock"),
  SAMPLE_PERIODIC("Sample.Periodic"),
  TRANSACTION_BEGIN("Transaction.Begin"),
  TRANSACTION_END("Transaction.End"),
  TRIGGER("Trigger"),
  OTHER("Other");

  private final String ocppValue;

  ReadingContext(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ReadingContext> fromOcpp(String value) {
    return OcppEnum.lookup(ReadingContext.class, value);
  }
}
