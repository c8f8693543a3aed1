package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChargePointErrorCode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each state and fault in the 1.6 words a StatusNotification carries, and the faults read back from them. */
class Ocpp16MappingTest {

  @Test
  void everyStateHasItsStatus() {
    Map<ConnectorState, String> expected = new EnumMap<>(Map.of(
        ConnectorState.AVAILABLE, "Available",
        ConnectorState.PREPARING, "Preparing",
        ConnectorState.CHARGING, "Charging",
        ConnectorState.SUSPENDED_EV, "SuspendedEV",
        ConnectorState.SUSPENDED_EVSE, "SuspendedEVSE",
        ConnectorState.FINISHING, "Finishing",
        ConnectorState.RESERVED, "Reserved",
        ConnectorState.UNAVAILABLE, "Unavailable",
        ConnectorState.FAULTED, "Faulted"));
    assertEquals(Set.of(ConnectorState.values()), expected.keySet(), "the table names every state");
    expected.forEach((state, status) -> assertEquals(status, Ocpp16Mapping.status(state).ocppValue(), state.name()));
  }

  @Test
  void everyFaultHasItsErrorCode() {
    Map<ConnectorFault, String> expected = new EnumMap<>(ConnectorFault.class);
    expected.put(ConnectorFault.NONE, "NoError");
    expected.put(ConnectorFault.CONNECTOR_LOCK_FAILURE, "ConnectorLockFailure");
    expected.put(ConnectorFault.EV_COMMUNICATION_ERROR, "EVCommunicationError");
    expected.put(ConnectorFault.GROUND_FAILURE, "GroundFailure");
    expected.put(ConnectorFault.HIGH_TEMPERATURE, "HighTemperature");
    expected.put(ConnectorFault.INTERNAL_ERROR, "InternalError");
    expected.put(ConnectorFault.LOCAL_LIST_CONFLICT, "LocalListConflict");
    expected.put(ConnectorFault.OTHER, "OtherError");
    expected.put(ConnectorFault.OVER_CURRENT_FAILURE, "OverCurrentFailure");
    expected.put(ConnectorFault.POWER_METER_FAILURE, "PowerMeterFailure");
    expected.put(ConnectorFault.POWER_SWITCH_FAILURE, "PowerSwitchFailure");
    expected.put(ConnectorFault.READER_FAILURE, "ReaderFailure");
    expected.put(ConnectorFault.RESET_FAILURE, "ResetFailure");
    expected.put(ConnectorFault.UNDER_VOLTAGE, "UnderVoltage");
    expected.put(ConnectorFault.OVER_VOLTAGE, "OverVoltage");
    expected.put(ConnectorFault.WEAK_SIGNAL, "WeakSignal");
    assertEquals(Set.of(ConnectorFault.values()), expected.keySet(), "the table names every fault");
    expected.forEach((fault, errorCode) -> assertEquals(errorCode, Ocpp16Mapping.errorCode(fault).ocppValue(), fault.name()));
  }

  @Test
  void everyErrorCodeIsReadBackAsTheFaultItReports() {
    Set<ConnectorFault> readBack = Arrays.stream(ChargePointErrorCode.values()).map(code -> {
      ConnectorFault fault = Ocpp16Mapping.fault(code);
      assertEquals(code, Ocpp16Mapping.errorCode(fault), code.ocppValue());
      return fault;
    }).collect(Collectors.toSet());
    assertEquals(Set.of(ConnectorFault.values()), readBack, "a hardware adapter can raise every fault");
    assertEquals(ConnectorFault.NONE, Ocpp16Mapping.fault(ChargePointErrorCode.NO_ERROR));
  }
}
