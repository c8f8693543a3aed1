package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.message.SetChargingProfileResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A TxProfile for a transaction whose StartTransaction answer is still being saved: the central system knows the
 * id (it just gave it), the charge point is about to (TC_058_1_CS sends the profile right after the start).
 */
class TxProfileForASavingStartTest {

  private static SetChargingProfileRequest sixAmperesFor(int transactionId) {
    return new SetChargingProfileRequest(1, new ChargingProfile(7, Optional.of(transactionId), 0, ChargingProfilePurposeType.TX_PROFILE,
        ChargingProfileKindType.RELATIVE, Optional.empty(), Optional.empty(), Optional.empty(),
        new ChargingSchedule(Optional.empty(), Optional.empty(), ChargingRateUnitType.A,
            List.of(new ChargingSchedulePeriod(0, 6, Optional.empty())), Optional.empty())));
  }

  private static ChargingProfileStatus answer(Harness h, String call) {
    return h.cs.replyTo(call, SetChargingProfileResponse.class).status();
  }

  @Test
  void isAcceptedAndAppliedOnceTheAnswerIsDurable() {
    Harness h = Harness.startAnswerBeingSaved();
    String call = h.cs.call(sixAmperesFor(100));
    h.run();
    assertTrue(h.cs.replyTo(call).isEmpty(), "not answered Rejected for an id the charge point is about to hold");

    h.advance(Duration.ofSeconds(1));
    assertEquals(ChargingProfileStatus.ACCEPTED, answer(h, call));
    assertEquals(Optional.of(100), h.connector(1).transactionId());
    assertEquals(6.0, h.pilot().signalled, "the profile limits the transaction it names");
  }

  @Test
  void forAnotherIdIsRejectedAtOnce() {
    Harness h = Harness.startAnswerBeingSaved();
    String call = h.cs.call(sixAmperesFor(999));
    h.run();
    assertEquals(ChargingProfileStatus.REJECTED, answer(h, call));
  }

  @Test
  void whoseStartAnswerCannotBeSavedIsRejectedAsForAnUnknownTransaction() {
    Harness h = Harness.startAnswerBeingSaved();
    h.flash.failWrites(true);
    String call = h.cs.call(sixAmperesFor(100));
    h.advance(Duration.ofSeconds(1));
    assertEquals(ChargingProfileStatus.REJECTED, answer(h, call));
    assertTrue(h.connector(1).transactionId().isEmpty());
  }
}
