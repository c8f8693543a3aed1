package dev.kilowatt.core.transaction;

import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.MeterSample.Context;
import dev.kilowatt.core.connector.MeterSample.Format;
import dev.kilowatt.core.connector.MeterSample.Location;
import dev.kilowatt.core.connector.MeterSample.Measurand;
import dev.kilowatt.core.connector.MeterSample.Measurement;
import dev.kilowatt.core.connector.MeterSample.Phase;
import dev.kilowatt.core.connector.MeterSample.Unit;
import dev.kilowatt.core.port.MeterReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns meter readings into samples of the measurands a configuration key lists, named as OCPP 1.6 names them. */
final class Sampling {

  private static final Phase[] CURRENT_PHASES = {Phase.L1, Phase.L2, Phase.L3};
  private static final Phase[] VOLTAGE_PHASES = {Phase.L1_N, Phase.L2_N, Phase.L3_N};

  private Sampling() {}

  /**
   * One sample with a measurement per measurand: per phase for current and voltage, and for power where the
   * meter measures it per phase, besides the total.
   *
   * @param rotation the connector's ConnectorPhaseRotation ("RST", "STR"...): the grid phase wired to each of the
   *     meter's phases, so that a value is labelled with the grid phase it was drawn from; any other value, such as
   *     Unknown, keeps the meter's own numbering
   */
  static MeterSample sample(Instant at, MeterReading reading, double offeredA, List<String> measurands, Context context,
      String rotation) {
    List<Measurement> values = new ArrayList<>();
    for (String name : measurands) {
      Measurand measurand = Ocpp16Samples.measurand(name).orElseThrow(() -> new IllegalArgumentException("unsupported measurand " + name));
      switch (measurand) {
        // Whole Wh counted so far, truncated like meterStart/meterStop, so the register never reads higher here than there.
        case ENERGY_ACTIVE_IMPORT_REGISTER -> values.add(value(format(Math.floor(reading.energyImportWh()), 0), context, measurand, Optional.empty(), Unit.WH));
        case POWER_ACTIVE_IMPORT -> {
          values.add(value(format(reading.powerImportW(), 1), context, measurand, Optional.empty(), Unit.W));
          reading.phases().forEach(p -> p.powerW().ifPresent(w -> values.add(
              value(format(w, 1), context, measurand, Optional.of(CURRENT_PHASES[gridPhase(p.phase(), rotation) - 1]), Unit.W))));
        }
        case CURRENT_OFFERED -> values.add(value(format(offeredA, 1), context, measurand, Optional.empty(), Unit.A));
        case CURRENT_IMPORT -> reading.phases().forEach(p ->
            values.add(value(format(p.currentA(), 2), context, measurand, Optional.of(CURRENT_PHASES[gridPhase(p.phase(), rotation) - 1]), Unit.A)));
        case VOLTAGE -> reading.phases().forEach(p ->
            values.add(value(format(p.voltageV(), 1), context, measurand, Optional.of(VOLTAGE_PHASES[gridPhase(p.phase(), rotation) - 1]), Unit.V)));
        default -> throw new IllegalArgumentException("unsupported measurand " + name);
      }
    }
    return new MeterSample(at, values);
  }

  /** The grid phase (1 to 3) wired to the meter's {@code meterPhase}; R, S and T are L1, L2 and L3 (section 9.1.9). */
  static int gridPhase(int meterPhase, String rotation) {
    if (rotation.length() != 3 || !rotation.chars().allMatch(ch -> "RST".indexOf(ch) >= 0)) {
      return meterPhase;
    }
    return "RST".indexOf(rotation.charAt(meterPhase - 1)) + 1;
  }

  private static Measurement value(String value, Context context, Measurand measurand, Optional<Phase> phase, Unit unit) {
    return new Measurement(value, Optional.of(context), Optional.of(Format.RAW), Optional.of(measurand), phase,
        Optional.of(Location.OUTLET), Optional.of(unit));
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
