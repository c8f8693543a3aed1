package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.core.UnlockStatus;
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
}
