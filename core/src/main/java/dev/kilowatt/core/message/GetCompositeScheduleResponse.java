package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** The composite charging schedule the charge point computed, when it could. */
public record GetCompositeScheduleResponse(
    GetCompositeScheduleStatus status,
    Optional<Integer> connectorId,
    Optional<Instant> scheduleStart,
    Optional<ChargingSchedule> chargingSchedule)
    implements Response {

  public GetCompositeScheduleResponse {
    Fields.required(status, "status");
    connectorId = Fields.opt(connectorId);
    scheduleStart = Fields.opt(scheduleStart);
    chargingSchedule = Fields.opt(chargingSchedule);
  }
}
