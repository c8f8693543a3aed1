package dev.kilowatt.core.message;

import java.util.List;
import java.util.Optional;

/** The charge point sends sampled meter readings of a connector, optionally tied to a transaction. */
public record MeterValuesRequest(
    int connectorId,
    Optional<Integer> transactionId,
    List<MeterValue> meterValue)
    implements ChargePointRequest<MeterValuesResponse> {

  public MeterValuesRequest {
    transactionId = Fields.opt(transactionId);
    meterValue = Fields.list(meterValue);
  }

  @Override
  public Action action() {
    return Action.METER_VALUES;
  }
}
