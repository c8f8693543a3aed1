package dev.kilowatt.core.message;

/**
 * The Central System makes a connector, or the whole charge point (connector 0), operative or inoperative.
 *
 * @param connectorId the connector to change; 0 for the whole charge point
 * @param type the availability to take
 */
public record ChangeAvailabilityRequest(
    int connectorId,
    AvailabilityType type)
    implements CentralSystemRequest<ChangeAvailabilityResponse> {

  /** Rejects a null {@code type}. */
  public ChangeAvailabilityRequest {
    Fields.required(type, "type");
  }

  @Override
  public Action action() {
    return Action.CHANGE_AVAILABILITY;
  }
}
