package dev.kilowatt.core.message;

/** The Central System makes a connector, or the whole charge point (connector 0), operative or inoperative. */
public record ChangeAvailabilityRequest(
    int connectorId,
    AvailabilityType type)
    implements CentralSystemRequest<ChangeAvailabilityResponse> {

  public ChangeAvailabilityRequest {
    Fields.required(type, "type");
  }

  @Override
  public Action action() {
    return Action.CHANGE_AVAILABILITY;
  }
}
