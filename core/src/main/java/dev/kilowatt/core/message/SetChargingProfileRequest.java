package dev.kilowatt.core.message;

/**
 * The Central System installs a charging profile on a connector (connector 0: the whole charge point).
 *
 * @param connectorId the connector the profile applies to; 0 for the whole charge point (a ChargePointMaxProfile, or a
 *     TxDefaultProfile for every connector)
 * @param csChargingProfiles the profile to install; it replaces an installed one with the same id, or the same purpose
 *     and stack level
 */
public record SetChargingProfileRequest(
    int connectorId,
    ChargingProfile csChargingProfiles)
    implements CentralSystemRequest<SetChargingProfileResponse> {

  /** Rejects a null {@code csChargingProfiles}. */
  public SetChargingProfileRequest {
    Fields.required(csChargingProfiles, "csChargingProfiles");
  }

  @Override
  public Action action() {
    return Action.SET_CHARGING_PROFILE;
  }
}
