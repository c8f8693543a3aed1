package dev.kilowatt.core.transaction;

import dev.kilowatt.core.message.Location;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.Phase;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.ValueFormat;
import dev.kilowatt.core.port.MeterReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns meter readings into OCPP sampled values for the measurands a configuration key lists. */
final class Sampling {

  private static final Phase[] CURRENT_PHASES = {Phase.L1, Phase.L2, Phase.L3};
  private static final Phase[] VOLTAGE_PHASES = {Phase.L1_N, Phase.L2_N, Phase.L3_N};

  private Sampling() {}

  /**
   * One meter value with a sampled value per measurand: per phase for current and voltage, and for power where the
   * meter measures it per phase, besides the total.
   *
   * @param rotation the connector's ConnectorPhaseRotation ("RST", "STR"...): the grid phase wired to each of the
   *     meter's phases, so that a value is labelled with the grid phase it was drawn from; any other value, such as
   *     Unknown, keeps the meter's own numbering
   */
  static MeterValue meterValue(Instant at, MeterReading reading, double offeredA, List<String> measurands, ReadingContext context,
      String rotation) {
    List<SampledValue> values = new ArrayList<>();
    for (String name : measurands) {
      Measurand measurand = Measurand.fromOcpp(name).orElseThrow(() -> new IllegalArgumentException("unsupported measurand " + name));
      switch (measurand) {
        // Whole Wh counted so far, truncated like meterStart/meterStop, so the register never reads higher here than there.
        case ENERGY_ACTIVE_IMPORT_REGISTER -> values.add(value(format(Math.floor(reading.energyImportWh()), 0), context, measurand, Optional.empty(), UnitOfMeasure.WH));
        case POWER_ACTIVE_IMPORT -> {
          values.add(value(format(reading.powerImportW(), 1), context, measurand, Optional.empty(), UnitOfMeasure.W));
          reading.phases().forEach(p -> p.powerW().ifPresent(w -> values.add(
              value(format(w, 1), context, measurand, Optional.of(CURRENT_PHASES[gridPhase(p.phase(), rotation) - 1]), UnitOfMeasure.W))));
        }
        case CURRENT_OFFERED -> values.add(value(format(offeredA, 1), context, measurand, Optional.empty(), UnitOfMeasure.A));
        case CURRENT_IMPORT -> reading.phases().forEach(p ->
            values.add(value(format(p.currentA(), 2), context, measurand, Optional.of(CURRENT_PHASES[gridPhase(p.phase(), rotation) - 1]), UnitOfMeasure.A)));
        case VOLTAGE -> reading.phases().forEach(p ->
            values.add(value(format(p.voltageV(), 1), context, measurand, Optional.of(VOLTAGE_PHASES[gridPhase(p.phase(), rotation) - 1]), UnitOfMeasure.V)));
        default -> throw new IllegalArgumentException("unsupported measurand " + name);
      }
    }
    return new MeterValue(at, values);
  }

  /** The grid phase (1 to 3) wired to the meter's {@code meterPhase}; R, S and T are L1, L2 and L3 (section 9.1.9). */
  static int gridPhase(int meterPhase, String rotation) {
    if (rotation.length() != 3 || !rotation.chars().allMatch(ch -> "RST".indexOf(ch) >= 0)) {
      return meterPhase;
    }
    return "RST".indexOf(rotation.charAt(meterPhase - 1)) + 1;
  }

  private static SampledValue value(String value, ReadingContext context, Measurand measurand, Optional<Phase> phase, UnitOfMeasure unit) {
    return new SampledValue(value, Optional.of(context), Optional.of(ValueFormat.RAW), Optional.of(measurand), phase,
        Optional.of(Location.OUTLET), Optional.of(unit));
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /**
   * StopTransaction.req needs the transactionId the central system never gave when it failed to process
   * the start: a made-up id could close another transaction. MeterValues.req may leave transactionId out,
   * so the stop's readings go as one, with its transactionData and the final register in context
   * Transaction.End: the energy still reaches the central system, and the history says what happened.
   */
  static MeterValuesRequest stopAsMeterValues(int connectorId, StopTransactionRequest stop) {
    List<MeterValue> values = new ArrayList<>(stop.transactionData());
    values.add(new MeterValue(stop.timestamp(), List.of(new SampledValue(Integer.toString(stop.meterStop()),
        Optional.of(ReadingContext.TRANSACTION_END), Optional.of(ValueFormat.RAW), Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER),
        Optional.empty(), Optional.empty(), Optional.of(UnitOfMeasure.WH)))));
    return new MeterValuesRequest(connectorId, Optional.empty(), values);
  }
}
