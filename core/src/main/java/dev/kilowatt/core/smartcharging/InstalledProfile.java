package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import java.util.Objects;

/** A charging profile as installed: on connector 0 it concerns the whole charge point. */
record InstalledProfile(int connectorId, ChargingProfile profile) {

  InstalledProfile {
    Objects.requireNonNull(profile, "profile");
  }
}
