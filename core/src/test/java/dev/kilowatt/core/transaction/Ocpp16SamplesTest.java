package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.MeterSample.Measurement;
import dev.kilowatt.core.message.Location;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.Phase;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.ValueFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The domain's sample vocabulary and OCPP 1.6's are twins, constant for constant, so the edge maps every sample. */
class Ocpp16SamplesTest {

  private static final Instant AT = Instant.parse("2025-06-01T12:01:00Z");

  @Test
  void everyConstantHasItsOcpp16Twin() {
    assertEquals(names(ReadingContext.class), names(MeterSample.Context.class));
    assertEquals(names(ValueFormat.class), names(MeterSample.Format.class));
    assertEquals(names(Measurand.class), names(MeterSample.Measurand.class));
    assertEquals(names(Phase.class), names(MeterSample.Phase.class));
    assertEquals(names(Location.class), names(MeterSample.Location.class));
    assertEquals(names(UnitOfMeasure.class), names(MeterSample.Unit.class));
  }

  @Test
  void aSampleGoesOutWithEachMeasurementAsASampledValueAndAbsentFieldsLeftOut() {
    MeterSample sample = new MeterSample(AT, List.of(
        new Measurement("15.90", Optional.of(MeterSample.Context.SAMPLE_PERIODIC), Optional.of(MeterSample.Format.RAW),
            Optional.of(MeterSample.Measurand.CURRENT_IMPORT), Optional.of(MeterSample.Phase.L2), Optional.of(MeterSample.Location.OUTLET),
            Optional.of(MeterSample.Unit.A)),
        new Measurement("21.5", Optional.empty(), Optional.empty(), Optional.of(MeterSample.Measurand.TEMPERATURE), Optional.empty(),
            Optional.of(MeterSample.Location.BODY), Optional.of(MeterSample.Unit.CELCIUS))));

    assertEquals(new MeterValue(AT, List.of(
        new SampledValue("15.90", Optional.of(ReadingContext.SAMPLE_PERIODIC), Optional.of(ValueFormat.RAW), Optional.of(Measurand.CURRENT_IMPORT),
            Optional.of(Phase.L2), Optional.of(Location.OUTLET), Optional.of(UnitOfMeasure.A)),
        new SampledValue("21.5", Optional.empty(), Optional.empty(), Optional.of(Measurand.TEMPERATURE), Optional.empty(),
            Optional.of(Location.BODY), Optional.of(UnitOfMeasure.CELCIUS)))), Ocpp16Samples.meterValue(sample));
  }

  @Test
  void aConfiguredMeasurandIsReadByItsOcpp16Name() {
    assertEquals(Optional.of(MeterSample.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER), Ocpp16Samples.measurand("Energy.Active.Import.Register"));
    assertEquals(Optional.empty(), Ocpp16Samples.measurand("energy.active.import.register"));
  }

  private static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }
}
