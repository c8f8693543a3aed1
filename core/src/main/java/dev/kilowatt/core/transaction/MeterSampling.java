package dev.kilowatt.core.transaction;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.MeterSample.Context;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * MeterValues: the periodic samples of a running transaction (MeterValueSampleInterval), the clock-aligned
 * ones (ClockAlignedDataInterval), the triggered ones, and the samples kept for StopTransaction's
 * transactionData.
 */
public final class MeterSampling {

  private final Scheduler scheduler;
  private final TransactionLedger ledger;
  private final Configuration config;
  private final Outbox outbox;
  private final Supplier<Instant> clock;
  private final List<Connector> connectors;
  private final Map<Integer, Scheduler.Timer> sampleTimers = new HashMap<>();
  private Scheduler.Timer alignedTimer;

  /**
   * Sampling over the given connectors.
   *
   * @param scheduler runs the periodic and the clock-aligned samples
   * @param ledger records each sample of a transaction before it is sent
   * @param config holds MeterValueSampleInterval, ClockAlignedDataInterval and the measurands to sample
   * @param outbox sends the triggered MeterValues and the clock-aligned ones outside a transaction
   * @param clock the current time, which each sample is stamped with
   * @param connectors the connectors, connector 1 first
   */
  public MeterSampling(Scheduler scheduler, TransactionLedger ledger, Configuration config, Outbox outbox, Supplier<Instant> clock,
      List<Connector> connectors) {
    this.scheduler = scheduler;
    this.ledger = ledger;
    this.config = config;
    this.outbox = outbox;
    this.clock = clock;
    this.connectors = connectors;
    config.onChange(CoreKeys.CLOCK_ALIGNED_DATA_INTERVAL, v -> armAligned());
    config.onChange(CoreKeys.METER_VALUE_SAMPLE_INTERVAL, v -> connectors.forEach(this::arm));
  }

  /** The transaction with a StopTxnSampledData sample taken now, if any is configured and the meter has read. */
  Transaction withStopSample(Connector c, Transaction tx, Context context) {
    List<String> stopSampled = config.list(CoreKeys.STOP_TXN_SAMPLED_DATA);
    return !stopSampled.isEmpty() && c.reading().isPresent() ? tx.withStopSample(sample(c, stopSampled, context)) : tx;
  }

  /** (Re)starts the periodic samples of the connector's transaction. */
  void arm(Connector c) {
    cancel(c);
    int interval = config.integer(CoreKeys.METER_VALUE_SAMPLE_INTERVAL);
    if (c.transaction().isEmpty() || interval <= 0) {
      return;
    }
    sampleTimers.put(c.id(), scheduler.schedule(Duration.ofSeconds(interval), () -> {
      sampleTimers.remove(c.id());
      sampleTransaction(c, Context.SAMPLE_PERIODIC, config.list(CoreKeys.METER_VALUES_SAMPLED_DATA),
          config.list(CoreKeys.STOP_TXN_SAMPLED_DATA));
      arm(c);
    }));
  }

  void cancel(Connector c) {
    Scheduler.Timer timer = sampleTimers.remove(c.id());
    if (timer != null) {
      timer.cancel();
    }
  }

  /**
   * Sends a MeterValues.req asked for by TriggerMessage: the configured measurands, or at least the energy register.
   *
   * @param connectorId the connector to sample, from 1
   */
  public void sendTriggered(int connectorId) {
    Connector c = connectors.get(connectorId - 1);
    MeterSample value = sample(c, config.list(CoreKeys.METER_VALUES_SAMPLED_DATA), Context.TRIGGER);
    if (value.measurements().isEmpty()) {
      // nothing configured, or per-phase measurands before the meter's first reading: a MeterValue needs one value
      value = sample(c, List.of("Energy.Active.Import.Register"), Context.TRIGGER);
    }
    outbox.send(new MeterValuesRequest(c.id(), c.transaction().flatMap(Transaction::transactionId), List.of(Ocpp16Samples.meterValue(value))),
        Outbox.Gate.ANY_TIME, answer -> {}, failure -> {});
  }

  /** A periodic or clock-aligned sample of a running transaction: sent as MeterValues and kept for StopTransaction. */
  private void sampleTransaction(Connector c, Context context, List<String> sent, List<String> kept) {
    Transaction tx = c.transaction().orElseThrow();
    if (c.reading().isEmpty()) {
      return;
    }
    if (!kept.isEmpty()) {
      tx = tx.withStopSample(sample(c, kept, context));
    }
    tx = tx.seen(c.energyWh(), clock.get());
    c.update(tx);
    // Recorded with the sample: a power loss right after it must not stop the transaction below it.
    if (sent.isEmpty()) {
      ledger.update(tx);
    } else {
      ledger.sample(tx, new MeterValuesRequest(c.id(), tx.transactionId(), List.of(Ocpp16Samples.meterValue(sample(c, sent, context)))));
    }
  }

  private MeterSample sample(Connector c, List<String> measurands, Context context) {
    MeterReading reading = c.reading().orElse(new MeterReading(c.energyWh(), 0, List.of()));
    return Sampling.sample(clock.get(), reading, c.offeredA(config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID)), measurands, context,
        CoreKeys.phaseRotation(config, c.id()).orElse("Unknown"));
  }

  /** Arms the next clock-aligned sample, at the next multiple of the interval since midnight. */
  public void armAligned() {
    if (alignedTimer != null) {
      alignedTimer.cancel();
      alignedTimer = null;
    }
    int interval = config.integer(CoreKeys.CLOCK_ALIGNED_DATA_INTERVAL);
    if (interval <= 0) {
      return;
    }
    Instant now = clock.get();
    long secondsOfDay = now.getEpochSecond() % 86_400;
    long untilNext = interval - (secondsOfDay % interval);
    Duration wait = Duration.ofSeconds(untilNext).minusNanos(now.getNano());
    alignedTimer = scheduler.schedule(wait, () -> {
      alignedTimer = null;
      clockAlignedSample();
      armAligned();
    });
  }

  private void clockAlignedSample() {
    List<String> aligned = config.list(CoreKeys.METER_VALUES_ALIGNED_DATA);
    List<String> kept = config.list(CoreKeys.STOP_TXN_ALIGNED_DATA);
    for (Connector c : connectors) {
      if (c.transaction().isPresent()) {
        sampleTransaction(c, Context.SAMPLE_CLOCK, aligned, kept);
      } else if (!aligned.isEmpty() && c.reading().isPresent() && outbox.canSendNow()) {
        MeterSample sample = sample(c, aligned, Context.SAMPLE_CLOCK);
        outbox.send(new MeterValuesRequest(c.id(), Optional.empty(), List.of(Ocpp16Samples.meterValue(sample))), Outbox.Gate.AFTER_ACCEPTANCE,
            answer -> {}, failure -> {});
      }
    }
  }
}
