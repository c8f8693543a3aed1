package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedPhaseSwitch;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.core.UnlockStatus;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulator's {@code --socket} and {@code --phases 3}, over OCPP-J to a central system on loopback. */
class SocketAndThreePhaseEndToEndTest extends EndToEndFixture {

  @Test
  void aSocketOutletIsLockedWhileChargingAndUnlockConnectorStopsTheTransactionThenUnlocksIt() {
    boot(settings().withConnectorKind(1, true));
    int transactionId = centralSystem.transactionIdOf(startCharging());
    assertTrue(charger.board().lock(1).orElseThrow().isLocked());

    UnlockConnectorConfirmation answer = centralSystem.call(new UnlockConnectorRequest(1));
    assertEquals(UnlockStatus.Unlocked, answer.getStatus());
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(transactionId, stop.getTransactionId());
    assertEquals(Reason.UnlockCommand, stop.getReason());
    assertFalse(charger.board().lock(1).orElseThrow().isLocked());
  }

  @Test
  void aStuckSocketLockAnswersUnlockFailed() {
    boot(settings().withConnectorKind(1, true));
    startCharging();
    type("lock-stick 1");
    UnlockConnectorConfirmation answer = centralSystem.call(new UnlockConnectorRequest(1));
    assertEquals(UnlockStatus.UnlockFailed, answer.getStatus());
    assertTrue(charger.board().lock(1).orElseThrow().isLocked());
    centralSystem.seen(StatusNotificationRequest.class,
        s -> s.getConnectorId() == 1 && s.getErrorCode() == ChargePointErrorCode.ConnectorLockFailure);

    type("lock-free 1");
    assertFalse(charger.board().lock(1).orElseThrow().isLocked(), "freed, it reaches the commanded position");
  }

  @Test
  void aThreePhaseConnectorReportsCurrentVoltageAndPowerPerPhase() {
    boot(settings().withConnectorKind(3, false).withConfiguration("MeterValueSampleInterval", "1")
        .withConfiguration("MeterValuesSampledData", "Current.Import,Voltage,Power.Active.Import"));
    startCharging();
    MeterValuesRequest values = centralSystem.next(MeterValuesRequest.class,
        m -> Arrays.stream(m.getMeterValue()[0].getSampledValue()).anyMatch(v -> "L3".equals(v.getPhase())));
    Set<String> labels = Arrays.stream(values.getMeterValue()[0].getSampledValue()).map(SampledValue::getMeasurand)
        .collect(Collectors.toSet());
    assertEquals(Set.of("Current.Import", "Voltage", "Power.Active.Import"), labels);
    Set<String> phases = Arrays.stream(values.getMeterValue()[0].getSampledValue())
        .map(v -> v.getMeasurand() + " " + v.getPhase()).collect(Collectors.toSet());
    assertTrue(phases.containsAll(Set.of("Current.Import L1", "Current.Import L2", "Current.Import L3",
        "Voltage L1-N", "Voltage L2-N", "Voltage L3-N")), phases.toString());
  }

  @Test
  void aTxProfileOnOnePhaseFlipsTheSimulatedPhaseSwitchOfAThreePhaseCharger() {
    boot(SimulatedCharger.settings(SimulatorOptions.parse("--phases", "3", "--id", CHARGE_POINT_ID), centralSystem.url(), dataDirectory)
        .withFastReconnect());
    int transactionId = centralSystem.transactionIdOf(startCharging());
    SimulatedConnector connector = charger.board().connector(1);
    SimulatedPhaseSwitch phaseSwitch = connector.phaseSwitch().orElseThrow();
    assertEquals(3, phaseSwitch.phases());

    ChargingSchedulePeriod onePhase = new ChargingSchedulePeriod(0, 16.0);
    onePhase.setNumberPhases(1);
    ChargingProfile profile = new ChargingProfile(1, 0, ChargingProfilePurposeType.TxProfile, ChargingProfileKindType.Relative,
        new ChargingSchedule(ChargingRateUnitType.A, new ChargingSchedulePeriod[] {onePhase}));
    profile.setTransactionId(transactionId);
    SetChargingProfileConfirmation answer = centralSystem.call(new SetChargingProfileRequest(1, profile));
    assertEquals(ChargingProfileStatus.Accepted, answer.getStatus());

    awaitConnector(1, c -> phaseSwitch.phases() == 1 && c.offeredA() == 16 && connector.meter().powerW() > 0,
        "the switch on one phase and the EV charging again");
    assertEquals(230 * connector.pilot().offeredAmperes(), connector.meter().powerW(), 1e-6, "the EV draws on one phase of 230 V");
  }
}
