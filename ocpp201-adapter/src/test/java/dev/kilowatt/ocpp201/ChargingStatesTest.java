package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.ocpp201.ChargingStates.Change;
import dev.kilowatt.ocpp201.TransactionEnums.ChargingState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The charging state a running transaction's 1.6 statuses stand for, and when it changes, without a network. */
class ChargingStatesTest {

  private static final Instant T = Instant.parse("2026-12-06T20:00:00Z");

  private final ChargingStates states = new ChargingStates();

  @Test
  void theStatusesOfAConnectorInUseAreTheStatesOfTheSameNameAndAFaultIsTheStationNotOffering() {
    assertEquals(List.of(
            "AVAILABLE -", "PREPARING -", "CHARGING Charging", "SUSPENDED_EVSE SuspendedEVSE", "SUSPENDED_EV SuspendedEV",
            "FINISHING -", "RESERVED -", "UNAVAILABLE -", "FAULTED SuspendedEVSE"),
        Arrays.stream(ChargePointStatus.values())
            .map(s -> s + " " + ChargingStates.during(s).map(Enum::name).orElse("-")).toList());
  }

  @Test
  void onlyATransactionThatRunsHasAStateAndOnlyAChangeIsTold() {
    assertEquals(Optional.empty(), states.reported(1, ChargePointStatus.CHARGING, T), "no transaction yet");
    assertEquals(Optional.of(new Change("tx", ChargingState.Charging, T.plusSeconds(5))), states.started(1, "tx", T.plusSeconds(5)),
        "a state reported before the start is told as of the start");

    assertEquals(Optional.empty(), states.reported(1, ChargePointStatus.CHARGING, T.plusSeconds(6)));
    assertEquals(Optional.empty(), states.reported(2, ChargePointStatus.SUSPENDED_EV, T.plusSeconds(6)), "another connector");
    assertEquals(Optional.empty(), states.reported(1, ChargePointStatus.SUSPENDED_EV, T.plusSeconds(4)),
        "a status older than the transaction");
    assertEquals(Optional.of(new Change("tx", ChargingState.SuspendedEV, T.plusSeconds(7))),
        states.reported(1, ChargePointStatus.SUSPENDED_EV, T.plusSeconds(7)));

    states.ended("tx");
    assertEquals(Optional.empty(), states.reported(1, ChargePointStatus.CHARGING, T.plusSeconds(8)), "it has ended");
    states.reported(1, ChargePointStatus.PREPARING, T.plusSeconds(9));
    assertEquals(Optional.empty(), states.started(1, "next", T.plusSeconds(10)),
        "the next transaction starts EVConnected, and Preparing says nothing more");
    assertEquals(Optional.of(new Change("next", ChargingState.Charging, T.plusSeconds(11))),
        states.reported(1, ChargePointStatus.CHARGING, T.plusSeconds(11)));
  }
}
