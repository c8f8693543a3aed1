package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.ValueFormat;
import dev.kilowatt.ocpp201.TransactionEnums.Measurand;
import dev.kilowatt.ocpp201.TransactionEnums.ReadingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The core's 1.6 meter values as OCPP 2.0.1 writes them. The enumerations are spelt alike (2.0.1 puts
 * "Celsius" where 1.6's schema had "Celcius"); 2.0.1 values are numbers, so a signed or non-numeric 1.6
 * value is left out (signed meter data goes in 2.0.1's signedMeterValue, block J, not done yet), and so
 * are the two measurands 2.0.1 dropped, Temperature and RPM. A meter value left without any sampled value
 * is left out too: 2.0.1 wants at least one in each.
 */
final class MeterReadings {

  private MeterReadings() {
  }

  static List<Types.MeterValue> of(List<MeterValue> values) {
    return values.stream().flatMap(value -> of(value).stream()).toList();
  }

  static Optional<Types.MeterValue> of(MeterValue value) {
    List<Types.SampledValue> sampled = value.sampledValue().stream().flatMap(s -> of(s).stream()).toList();
    return sampled.isEmpty() ? Optional.empty() : Optional.of(new Types.MeterValue(sampled, value.timestamp()));
  }

  /** The energy register at a transaction's start or end, in Wh. */
  static Types.MeterValue register(double wh, ReadingContext context, Instant at) {
    return new Types.MeterValue(List.of(new Types.SampledValue(wh, Optional.of(context),
        Optional.of(Measurand.Energy_Active_Import_Register), Optional.empty(), Optional.empty(),
        Optional.of(new Types.UnitOfMeasure(Optional.of("Wh"), Optional.empty())))), at);
  }

  private static Optional<Types.SampledValue> of(SampledValue sample) {
    if (sample.format().filter(f -> f == ValueFormat.SIGNED_DATA).isPresent()) {
      return Optional.empty();
    }
    double number;
    Optional<Measurand> measurand;
    try {
      number = Double.parseDouble(sample.value());
      measurand = sample.measurand().map(m -> Measurand.valueOf(m.ocppValue().replace('.', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new Types.SampledValue(number,
        sample.context().map(c -> ReadingContext.valueOf(c.ocppValue().replace('.', '_'))),
        measurand,
        sample.phase().map(p -> TransactionEnums.Phase.valueOf(p.ocppValue().replace('-', '_'))),
        sample.location().map(l -> TransactionEnums.MeasurementLocation.valueOf(l.ocppValue())),
        sample.unit().map(u -> new Types.UnitOfMeasure(Optional.of(unit(u)), Optional.empty()))));
  }

  private static String unit(UnitOfMeasure unit) {
    return unit == UnitOfMeasure.CELCIUS ? UnitOfMeasure.CELSIUS.ocppValue() : unit.ocppValue();
  }
}
