package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.ClearChargingProfileRequest;
import dev.kilowatt.core.message.ClearChargingProfileStatus;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.message.GetCompositeScheduleStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Smart charging as the driver feels it: what the pilot offers, and when. */
class SmartChargingTest {

  private static ChargingProfile profile(int id, ChargingProfilePurposeType purpose, int stackLevel, ChargingProfileKindType kind,
      Optional<Instant> start, ChargingRateUnitType unit, ChargingSchedulePeriod... periods) {
    return new ChargingProfile(id, Optional.empty(), stackLevel, purpose, kind, Optional.empty(), Optional.empty(), Optional.empty(),
        new ChargingSchedule(Optional.empty(), start, unit, List.of(periods), Optional.empty()));
  }

  private static ChargingSchedulePeriod period(int start, double limit) {
    return new ChargingSchedulePeriod(start, limit, Optional.empty());
  }

  private static ChargingProfileStatus set(Harness h, int connectorId, ChargingProfile profile) {
    return h.callOk(new SetChargingProfileRequest(connectorId, profile)).status();
  }

  private static Harness charging() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("CARD");
    return h;
  }

  @Test
  void txDefaultProfileLimitsThePilotAndFollowsItsPeriods() {
    Harness h = new Harness().online();
    Instant start = h.time.now();
    assertEquals(ChargingProfileStatus.ACCEPTED, set(h, 0, profile(1, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, 0,
        ChargingProfileKindType.ABSOLUTE, Optional.of(start), ChargingRateUnitType.A, period(0, 10), period(600, 4), period(1200, 8))));
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(10.0, h.pilot().signalled);
    assertTrue(h.relay().closed);

    h.advance(Duration.ofSeconds(599));
    assertEquals(10.0, h.pilot().signalled);
    h.advance(Duration.ofSeconds(1));
    assertEquals(0.0, h.pilot().signalled, "4 A cannot be signalled: charging is suspended");
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.SUSPENDED_EVSE, h.status());

    h.advance(Duration.ofSeconds(600));
    assertEquals(8.0, h.pilot().signalled, "resumes when the limit rises");
    assertTrue(h.relay().closed);
    assertEquals(ChargePointStatus.CHARGING, h.status());
  }

  @Test
  void limitsInWattsAreConvertedWithTheNominalVoltage() {
    Harness h = new Harness().online();
    set(h, 0, profile(1, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, 0, ChargingProfileKindType.ABSOLUTE,
        Optional.of(h.time.now()), ChargingRateUnitType.W, period(0, 2_300)));
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(10.0, h.pilot().signalled, 0.01);
  }

  @Test
  void txProfileNeedsARunningTransactionAndEndsWithIt() {
    Harness h = new Harness().online();
    ChargingProfile tx = profile(5, ChargingProfilePurposeType.TX_PROFILE, 0, ChargingProfileKindType.RELATIVE, Optional.empty(),
        ChargingRateUnitType.A, period(0, 12));
    assertEquals(ChargingProfileStatus.REJECTED, set(h, 1, tx));
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(ChargingProfileStatus.ACCEPTED, set(h, 1, tx));
    assertEquals(12.0, h.pilot().signalled);
    h.card("CARD");
    h.ev(PilotState.A);
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(16.0, h.pilot().signalled, "the TxProfile ended with its transaction");
  }

  @Test
  void clearingRestoresTheFullCurrent() {
    Harness h = charging();
    set(h, 0, profile(3, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, 1, ChargingProfileKindType.ABSOLUTE, Optional.of(h.time.now()),
        ChargingRateUnitType.A, period(0, 7)));
    assertEquals(7.0, h.pilot().signalled);
    assertEquals(ClearChargingProfileStatus.UNKNOWN,
        h.callOk(new ClearChargingProfileRequest(Optional.of(99), Optional.empty(), Optional.empty(), Optional.empty())).status());
    assertEquals(ClearChargingProfileStatus.ACCEPTED,
        h.callOk(new ClearChargingProfileRequest(Optional.of(3), Optional.empty(), Optional.empty(), Optional.empty())).status());
    assertEquals(16.0, h.pilot().signalled);
  }

  @Test
  void compositeScheduleInAmperesAndWatts() {
    Harness h = charging();
    set(h, 0, profile(1, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, 0, ChargingProfileKindType.ABSOLUTE, Optional.of(h.time.now()),
        ChargingRateUnitType.A, period(0, 10), period(3600, 6)));
    GetCompositeScheduleResponse amps = h.callOk(new GetCompositeScheduleRequest(1, 7200, Optional.of(ChargingRateUnitType.A)));
    assertEquals(GetCompositeScheduleStatus.ACCEPTED, amps.status());
    assertEquals(Optional.of(h.time.now()), amps.scheduleStart());
    List<ChargingSchedulePeriod> periods = amps.chargingSchedule().orElseThrow().chargingSchedulePeriod();
    assertEquals(List.of(0, 3600), periods.stream().map(ChargingSchedulePeriod::startPeriod).toList());
    assertEquals(List.of(10.0, 6.0), periods.stream().map(ChargingSchedulePeriod::limit).toList());

    GetCompositeScheduleResponse watts = h.callOk(new GetCompositeScheduleRequest(1, 7200, Optional.of(ChargingRateUnitType.W)));
    assertEquals(2_300.0, watts.chargingSchedule().orElseThrow().chargingSchedulePeriod().get(0).limit(), 0.1);
    assertEquals(GetCompositeScheduleStatus.REJECTED, h.callOk(new GetCompositeScheduleRequest(9, 60, Optional.empty())).status());
  }

  @Test
  void remoteStartWithATxProfileInstallsItForTheTransaction() {
    Harness h = new Harness().online();
    ChargingProfile tx = profile(8, ChargingProfilePurposeType.TX_PROFILE, 0, ChargingProfileKindType.RELATIVE, Optional.empty(),
        ChargingRateUnitType.A, period(0, 9));
    assertEquals(RemoteStartStopStatus.ACCEPTED,
        h.callOk(new RemoteStartTransactionRequest(Optional.of(1), "REMOTE", Optional.of(tx))).status());
    h.ev(PilotState.C);
    assertEquals(9.0, h.pilot().signalled);

    Harness other = new Harness().online();
    ChargingProfile notTx = profile(9, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, 0, ChargingProfileKindType.RELATIVE,
        Optional.empty(), ChargingRateUnitType.A, period(0, 9));
    assertEquals(RemoteStartStopStatus.REJECTED,
        other.callOk(new RemoteStartTransactionRequest(Optional.of(1), "REMOTE", Optional.of(notTx))).status());
  }

  /** TC_059_CS: the TxProfile of a remote start is what GetCompositeSchedule reports for the transaction, from now. */
  @Test
  void theRemoteStartsTxProfileIsTheCompositeSchedule() {
    Harness h = new Harness().online();
    ChargingProfile tx = profile(8, ChargingProfilePurposeType.TX_PROFILE, 0, ChargingProfileKindType.RELATIVE, Optional.empty(),
        ChargingRateUnitType.A, period(0, 6), period(300, 10));
    h.callOk(new RemoteStartTransactionRequest(Optional.of(1), "REMOTE", Optional.of(tx)));
    h.ev(PilotState.C);
    h.advance(Duration.ofSeconds(60));

    GetCompositeScheduleResponse composite = h.callOk(new GetCompositeScheduleRequest(1, 600, Optional.of(ChargingRateUnitType.A)));
    assertEquals(GetCompositeScheduleStatus.ACCEPTED, composite.status());
    assertEquals(Optional.of(1), composite.connectorId());
    assertEquals(Optional.of(h.time.now()), composite.scheduleStart());
    ChargingSchedule schedule = composite.chargingSchedule().orElseThrow();
    assertEquals(Optional.of(600), schedule.duration());
    assertEquals(ChargingRateUnitType.A, schedule.chargingRateUnit());
    assertEquals(List.of(0, 240), schedule.chargingSchedulePeriod().stream().map(ChargingSchedulePeriod::startPeriod).toList(),
        "the profile started with the transaction a minute ago");
    assertEquals(List.of(6.0, 10.0), schedule.chargingSchedulePeriod().stream().map(ChargingSchedulePeriod::limit).toList());
  }

  @Test
  void profilesSurviveARebootAndTheKeysTellTheLimits() {
    Harness h = new Harness().online();
    set(h, 0, profile(1, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, 0, ChargingProfileKindType.ABSOLUTE, Optional.of(h.time.now()),
        ChargingRateUnitType.A, period(0, 11)));
    h.restart();
    h.cs.goOnline();
    h.run();
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(11.0, h.pilot().signalled);
    GetConfigurationResponse keys = h.callOk(new GetConfigurationRequest(List.of("ChargeProfileMaxStackLevel",
        "ChargingScheduleAllowedChargingRateUnit", "ChargingScheduleMaxPeriods", "MaxChargingProfilesInstalled")));
    assertEquals(List.of("8", "Current,Power", "24", "16"), keys.configurationKey().stream().map(KeyValue::value).map(Optional::orElseThrow).toList());
    GetConfigurationResponse profiles = h.callOk(new GetConfigurationRequest(List.of("SupportedFeatureProfiles")));
    assertTrue(profiles.configurationKey().get(0).value().orElseThrow().contains("SmartCharging"));
  }

  private static List<String> periods(GetCompositeScheduleResponse response) {
    return response.chargingSchedule().orElseThrow().chargingSchedulePeriod().stream()
        .map(p -> p.startPeriod() + "=" + p.limit() + "/" + p.numberPhases().orElseThrow()).toList();
  }

  /**
   * Section 5.7: for connector 0 the charge point reports the total energy flow it expects. Two 16 A single-phase
   * connectors under a 20 A ChargePointMaxProfile; connector 1 charges under a Relative TxProfile of 8 A, then 12 A
   * from 600 s; connector 2 under a 10 A TxDefaultProfile. Expected: 8 + 10 = 18 A, then 12 + 10 = 22 A cut to the
   * 20 A of the profile; in W, 18 × 230 = 4 140 W, then 20 × 230 = 4 600 W. Fails where connector 0 gave the
   * ChargePointMaxProfile alone (20 A throughout).
   */
  @Test
  void connectorZerosCompositeIsTheExpectedConsumptionOfTheRunningTransactions() {
    Harness h = new Harness(2).online();
    Instant now = h.time.now();
    GetCompositeScheduleResponse idle = h.callOk(new GetCompositeScheduleRequest(0, 1200, Optional.of(ChargingRateUnitType.A)));
    assertEquals(GetCompositeScheduleStatus.ACCEPTED, idle.status());
    assertEquals(List.of("0=0.0/1"), periods(idle), "nothing runs, nothing is expected to flow");
    set(h, 0, profile(1, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, 0, ChargingProfileKindType.ABSOLUTE, Optional.of(now),
        ChargingRateUnitType.A, period(0, 20)));
    set(h, 0, profile(2, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, 0, ChargingProfileKindType.ABSOLUTE, Optional.of(now),
        ChargingRateUnitType.A, period(0, 10)));
    for (int id = 1; id <= 2; id++) {
      h.pilots.get(id - 1).ev(PilotState.C);
      h.card("CARD-" + id);
    }
    assertEquals(ChargingProfileStatus.ACCEPTED, set(h, 1, profile(3, ChargingProfilePurposeType.TX_PROFILE, 0,
        ChargingProfileKindType.RELATIVE, Optional.empty(), ChargingRateUnitType.A, period(0, 8), period(600, 12))));

    assertEquals(List.of("0=18.0/1", "600=20.0/1"),
        periods(h.callOk(new GetCompositeScheduleRequest(0, 1200, Optional.of(ChargingRateUnitType.A)))));
    assertEquals(List.of("0=4140.0/1", "600=4600.0/1"),
        periods(h.callOk(new GetCompositeScheduleRequest(0, 1200, Optional.of(ChargingRateUnitType.W)))));
    assertEquals(List.of("0=8.0/1", "600=12.0/1"),
        periods(h.callOk(new GetCompositeScheduleRequest(1, 1200, Optional.of(ChargingRateUnitType.A)))));
  }

  /**
   * Section 3.13.4: minChargingRate helps the central system balance; it is no floor. An 8 A TxDefaultProfile with a
   * minChargingRate of 10 A offers 8 A (where the limit became 0 before, and the EV was suspended); a 4 A period
   * offers nothing because the pilot cannot signal less than 6 A, and says so.
   */
  @Test
  void aLimitBelowMinChargingRateIsOfferedAndOnlyThePilotsMinimumStopsCharging() {
    Harness h = new Harness().online();
    set(h, 0, new ChargingProfile(4, Optional.empty(), 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, ChargingProfileKindType.ABSOLUTE,
        Optional.empty(), Optional.empty(), Optional.empty(), new ChargingSchedule(Optional.empty(), Optional.of(h.time.now()),
            ChargingRateUnitType.A, List.of(period(0, 8), period(600, 4)), Optional.of(10.0))));
    h.ev(PilotState.C);
    h.card("CARD");
    assertEquals(8.0, h.pilot().signalled);
    assertEquals(ChargePointStatus.CHARGING, h.status());
    assertEquals("8.0 A: transaction default profile 4 on connector 0, stack level 0, period 0 from 0 s: 8.0 A",
        h.connector(1).offerExplanation());

    h.advance(Duration.ofSeconds(600));
    assertEquals(0.0, h.pilot().signalled);
    assertEquals(ChargePointStatus.SUSPENDED_EVSE, h.status());
    assertEquals("0.0 A: 4.0 A is below the pilot's 6.0 A (transaction default profile 4 on connector 0, stack level 0, period 1"
        + " from 600 s: 4.0 A)", h.connector(1).offerExplanation());
  }

  /**
   * A W limit without numberPhases counts on 3 phases (the spec's default), at most the connector's one: on this
   * single-phase 16 A connector 2 760 W are 2 760 / 230 = 12 A.
   */
  @Test
  void wattsWithoutNumberPhasesOnASinglePhaseConnectorConvertOnItsOnePhase() {
    Harness h = charging();
    set(h, 1, profile(6, ChargingProfilePurposeType.TX_PROFILE, 0, ChargingProfileKindType.RELATIVE, Optional.empty(),
        ChargingRateUnitType.W, period(0, 2_760)));
    assertEquals(12.0, h.pilot().signalled);
    assertEquals("12.0 A: transaction profile 6 on connector 1, stack level 0, period 0 from 0 s: 2760.0 W on 1 phase",
        h.connector(1).offerExplanation());
  }
}
