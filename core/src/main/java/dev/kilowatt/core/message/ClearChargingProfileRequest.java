package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System removes the charging profile with the given id, or all profiles matching the given filters.
 *
 * @param id the id of the profile to remove
 * @param connectorId remove only profiles on this connector; 0 for the charge point-wide ones
 * @param chargingProfilePurpose remove only profiles of this purpose
 * @param stackLevel remove only profiles at this stack level
 */
public record ClearChargingProfileRequest(
    Optional<Integer> id,
    Optional<Integer> connectorId,
    Optional<ChargingProfilePurposeType> chargingProfilePurpose,
    Optional<Integer> stackLevel)
    implements CentralSystemRequest<ClearChargingProfileResponse> {

  /** A null optional component reads as absent. */
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
