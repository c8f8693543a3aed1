package dev.kilowatt.examples;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.message.SetChargingProfileResponse;
import dev.kilowatt.core.smartcharging.ScheduleChart;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * Shows what charging profiles do: installs a TxDefaultProfile and a ChargePointMaxProfile on a simulated
 * charger, charges an EV for two and a half hours of virtual time, and draws the composite schedule the
 * charge point reports next to the current its pilot really offered, minute by minute, with why it changed each time.
 *
 * <pre>java -cp examples/target/kilowatt-simulator.jar dev.kilowatt.examples.SmartChargingChart</pre>
 */
public final class SmartChargingChart {

  static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
  static final Duration SESSION = Duration.ofMinutes(150);

  /** The composite schedule reported at the start, the offered current sampled every minute, and why it changed. */
  record Outcome(ChargingSchedule composite, List<Double> offeredPerMinute, List<ScheduleChart.Reason> reasons, double energyWh) {}

  private SmartChargingChart() {}

  /**
   * Runs the demonstration and prints the chart.
   *
   * @param args the command line; {@code --help} lists its options
   */
  public static void main(String[] args) {
    System.exit(CommandLines.of(new Main()).execute(args));
  }

  /** The chart takes no options but the usual {@code --help} and {@code --version}; anything else is refused. */
  @Command(name = "SmartChargingChart", mixinStandardHelpOptions = true, versionProvider = KilowattVersion.class,
      description = "Charges a simulated EV for 2.5 h of virtual time under smart charging profiles and draws the schedules.")
  static final class Main implements Runnable {
    @Override
    public void run() {
      print(SmartChargingChart.run());
    }
  }

  private static void print(Outcome outcome) {
    System.out.println("Composite schedule of connector 1 (GetCompositeSchedule, A):");
    System.out.println(ScheduleChart.render(outcome.composite(), 75, 8));
    System.out.println("Current the control pilot offered (A), sampled every minute, and why it changed:");
    System.out.println(ScheduleChart.render(asSchedule(outcome.offeredPerMinute()), outcome.reasons(), 75, 8));
    System.out.printf("Energy delivered: %.0f Wh. Below 6 A the charger suspends (SuspendedEVSE) and resumes when the limit rises.%n",
        outcome.energyWh());
  }

  static Outcome run() {
    VirtualTime time = new VirtualTime(START);
    ScriptedCentralSystem centralSystem = new ScriptedCentralSystem(time::now);
    SimulatedConnector connector = new SimulatedConnector(time, SimulatedConnector.Settings.defaults().withMeterPollInterval(Duration.ofSeconds(10)));
    SimulatedRfidReader reader = new SimulatedRfidReader();
    List<ScheduleChart.Reason> reasons = new ArrayList<>();
    ChargePoint chargePoint = ChargePoint.builder(time, new InMemoryStorage(), centralSystem, kind -> {
          throw new IllegalStateException("nothing in this demo reboots");
        })
        .storageWriter(Runnable::run)
        .identity(ChargePointIdentity.of("Kilowatt", "ChartDemo"))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .rfidReader(reader)
        .listener(new ChargePointListener() {
          @Override
          public void onOfferChanged(int connectorId, double amperes, String explanation) {
            reasons.add(new ScheduleChart.Reason(Math.max(0, Duration.between(START, time.now()).toSeconds()), explanation));
          }
        })
        .build();
    chargePoint.start();
    time.runPending();
    centralSystem.goOnline();
    time.runPending();

    install(time, centralSystem, 0, profile(1, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
        period(0, 16), period(30 * 60, 10), period(60 * 60, 4), period(80 * 60, 8), period(120 * 60, 16)));
    install(time, centralSystem, 0, profile(2, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE,
        period(0, 16), period(100 * 60, 12)));

    connector.ev().plug();
    reader.present("CHART-DEMO");
    connector.ev().requestEnergy();
    time.runPending();

    String compositeCall = centralSystem.call(new GetCompositeScheduleRequest(1, (int) SESSION.toSeconds(), Optional.of(ChargingRateUnitType.A)));
    time.runPending();
    ChargingSchedule composite = centralSystem.replyTo(compositeCall, GetCompositeScheduleResponse.class).chargingSchedule().orElseThrow();

    List<Double> offered = new ArrayList<>();
    for (int minute = 0; minute < SESSION.toMinutes(); minute++) {
      offered.add(connector.pilot().offeredAmperes());
      time.advance(Duration.ofMinutes(1));
    }
    double energy = connector.meter().energyWh();
    chargePoint.stop();
    time.runPending();
    connector.close();
    return new Outcome(composite, offered, List.copyOf(reasons), energy);
  }

  private static void install(VirtualTime time, ScriptedCentralSystem centralSystem, int connectorId, ChargingProfile profile) {
    String call = centralSystem.call(new SetChargingProfileRequest(connectorId, profile));
    time.runPending();
    ChargingProfileStatus status = centralSystem.replyTo(call, SetChargingProfileResponse.class).status();
    if (status != ChargingProfileStatus.ACCEPTED) {
      throw new IllegalStateException("profile " + profile.chargingProfileId() + " was " + status);
    }
  }

  private static ChargingProfile profile(int id, ChargingProfilePurposeType purpose, ChargingSchedulePeriod... periods) {
    return new ChargingProfile(id, Optional.empty(), 0, purpose, ChargingProfileKindType.ABSOLUTE, Optional.empty(), Optional.empty(),
        Optional.empty(), new ChargingSchedule(Optional.empty(), Optional.of(START), ChargingRateUnitType.A, List.of(periods), Optional.empty()));
  }

  private static ChargingSchedulePeriod period(int startSeconds, double amperes) {
    return new ChargingSchedulePeriod(startSeconds, amperes, Optional.empty());
  }

  /** Minute samples as a schedule, so the same chart draws both. */
  static ChargingSchedule asSchedule(List<Double> perMinute) {
    List<ChargingSchedulePeriod> periods = new ArrayList<>();
    for (int minute = 0; minute < perMinute.size(); minute++) {
      double value = perMinute.get(minute);
      if (periods.isEmpty() || periods.getLast().limit() != value) {
        periods.add(new ChargingSchedulePeriod(minute * 60, value, Optional.empty()));
      }
    }
    return new ChargingSchedule(Optional.of(perMinute.size() * 60), Optional.of(START), ChargingRateUnitType.A, periods, Optional.empty());
  }
}
