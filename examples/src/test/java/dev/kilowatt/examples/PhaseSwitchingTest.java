package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.message.SetChargingProfileResponse;
import dev.kilowatt.core.port.PhaseSwitch;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedPhaseSwitch;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A three-phase 16 A wallbox with a 1/3-phase switch: the numberPhases of the charging schedule moves the switch, and
 * the EV then draws on the phases it allows (OCPP 1.6 section 3.13.4; the key ConnectorSwitch3to1PhaseSupported says
 * the charger can).
 */
class PhaseSwitchingTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private static ChargingSchedulePeriod period(int start, double amperes, Optional<Integer> phases) {
    return new ChargingSchedulePeriod(start, amperes, phases);
  }

  @Test
  void numberPhasesOfTheScheduleSwitchesBetweenThreePhasesAndOne() {
    VirtualTime time = new VirtualTime(START);
    ScriptedCentralSystem centralSystem = new ScriptedCentralSystem(time::now);
    SimulatedConnector connector = new SimulatedConnector(time, SimulatedConnector.Settings.defaults().withPhases(3));
    SimulatedPhaseSwitch phaseSwitch = connector.phaseSwitch().orElseThrow();
    // what the switch was told, and whether the relay was closed at that moment
    List<String> commands = new ArrayList<>();
    PhaseSwitch watched = new PhaseSwitch() {
      @Override
      public void start(Listener listener) {
        phaseSwitch.start(listener);
      }

      @Override
      public void switchTo(int phases) {
        commands.add(phases + (connector.relay().isClosed() ? " under load" : " with the relay open"));
        phaseSwitch.switchTo(phases);
      }
    };
    SimulatedRfidReader reader = new SimulatedRfidReader();
    ChargePoint chargePoint = ChargePoint.builder(time, new InMemoryStorage(), centralSystem, kind -> {
          throw new IllegalStateException("nothing reboots here");
        })
        .storageWriter(Runnable::run)
        .identity(ChargePointIdentity.of("Kilowatt", "Wallbox11"))
        .connector(new ConnectorHardware(connector.relay(), connector.pilot(), connector.meter(), 16, 3, true).withPhaseSwitch(watched))
        .rfidReader(reader)
        .build();
    chargePoint.start();
    time.runPending();
    centralSystem.goOnline();
    time.runPending();

    String keys = centralSystem.call(new GetConfigurationRequest(List.of("ConnectorSwitch3to1PhaseSupported")));
    time.runPending();
    assertEquals(Optional.of("true"),
        centralSystem.replyTo(keys, GetConfigurationResponse.class).configurationKey().getFirst().value());

    // 16 A on three phases for 10 minutes, 16 A on one for 10 more, then 10 A without numberPhases: three, the default
    ChargingProfile profile = new ChargingProfile(1, Optional.empty(), 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
        ChargingProfileKindType.ABSOLUTE, Optional.empty(), Optional.empty(), Optional.empty(), new ChargingSchedule(Optional.empty(),
            Optional.of(START), ChargingRateUnitType.A,
            List.of(period(0, 16, Optional.of(3)), period(600, 16, Optional.of(1)), period(1200, 10, Optional.empty())), Optional.empty()));
    String set = centralSystem.call(new SetChargingProfileRequest(0, profile));
    time.runPending();
    assertEquals(ChargingProfileStatus.ACCEPTED, centralSystem.replyTo(set, SetChargingProfileResponse.class).status());

    connector.ev().plug();
    reader.present("WALLBOX");
    connector.ev().requestEnergy();
    time.runPending();
    assertEquals(3, phaseSwitch.phases());
    assertDraws(connector, 16, 3);

    time.advance(Duration.ofSeconds(600));
    assertEquals(1, phaseSwitch.phases());
    assertDraws(connector, 16, 1);

    time.advance(Duration.ofSeconds(600));
    assertEquals(3, phaseSwitch.phases());
    assertDraws(connector, 10, 3);
    assertEquals(List.of("3 with the relay open", "1 with the relay open", "3 with the relay open"), commands,
        "sent once at boot, as its position is not known, then on each change; never under load");

    chargePoint.stop();
    time.runPending();
    connector.close();
  }

  /** The EV draws what the pilot offers (the duty cycle resolves it to within 0.6 A) on {@code phases} phases of 230 V. */
  private static void assertDraws(SimulatedConnector connector, double amperes, int phases) {
    double offered = connector.pilot().offeredAmperes();
    assertEquals(amperes, offered, 0.6);
    assertEquals(230 * offered * phases, connector.meter().powerW(), 1e-6);
  }
}
