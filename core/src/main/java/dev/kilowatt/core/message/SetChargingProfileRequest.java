package dev.kilowatt.core.message;

/** The Central System installs a charging profile on a connector (connector 0: the whole charge point). */
public record SetChargingProfileRequest(
    int connectorId,
    ChargingProfile csChargingProfiles)
    implements CentralSystemRequest<SetChargingProfileResponse> {

  public SetChargingProfileRequest {
    Fields.required(csChargingProfiles, "csChargingProfiles");
  }

  @Override
  public Action action() {
    return Action.SET_CHARGING_PROFILE;
  }
}
