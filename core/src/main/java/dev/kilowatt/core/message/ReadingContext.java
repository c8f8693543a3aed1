package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Why a SampledValue was taken: periodic or clock-aligned sampling, a transaction boundary, a trigger, an
 * interruption.
 */
public enum ReadingContext implements OcppEnum {
  /** Taken as the supply to the EV was interrupted. */
  INTERRUPTION_BEGIN("Interruption.Begin"),
  /** Taken as the supply to the EV resumed. */
  INTERRUPTION_END("Interruption.End"),
  /** Taken at a clock-aligned moment (ClockAlignedDataInterval). */
  SAMPLE_CLOCK("Sample.Clock"),
  /** Taken at a periodic moment during a transaction (MeterValueSampleInterval). */
  SAMPLE_PERIODIC("Sample.Periodic"),
  /** Taken as the transaction started. */
  TRANSACTION_BEGIN("Transaction.Begin"),
  /** Taken as the transaction ended. */
  TRANSACTION_END("Transaction.End"),
  /** Taken because a TriggerMessage asked for MeterValues. */
  TRIGGER("Trigger"),
  /** Taken for a reason none of the others covers. */
  OTHER("Other");

  private final String ocppValue;

  ReadingContext(String ocppValue) {
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
  public static Optional<ReadingContext> fromOcpp(String value) {
    return OcppEnum.lookup(ReadingContext.class, value);
  }
}
