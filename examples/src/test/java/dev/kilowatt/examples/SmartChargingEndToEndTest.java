package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileRequest;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleRequest;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Smart Charging test cases of the OCA OCPP 1.6 compliance test document that apply to this device
 * (one single-phase 16 A connector), end to end against the ChargeTime central system: what the charge
 * point answers, and that the current it offers the EV follows the profiles.
 */
class SmartChargingEndToEndTest extends EndToEndFixture {

  private static final double RATED_A = SimulatedChargerModule.CONNECTOR_MAX_CURRENT_A;

  @Test
  @DisplayName("TC_056_CS Central smart charging - TxDefaultProfile: Accepted, and the next transaction is offered its limit")
  void tc056TxDefaultProfile() {
    boot();
    assertEquals(ChargingProfileStatus.Accepted, setProfile(1, absolute(1, ChargingProfilePurposeType.TxDefaultProfile, period(0, 10))));
    startCharging();
    awaitOffered(10);
  }

  @Test
  @DisplayName("TC_057_CS / TC_058_1_CS Central smart charging - TxProfile: refused without a transaction, followed during one (Current.Offered)")
  void tc057TxProfile() {
    boot(settings().withConfiguration("MeterValueSampleInterval", "1").withConfiguration("MeterValuesSampledData", "Current.Offered"));
    ChargingProfile beforeTransaction = relative(2, ChargingProfilePurposeType.TxProfile, period(0, 8));
    assertEquals(ChargingProfileStatus.Rejected, setProfile(1, beforeTransaction), "a TxProfile needs a running transaction");

    StartTransactionRequest start = startCharging();
    awaitOffered(RATED_A);
    ChargingProfile during = relative(2, ChargingProfilePurposeType.TxProfile, period(0, 8));
    during.setTransactionId(centralSystem.transactionIdOf(start));
    assertEquals(ChargingProfileStatus.Accepted, setProfile(1, during));
    awaitOffered(8);
    MeterValuesRequest sample = centralSystem.next(MeterValuesRequest.class, m -> offeredIn(m).filter(a -> a == 8).isPresent());
    assertEquals(centralSystem.transactionIdOf(start), sample.getTransactionId());
  }

  @Test
  @DisplayName("TC_058_2_CS Central smart charging - wrong transactionId: a TxProfile for another transaction is Rejected")
  void txProfileForAnotherTransactionIsRejected() {
    boot();
    StartTransactionRequest start = startCharging();
    ChargingProfile wrong = relative(3, ChargingProfilePurposeType.TxProfile, period(0, 8));
    wrong.setTransactionId(centralSystem.transactionIdOf(start) + 100);
    assertEquals(ChargingProfileStatus.Rejected, setProfile(1, wrong));
    awaitOffered(RATED_A);
  }

  @Test
  @DisplayName("TC_059_CS Remote start transaction with charging profile: the transaction is offered the profile's limit")
  void tc059RemoteStartWithChargingProfile() {
    boot();
    RemoteStartTransactionRequest request = new RemoteStartTransactionRequest(CARD);
    request.setConnectorId(1);
    request.setChargingProfile(relative(4, ChargingProfilePurposeType.TxProfile, period(0, 6)));
    RemoteStartTransactionConfirmation answer = centralSystem.call(request);
    assertEquals(RemoteStartStopStatus.Accepted, answer.getStatus());

    plugInAndCharge();
    awaitStartedAndCharging();
    awaitOffered(6);
  }

  @Test
  @DisplayName("TC_066_CS Get composite schedule: the installed TxDefaultProfile's periods, from now; unknown connector Rejected")
  void tc066GetCompositeSchedule() {
    boot();
    ChargingProfile profile = absolute(5, ChargingProfilePurposeType.TxDefaultProfile, period(0, 12), period(120, 8));
    profile.getChargingSchedule().setStartSchedule(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60));
    assertEquals(ChargingProfileStatus.Accepted, setProfile(1, profile));

