package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System asks for the schedule a connector will actually follow over the next duration seconds. */
public record GetCompositeScheduleRequest(
    int connectorId,
    int duration,
    Optional<ChargingRateUnitType> chargingRateUnit)
    implements CentralSystemRequest<GetCompositeScheduleResponse> {

  public GetCompositeScheduleRequest {
    chargingRateUnit = Fields.opt(chargingRateUnit);
  }

  @Override
  public Action action() {
    return Action.GET_COMPOSITE_SCHEDULE;
  }
}
