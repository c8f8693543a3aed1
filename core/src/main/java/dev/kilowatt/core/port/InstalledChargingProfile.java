package dev.kilowatt.core.port;

import dev.kilowatt.core.message.ChargingProfile;
import java.util.Objects;

/**
 * A charging profile the domain holds, as the link may ask after it in words the 1.6 calls lack (OCPP 2.0.1's
 * GetChargingProfiles reports them; 1.6 only sets, clears and composes them).
 *
 * @param connectorId the connector it was set for; 0 for the charge point as a whole
 * @param profile the profile as it was set
 */
public record InstalledChargingProfile(int connectorId, ChargingProfile profile) {

  /** Rejects a missing profile. */
  public InstalledChargingProfile {
    Objects.requireNonNull(profile, "profile");
  }
}
