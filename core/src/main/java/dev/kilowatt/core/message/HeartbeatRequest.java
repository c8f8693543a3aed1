package dev.kilowatt.core.message;

/** The charge point's keep-alive, also used to fetch the Central System's clock. */
public record HeartbeatRequest() implements ChargePointRequest<HeartbeatResponse> {

  @Override
  public Action action() {
    return Action.HEARTBEAT;
  }
}
