package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.ClearChargingProfileRequest;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.port.InstalledChargingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The link asks which charging profiles the charger holds (2.0.1's GetChargingProfiles), which 1.6 never asks. */
class InstalledProfilesAskedTest {

  private static List<InstalledChargingProfile> asked(Harness h) {
    List<List<InstalledChargingProfile>> answers = new ArrayList<>();
    h.cs.listener().onChargingProfilesAsked(answers::add);
    h.run();
    assertEquals(1, answers.size(), "answered once, on the loop");
    return answers.getFirst();
  }

  private static ChargingProfile profile(int id, ChargingProfilePurposeType purpose) {
    return new ChargingProfile(id, Optional.empty(), 0, purpose, ChargingProfileKindType.RELATIVE, Optional.empty(),
        Optional.empty(), Optional.empty(), new ChargingSchedule(Optional.empty(), Optional.empty(), ChargingRateUnitType.A,
            List.of(new ChargingSchedulePeriod(0, 10, Optional.empty())), Optional.empty()));
  }

  @Test
  void theInstalledProfilesAreAnsweredWithTheirConnectorsInInstallOrderAndAClearedOneIsGone() {
    Harness h = new Harness().online();
    assertEquals(List.of(), asked(h));
    ChargingProfile station = profile(1, ChargingProfilePurposeType.TX_DEFAULT_PROFILE);
    ChargingProfile connector = profile(2, ChargingProfilePurposeType.TX_DEFAULT_PROFILE);
    assertEquals(ChargingProfileStatus.ACCEPTED, h.callOk(new SetChargingProfileRequest(0, station)).status());
    assertEquals(ChargingProfileStatus.ACCEPTED, h.callOk(new SetChargingProfileRequest(1, connector)).status());

    assertEquals(List.of(new InstalledChargingProfile(0, station), new InstalledChargingProfile(1, connector)), asked(h));

    h.callOk(new ClearChargingProfileRequest(Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty()));
    assertEquals(List.of(new InstalledChargingProfile(1, connector)), asked(h));
  }
}
