package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * One meter reading; the value is a string because it may hold signed data rather than a number.
 *
 * @param value the reading: a number for Raw, a hex block for SignedData
 * @param context why the reading was taken; absent means Sample.Periodic
 * @param format how the value is written; absent means Raw
 * @param measurand what is measured; absent means Energy.Active.Import.Register
 * @param phase the phase or pair of phases measured on; absent for a total
 * @param location where it was measured; absent means Outlet
 * @param unit the unit of the value; absent means Wh
 */
public record SampledValue(
    String value,
    Optional<ReadingContext> context,
    Optional<ValueFormat> format,
    Optional<Measurand> measurand,
    Optional<Phase> phase,
    Optional<Location> location,
    Optional<UnitOfMeasure> unit) {

  /** Rejects a null {@code value}; a null optional component reads as absent. */
  public SampledValue {
    Fields.required(value, "value");
    context = Fields.opt(context);
    format = Fields.opt(format);
    measurand = Fields.opt(measurand);
    phase = Fields.opt(phase);
    location = Fields.opt(location);
    unit = Fields.opt(unit);
  }
}
