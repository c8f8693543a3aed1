package dev.kilowatt.core.message;

import java.util.List;
import java.util.Optional;

/**
 * The charge point sends sampled meter readings of a connector, optionally tied to a transaction.
 *
 * @param connectorId the connector measured; 0 for the charge point as a whole, e.g. its main meter
 * @param transactionId the transaction the readings belong to, if any
 * @param meterValue the readings, grouped by the moment they were taken
 */
public record MeterValuesRequest(
    int connectorId,
    Optional<Integer> transactionId,
    List<MeterValue> meterValue)
    implements ChargePointRequest<MeterValuesResponse> {

  /**
   * A null optional component reads as absent; a null list reads as empty, and a list is copied so the record stays
   * immutable.
   */
  public MeterValuesRequest {
    transactionId = Fields.opt(transactionId);
    meterValue = Fields.list(meterValue);
  }

  @Override
  public Action action() {
    return Action.METER_VALUES;
  }
}
