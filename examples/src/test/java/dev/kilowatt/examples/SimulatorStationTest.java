package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.core.ConnectorState;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Where the web console says a connector's current comes from. */
class SimulatorStationTest {

  private static ConnectorSnapshot connector(ConnectorState state, boolean transaction, double offeredA) {
    return new ConnectorSnapshot(1, state, ConnectorFault.NONE, transaction, transaction ? Optional.of(7) : Optional.empty(),
        offeredA, 1200, "");
  }

  @Test
  void withoutATransactionNothingIsOffered() {
    assertEquals("No transaction: nothing is offered until one starts; then the connector is rated 16 A and no charging profile limits it.",
        SimulatorStation.limitExplanation(connector(ConnectorState.AVAILABLE, false, 0), OptionalDouble.empty(), 0));
  }

  @Test
  void duringOneTheOfferIsTheLowerOfRatingAndSchedule() {
    assertEquals("Offered 10.0 A, the lower of: the connector is rated 16 A, the composite schedule allows 10.0 A. The EV draws 9.8 A.",
        SimulatorStation.limitExplanation(connector(ConnectorState.CHARGING, true, 10), OptionalDouble.of(10), 9.8));
  }

  @Test
  void aScheduleBelowWhatAPilotCanOfferSuspendsCharging() {
    assertEquals("Suspended: the composite schedule allows 4.0 A, below the 6 A a pilot can offer.",
        SimulatorStation.limitExplanation(connector(ConnectorState.SUSPENDED_EVSE, true, 0), OptionalDouble.of(4), 0));
    assertEquals("Nothing offered now (SuspendedEVSE): the connector is rated 16 A and no charging profile limits it.",
        SimulatorStation.limitExplanation(connector(ConnectorState.SUSPENDED_EVSE, true, 0), OptionalDouble.empty(), 0));
  }

  @Test
  void duringATransactionTheChargePointsOwnExplanationIsShown() {
    ConnectorSnapshot charging = new ConnectorSnapshot(1, ConnectorState.CHARGING, ConnectorFault.NONE, true, Optional.of(7),
        10, 1200, "ChargePointMaxProfile 3 (stack level 0, period 1) allows 10 A");
    assertEquals("Offered 10.0 A: ChargePointMaxProfile 3 (stack level 0, period 1) allows 10 A. The EV draws 9.5 A.",
        SimulatorStation.limitExplanation(charging, OptionalDouble.of(10), 9.5));
  }
}
