package dev.kilowatt.core.transaction;

import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.ledger.QueuedMessage;
import dev.kilowatt.core.message.Location;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.Phase;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.ValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The block's samples as OCPP 1.6 writes them, where MeterValues and StopTransaction are built: the domain's
 * constants are named as 1.6's, so each maps to the constant of its name.
 */
final class Ocpp16Samples {

  private Ocpp16Samples() {}

  static List<MeterValue> meterValues(List<MeterSample> samples) {
    return samples.stream().map(Ocpp16Samples::meterValue).toList();
  }

  static MeterValue meterValue(MeterSample sample) {
    return new MeterValue(sample.timestamp(), sample.measurements().stream().map(m -> new SampledValue(m.value(),
        m.context().map(c -> named(c, ReadingContext.class)), m.format().map(f -> named(f, ValueFormat.class)),
        m.measurand().map(q -> named(q, Measurand.class)), m.phase().map(p -> named(p, Phase.class)),
        m.location().map(l -> named(l, Location.class)), m.unit().map(u -> named(u, UnitOfMeasure.class)))).toList());
  }

  /** The measurand a 1.6 configuration value such as MeterValuesSampledData names, if it names one. */
  static Optional<MeterSample.Measurand> measurand(String ocppValue) {
    return Measurand.fromOcpp(ocppValue).map(m -> named(m, MeterSample.Measurand.class));
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

  /** What the queue's bound may do with a sample: a clock-aligned one stays, a periodic one may be thinned. */
  static QueuedMessage.Kind kind(MeterValuesRequest values) {
    boolean aligned = values.meterValue().stream().flatMap(v -> v.sampledValue().stream())
        .anyMatch(v -> v.context().filter(c -> c == ReadingContext.SAMPLE_CLOCK).isPresent());
    return aligned ? QueuedMessage.Kind.CLOCK_SAMPLE : QueuedMessage.Kind.PERIODIC_SAMPLE;
  }

  /** The constant of {@code type} named as {@code constant}; Ocpp16SamplesTest checks that every constant has its twin. */
  static <E extends Enum<E>> E named(Enum<?> constant, Class<E> type) {
    return Enum.valueOf(type, constant.name());
  }
}
