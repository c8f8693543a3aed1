package dev.kilowatt.core.message;

import java.util.Optional;

/** One meter reading; the value is a string because it may hold signed data rather than a number. */
public record SampledValue(
    String value,
    Optional<ReadingContext> context,
    Optional<ValueFormat> format,
    Optional<Measurand> measurand,
    Optional<Phase> phase,
    Optional<Location> location,
    Optional<UnitOfMeasure> unit) {

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
