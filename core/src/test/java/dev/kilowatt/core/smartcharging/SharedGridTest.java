package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.FakeHardware.FakePilot;
import dev.kilowatt.core.FakeHardware;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Connectors of one charge point sharing its grid limit (OCPP 1.6 section 3.13.3), as the pilots feel it: EVs
 * arrive, pause and leave on virtual time, and after every single pilot command the pilots together offer no more
 * than the limit.
 */
class SharedGridTest {

  /** One station under test, with every pilot command checked and recorded as "connector=amperes". */
  private static final class Station {
    final Harness h;
    final double limitA;
    final List<String> commands = new ArrayList<>();

    Station(int connectors, double limitA, java.util.function.Consumer<ChargePoint.Builder> setup) {
      this.h = new Harness(connectors).customize(setup);
      this.limitA = limitA;
      for (int i = 0; i < connectors; i++) {
        int id = i + 1;
        FakePilot pilot = h.pilots.get(i);
        pilot.afterCommand = () -> {
          commands.add(id + "=" + Math.max(0, pilot.signalled));
          double together = h.pilots.stream().mapToDouble(p -> Math.max(0, p.signalled)).sum();
          assertTrue(together <= limitA + 1e-9, () -> "the pilots offer " + together + " A together, over " + limitA + " A: " + commands);
        };
      }
      h.online();
      commands.clear();
    }

    /** An EV is plugged in, its driver's card starts the transaction, and the EV asks for energy. */
    void arrive(int id) {
      pilot(id).ev(PilotState.B);
      h.run();
      h.card("CARD-" + id);
      pilot(id).ev(PilotState.C);
      h.run();
    }

    void pause(int id) {
      pilot(id).ev(PilotState.B);
      h.run();
    }

    void resume(int id) {
      pilot(id).ev(PilotState.C);
      h.run();
    }

    /** The driver's card ends the transaction, and the EV is unplugged. */
    void leave(int id) {
      h.card("CARD-" + id);
      pilot(id).ev(PilotState.A);
      h.run();
    }

    /** The meter of connector {@code id} sees the EV draw {@code amperes} on its phase at 230 V. */
    void draws(int id, double amperes) {
      FakeHardware.FakeMeter meter = h.meters.get(id - 1);
      meter.read(meter.energyWh + 1, amperes * 230);
      h.run();
    }

    /** The EVs on {@code ids} draw all they are offered for {@code duration}. */
    void chargeFor(Duration duration, int... ids) {
      for (int id : ids) {
        draws(id, offers().get(id - 1));
      }
      h.advance(duration);
    }

    FakePilot pilot(int id) {
      return h.pilots.get(id - 1);
    }

    List<Double> offers() {
      return h.pilots.stream().map(p -> Math.max(0, p.signalled)).toList();
    }

    /** The commands since the last call. */
    List<String> commandsSinceLast() {
      List<String> since = List.copyOf(commands);
      commands.clear();
      return since;
    }
  }

  private static ChargingProfile chargePointMax(Harness h, double amperes) {
    return new ChargingProfile(7, Optional.empty(), 2, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, ChargingProfileKindType.ABSOLUTE,
        Optional.empty(), Optional.empty(), Optional.empty(), new ChargingSchedule(Optional.empty(), Optional.of(h.time.now()),
            ChargingRateUnitType.A, List.of(new ChargingSchedulePeriod(0, amperes, Optional.empty())), Optional.empty()));
  }

  private static final String SHARE_OF_16 = "share of 16.0 A among 2 connectors (charge point maximum profile 7 on connector 0,"
      + " stack level 2, period 0 from 0 s: 16.0 A)";

  /**
   * Two 16 A connectors under a 16 A ChargePointMaxProfile. Fails where each connector got the whole profile: the
   * second EV would be offered 16 A beside the first one's 16 A.
   */
  @Test
  void twoEvsUnderA16AmpereChargePointMaxProfileDrawSixteenTogether() {
    Station s = new Station(2, 16, b -> {});
    assertEquals(ChargingProfileStatus.ACCEPTED, s.h.callOk(new SetChargingProfileRequest(0, chargePointMax(s.h, 16))).status());

    s.arrive(1);
    assertEquals(List.of("1=16.0"), s.commandsSinceLast(), "alone, the EV gets all the connector carries");
    s.arrive(2);
    assertEquals(List.of("1=10.0", "2=6.0", "1=8.0", "2=8.0"), s.commandsSinceLast(),
        "plugged in, the second EV gets the pilot's 6 A to ask with; asking, half; each time the first one is lowered first");
    s.pause(1);
    assertEquals(List.of("1=6.0", "2=10.0"), s.commandsSinceLast(), "the paused EV keeps 6 A and gives the rest back");
    s.resume(1);
    assertEquals(List.of("2=8.0", "1=8.0"), s.commandsSinceLast());
    s.leave(2);
    assertEquals(List.of("2=0.0", "1=16.0"), s.commandsSinceLast());

    assertEquals(List.of("1:16.0: 16.0 A: hardware rating 16.0 A",
        "1:10.0: 10.0 A: " + SHARE_OF_16,
        "2:6.0: 6.0 A: the EV paused and keeps the pilot's 6.0 A to resume with",
        "1:8.0: 8.0 A: " + SHARE_OF_16,
        "2:8.0: 8.0 A: " + SHARE_OF_16,
        "1:6.0: 6.0 A: the EV paused and keeps the pilot's 6.0 A to resume with",
        "2:10.0: 10.0 A: " + SHARE_OF_16,
        "2:8.0: 8.0 A: " + SHARE_OF_16,
        "1:8.0: 8.0 A: " + SHARE_OF_16,
        "2:0.0: 0.0 A: the EV does not ask for energy",
        "1:16.0: 16.0 A: hardware rating 16.0 A"), s.h.offerChanges);
    assertEquals("16.0 A: hardware rating 16.0 A", s.h.connector(1).offerExplanation());
    assertEquals(16.0, s.h.connector(1).offeredA());
  }

