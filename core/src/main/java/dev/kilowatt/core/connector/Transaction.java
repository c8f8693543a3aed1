package dev.kilowatt.core.connector;

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
 * @param connectorId the connector it runs on, from 1
 * @param idTag the idTag that started it
 * @param parentIdTag the idTag's group, from the authorization; empty if it has none or none is known
 * @param started when it started, by the charge point's clock
 * @param meterStartWh the meter register at the start, in Wh, as StartTransaction reports it
 * @param reservationId the reservation it used, if it started on one
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
    List<MeterSample> stopData,
    Optional<Double> deauthorizedAtWh) {

  /** Long transactions keep only the newest stop samples, so memory and flash stay bounded. */
  static final int MAX_STOP_SAMPLES = 96;

  /** Empty optionals and lists for absent ones: a record saved by an older version lacks them. */
  public Transaction {
    Objects.requireNonNull(idTag, "idTag");
    parentIdTag = parentIdTag == null ? Optional.empty() : parentIdTag;
    reservationId = reservationId == null ? Optional.empty() : reservationId;
    transactionId = transactionId == null ? Optional.empty() : transactionId;
    stopData = stopData == null ? List.of() : List.copyOf(stopData);
    deauthorizedAtWh = deauthorizedAtWh == null ? Optional.empty() : deauthorizedAtWh;
  }

  /**
   * A transaction starting now, before the central system has assigned its transactionId.
   *
   * @param number the charge point's own number for it
   * @param connectorId the connector it runs on
   * @param idTag the idTag that started it
   * @param parentIdTag the idTag's group, if known
   * @param now the start time
   * @param energyWh the meter register now, in Wh; meterStart is its whole Wh
   * @param reservationId the reservation it uses, if any
   * @return the running transaction
   */
  public static Transaction begin(long number, int connectorId, String idTag, Optional<String> parentIdTag, Instant now, double energyWh,
      Optional<Integer> reservationId) {
    return new Transaction(number, connectorId, idTag, parentIdTag, now, (long) Math.floor(energyWh), reservationId, Optional.empty(),
        false, energyWh, now, List.of(), Optional.empty());
  }

  /**
   * The transaction once StartTransaction.conf assigned its id.
   *
   * @param id the central system's transactionId
   * @return a copy with it
   */
  public Transaction withTransactionId(int id) {
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, Optional.of(id), deauthorized,
        lastEnergyWh, lastSeen, stopData, deauthorizedAtWh);
  }

  /**
   * The transaction with the idTag's group as the authorization learnt it.
   *
   * @param parent the parentIdTag, empty if the idTag has none
   * @return a copy with it
   */
  public Transaction withParentIdTag(Optional<String> parent) {
    return new Transaction(number, connectorId, idTag, parent, started, meterStartWh, reservationId, transactionId, deauthorized,
        lastEnergyWh, lastSeen, stopData, deauthorizedAtWh);
  }

  /**
   * The central system invalidated the idTag now, with the register at {@code energyWh}.
   *
   * @param energyWh the meter register now, in Wh
   * @return a copy that is deauthorized and counts MaxEnergyOnInvalidId from {@code energyWh}
   */
  public Transaction deauthorize(double energyWh) {
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, transactionId, true,
        lastEnergyWh, lastSeen, stopData, Optional.of(energyWh));
  }

  /**
   * The transaction seen running now, so that a power cut reports how far it got.
   *
   * @param energyWh the meter register now, in Wh; a lower reading than the last one is ignored
   * @param now the time it was seen
   * @return a copy with the register and time
   */
  public Transaction seen(double energyWh, Instant now) {
    return new Transaction(number, connectorId, idTag, parentIdTag, started, meterStartWh, reservationId, transactionId, deauthorized,
        Math.max(lastEnergyWh, energyWh), now, stopData, deauthorizedAtWh);
  }

  /**
   * The transaction with one more sample for StopTransaction's transactionData; past the bound, the
   * oldest but the first is dropped.
   *
   * @param sample a sample StopTxnSampledData or StopTxnAlignedData asked for
   * @return a copy with it
   */
  public Transaction withStopSample(MeterSample sample) {
    List<MeterSample> samples = new ArrayList<>(stopData);
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