    GetCompositeScheduleRequest request = new GetCompositeScheduleRequest(1, 600);
    request.setChargingRateUnit(eu.chargetime.ocpp.model.smartcharging.ChargingRateUnitType.A);
    GetCompositeScheduleConfirmation answer = centralSystem.call(request);
    assertEquals(GetCompositeScheduleStatus.Accepted, answer.getStatus());
    assertEquals(1, answer.getConnectorId());
    List<ChargingSchedulePeriod> periods = Arrays.asList(answer.getChargingSchedule().getChargingSchedulePeriod());
    assertEquals(List.of(12.0, 8.0), periods.stream().map(ChargingSchedulePeriod::getLimit).toList());
    assertEquals(0, periods.get(0).getStartPeriod());
    int second = periods.get(1).getStartPeriod();
    assertTrue(second > 50 && second <= 61, "the 8 A period starts about a minute from now: " + second);
    assertEquals(ChargingRateUnitType.A, answer.getChargingSchedule().getChargingRateUnit());

    GetCompositeScheduleConfirmation unknown = centralSystem.call(new GetCompositeScheduleRequest(2, 600));
    assertEquals(GetCompositeScheduleStatus.Rejected, unknown.getStatus());
  }

  @Test
  @DisplayName("TC_067_CS Clear charging profile: the running transaction is offered the full current again; clearing it twice is Unknown")
  void tc067ClearChargingProfile() {
    boot();
    assertEquals(ChargingProfileStatus.Accepted, setProfile(1, absolute(6, ChargingProfilePurposeType.TxDefaultProfile, period(0, 10))));
    startCharging();
    awaitOffered(10);

    assertEquals(ClearChargingProfileStatus.Accepted, clearProfile(6));
    awaitOffered(RATED_A);
    assertEquals(ClearChargingProfileStatus.Unknown, clearProfile(6));
  }

  @Test
  @DisplayName("A limit below 6 A suspends the transaction (SuspendedEVSE) until the profile is cleared")
  void limitBelowMinimumSuspends() {
    boot();
    startCharging();
    assertEquals(ChargingProfileStatus.Accepted, setProfile(1, absolute(7, ChargingProfilePurposeType.TxDefaultProfile, period(0, 0))));
    centralSystem.nextStatus(1, ChargePointStatus.SuspendedEVSE);
    assertEquals(ClearChargingProfileStatus.Accepted, clearProfile(7));
    centralSystem.nextStatus(1, ChargePointStatus.Charging);
  }

  // ------------------------------------------------------------------ helpers

  private void awaitOffered(double amperes) {
    awaitConnector(1, c -> c.offeredA() == amperes, amperes + " A offered");
  }

  private ChargingProfileStatus setProfile(int connectorId, ChargingProfile profile) {
    SetChargingProfileConfirmation answer = centralSystem.call(new SetChargingProfileRequest(connectorId, profile));
    return answer.getStatus();
  }

  private ClearChargingProfileStatus clearProfile(int id) {
    ClearChargingProfileRequest request = new ClearChargingProfileRequest();
    request.setId(id);
    ClearChargingProfileConfirmation answer = centralSystem.call(request);
    return answer.getStatus();
  }

  /** An Absolute profile whose schedule began a minute ago, so that it is in force at once. */
  private static ChargingProfile absolute(int id, ChargingProfilePurposeType purpose, ChargingSchedulePeriod... periods) {
    ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A, periods);
    schedule.setStartSchedule(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
    return new ChargingProfile(id, 0, purpose, ChargingProfileKindType.Absolute, schedule);
  }

  private static ChargingProfile relative(int id, ChargingProfilePurposeType purpose, ChargingSchedulePeriod... periods) {
    return new ChargingProfile(id, 0, purpose, ChargingProfileKindType.Relative, new ChargingSchedule(ChargingRateUnitType.A, periods));
  }

  private static ChargingSchedulePeriod period(int startPeriod, double limit) {
    return new ChargingSchedulePeriod(startPeriod, limit);
  }

  private static Optional<Double> offeredIn(MeterValuesRequest request) {
    return Arrays.stream(request.getMeterValue()).flatMap(v -> Arrays.stream(v.getSampledValue()))
        .filter(v -> "Current.Offered".equals(v.getMeasurand())).map(SampledValue::getValue).map(Double::valueOf).findFirst();
  }
}