  /**
   * Three 16 A connectors behind a 20 A installation limit the builder sets, no profile at all. An EV that draws
   * less than its offer gives the rest to the others once it had time to take it.
   */
  @Test
  void threeEvsShareTheInstallationLimitAndOneThatDrawsLittleGivesItsShareBack() {
    Station s = new Station(3, 20, b -> b.installationLimit(20));

    s.arrive(1);
    assertEquals(List.of("1=16.0"), s.commandsSinceLast());
    s.arrive(2);
    assertEquals(List.of("1=14.0", "2=6.0", "1=10.0", "2=10.0"), s.commandsSinceLast());
    s.arrive(3);
    assertEquals(List.of("1=7.0", "2=7.0", "3=6.0", "1=6.6", "2=6.6", "3=6.6"), s.commandsSinceLast(),
        "20 A / 3 = 6.67 A, rounded down to 6.6 A so that the three never exceed 20 A");

    s.draws(1, 6.6);
    s.draws(2, 6.6);
    s.h.advance(Duration.ofSeconds(10));
    s.draws(3, 1);
    assertEquals(List.of("3=6.0", "1=7.0", "2=7.0"), s.commandsSinceLast(),
        "the EV drawing 1 A keeps 1 A + 1 A headroom, raised to the pilot's 6 A; the others get (20 - 6) / 2");
    assertEquals("6.0 A: the EV draws only 1.0 A", s.h.connector(3).offerExplanation());

    s.pause(2);
    assertEquals(List.of("2=6.0", "1=8.0"), s.commandsSinceLast());
    s.leave(1);
    assertEquals(List.of("1=0.0", "2=14.0"), s.commandsSinceLast(),
        "with no EV asking held back, the paused one may have all that is left");
  }

  /**
   * Three 16 A connectors under one 24 A ChargePointMaxProfile, over half an hour of virtual time: EVs arrive, one
   * pauses and resumes, two leave. Every pilot command is checked against the 24 A.
   */
  @Test
  void threeEvsUnderOneChargePointMaxProfileArrivePauseAndLeave() {
    Station s = new Station(3, 24, b -> {});
    assertEquals(ChargingProfileStatus.ACCEPTED, s.h.callOk(new SetChargingProfileRequest(0, chargePointMax(s.h, 24))).status());

    s.arrive(1);
    assertEquals(List.of(16.0, 0.0, 0.0), s.offers(), "alone, the EV gets its connector's rating");
    s.chargeFor(Duration.ofMinutes(5), 1);
    s.arrive(2);
    assertEquals(List.of(12.0, 12.0, 0.0), s.offers());
    s.arrive(3);
    assertEquals(List.of(8.0, 8.0, 8.0), s.offers(), "24 A in three");
    s.chargeFor(Duration.ofMinutes(10), 1, 2, 3);
    s.pause(2);
    assertEquals(List.of(9.0, 6.0, 9.0), s.offers(), "the paused EV keeps the pilot's 6 A; the others share the 18 A left");
    s.leave(1);
    assertEquals(List.of(0.0, 6.0, 16.0), s.offers(), "18 A left, but the connector carries 16 A");
    s.chargeFor(Duration.ofMinutes(10), 3);
    s.resume(2);
    assertEquals(List.of(0.0, 12.0, 12.0), s.offers());
    s.leave(3);
    assertEquals(List.of(0.0, 16.0, 0.0), s.offers());
    s.chargeFor(Duration.ofMinutes(5), 2);
    assertEquals(List.of(0.0, 16.0, 0.0), s.offers(), "an EV that draws its offer keeps it");
  }

  /** A manufacturer's strategy in place of equal sharing: connector 2 first, whatever arrived earlier. */
  @Test
  void theSharingStrategyIsTheBuildersToReplace() {
    SharingStrategy connectorTwoFirst = (availableA, claims) -> {
      double[] left = {availableA};
      Map<Integer, Double> given = new HashMap<>();
      claims.stream().sorted(Comparator.comparing((SharingStrategy.Claim c) -> c.connectorId() != 2)).forEach(c -> {
        double share = Math.min(c.ceilingA(), left[0]);
        left[0] -= share;
        given.put(c.connectorId(), share);
      });
      return claims.stream().map(c -> given.get(c.connectorId())).toList();
    };
    Station s = new Station(2, 16, b -> b.sharingStrategy(connectorTwoFirst));
    s.h.callOk(new SetChargingProfileRequest(0, chargePointMax(s.h, 16)));

    s.arrive(1);
    s.arrive(2);
    assertEquals(List.of("1=16.0", "1=10.0", "2=6.0", "1=0.0", "2=16.0"), s.commandsSinceLast(),
        "connector 2 takes all 16 A once it asks; the 0 A left cannot be signalled, so connector 1 waits");
    assertEquals("0.0 A: waiting: 16.0 A cannot give one more EV the pilot's minimum (charge point maximum profile 7 on connector 0,"
        + " stack level 2, period 0 from 0 s: 16.0 A)", s.h.connector(1).offerExplanation());
    s.leave(2);
    assertEquals(List.of("2=0.0", "1=16.0"), s.commandsSinceLast());
  }
}
