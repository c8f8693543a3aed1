package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The composite charging schedule the charge point computed, when it could.
 *
 * @param status whether a schedule could be computed
 * @param connectorId the connector the schedule is for; absent when rejected
 * @param scheduleStart the moment the schedule's periods count from; absent when rejected
 * @param chargingSchedule the limits that result from all profiles in force on the connector; absent when rejected
 */
public record GetCompositeScheduleResponse(
    GetCompositeScheduleStatus status,
    Optional<Integer> connectorId,
    Optional<Instant> scheduleStart,
    Optional<ChargingSchedule> chargingSchedule)
    implements Response {

  /** Rejects a null {@code status}; a null optional component reads as absent. */
  public GetCompositeScheduleResponse {
    Fields.required(status, "status");
    connectorId = Fields.opt(connectorId);
    scheduleStart = Fields.opt(scheduleStart);
    chargingSchedule = Fields.opt(chargingSchedule);
  }
}
