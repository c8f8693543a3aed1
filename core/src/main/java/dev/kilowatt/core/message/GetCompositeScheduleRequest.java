package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System asks for the schedule a connector will actually follow over the next duration seconds.
 *
 * @param connectorId the connector to compute for; 0 for the charge point's total
 * @param duration the length of the schedule asked for, in seconds
 * @param chargingRateUnit the unit the limits should be in; absent leaves the choice to the charge point
 */
public record GetCompositeScheduleRequest(
    int connectorId,
    int duration,
    Optional<ChargingRateUnitType> chargingRateUnit)
    implements CentralSystemRequest<GetCompositeScheduleResponse> {

  /** A null optional component reads as absent. */
  public GetCompositeScheduleRequest {
    chargingRateUnit = Fields.opt(chargingRateUnit);
  }

  @Override
  public Action action() {
    return Action.GET_COMPOSITE_SCHEDULE;
  }
}
