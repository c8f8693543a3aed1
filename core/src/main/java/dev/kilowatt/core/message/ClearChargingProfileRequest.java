package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System removes the charging profile with the given id, or all profiles matching the given filters. */
public record ClearChargingProfileRequest(
    Optional<Integer> id,
    Optional<Integer> connectorId,
    Optional<ChargingProfilePurposeType> chargingProfilePurpose,
    Optional<Integer> stackLevel)
    implements CentralSystemRequest<ClearChargingProfileResponse> {

  public ClearChargingProfileRequest {
    id = Fields.opt(id);
    connectorId = Fields.opt(connectorId);
    chargingProfilePurpose = Fields.opt(chargingProfilePurpose);
    stackLevel = Fields.opt(stackLevel);
  }

  @Override
  public Action action() {
    return Action.CLEAR_CHARGING_PROFILE;
  }
}
