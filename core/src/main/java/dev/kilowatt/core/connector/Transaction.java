package dev.kilowatt.core.connector;

import dev.kilowatt.core.message.MeterValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A charging transaction as the charge point keeps it, saved on every change so that a power cut can be
 * reported (StopTransaction with reason PowerLoss) on the next boot.
 *
 * @param number the charge point's own number, known before the central system assigns a transactionId
 * @param transactionId the central system's id, once StartTransaction.conf arrived
 * @param deauthorized the central system rejected the idTag after the start
 * @param lastEnergyWh the last meter register seen during the transaction
 * @param lastSeen when the transaction was last known to be running
 * @param stopData the samples StopTxnSampledData / StopTxnAlignedData asked for, for transactionData
 * @param deauthorizedAtWh the register when the central system invalidated the idTag: MaxEnergyOnInvalidId counts
 *     from there (sections 3.5 and 9.1), not from the start
 */
public record Transaction(
    long number,
    int connectorId,
    String idTag,
    Optional<String> parentIdTag,
    Instant started,
    long meterStartWh,
    Optional<Integer> reservationId,
    Optional<Integer> transactionId,
    boolean deauthorized,
    double lastEnergyWh,
    Instant lastSeen,
    List<MeterValue> stopData,
    Optional<Double> deauthorizedAtWh) {

  /** Long transactions keep only the newest stop samples, so memory and flash stay bounded. */
  static final int MAX_STOP_SAMPLES = 96;

  public Transaction {
    Objects.requireNonNull(idTag, "idTag");
    parentIdTag = parentIdTag == null ? Optional.empty() : parentIdTag;
    reservationId = reservationId == null ? Optional.empty() : reservationId;
    transactionId = transactionId == null ? Optional.empty() : transactionId;
    stopData = stopData == null ? List.of() : List.copyOf(stopData);
    deauthorizedAtWh = deauthorizedAtWh == null ? Optional.empty() : deauthorizedAtWh;
  }

  public static Transaction begin(long number, int connectorId, String idTag, Optional<String> parentIdTag, Instant now, double energyWh,
      Optional<Integer> reservationId) {
    return new Transaction(number, connectorId, idTag, parentIdTag, now, (long) Math.floor(energyWh), reservationId, Optional.empty(),
        false, energyWh, now, List.of(), Optional.empty());
  }

  public Transaction withTransactionId(int id) {
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, Optional.of(id), deauthorized,
        lastEnergyWh, lastSeen, stopData, deauthorizedAtWh);
  }

  public Transaction withParentIdTag(Optional<String> parent) {
    return new Transaction(number, connectorId, idTag, parent, started, meterStartWh, reservationId, transactionId, deauthorized,
        lastEnergyWh, lastSeen, stopData, deauthorizedAtWh);
  }

  /** The central system invalidated the idTag now, with the register at {@code energyWh}. */
  public Transaction deauthorize(double energyWh) {
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, transactionId, true,
        lastEnergyWh, lastSeen, stopData, Optional.of(energyWh));
  }

  public Transaction seen(double energyWh, Instant now) {
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, transactionId, deauthorized,
        Math.max(lastEnergyWh, energyWh), now, stopData, deauthorizedAtWh);
  }

  public Transaction withStopSample(MeterValue sample) {
    List<MeterValue> samples = new ArrayList<>(stopData);
    samples.add(sample);
    if (samples.size() > MAX_STOP_SAMPLES) {
      samples.remove(samples.size() > 1 ? 1 : 0);
    }
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, transactionId, deauthorized,
        lastEnergyWh, lastSeen, samples, deauthorizedAtWh);
  }

  /** Energy delivered since the idTag was invalidated, in Wh; a transaction saved before this was kept counts from its start. */
  double deliveredSinceDeauthorizedWh() {
    return Math.max(0, lastEnergyWh - deauthorizedAtWh.orElse((double) meterStartWh));
  }
}
