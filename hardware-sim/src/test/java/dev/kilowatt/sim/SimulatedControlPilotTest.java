package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.sim.SimulatedControlPilot.NotOffering;
import dev.kilowatt.sim.SimulatedControlPilot.Offering;
import dev.kilowatt.sim.SimulatedControlPilot.Unavailable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedControlPilotTest {

  private final Recorder core = new Recorder();
  private final SimulatedControlPilot pilot = new SimulatedControlPilot(new Object(), () -> {});

  @ParameterizedTest
  @CsvSource({
      "6, 10, 6.0",
      "9.6, 16, 9.6",
      "16, 26, 15.6",
      "32, 53, 31.8",
      "50.99, 84, 50.4",
      "51, 85, 51.0",
      "52, 85, 51.0",
      "55, 86, 55.0",
      "80, 96, 80.0",
      "120, 96, 80.0"})
  void offerRoundsDownToAWholePercentDutyCycle(double asked, int duty, double offered) {
    pilot.offer(asked);

    assertEquals(new Offering(duty, offered), pilot.output());
    assertEquals(offered, pilot.offeredAmperes());
  }

  @ParameterizedTest
  @ValueSource(doubles = {5.99, 0, -16, Double.NaN, Double.POSITIVE_INFINITY})
  void offerBelowSixAmperesOrNoCurrentAtAllStopsOffering(double asked) {
    pilot.offer(16);

    pilot.offer(asked);

    assertEquals(new NotOffering(), pilot.output());
    assertEquals(0, pilot.offeredAmperes());
  }

  @Test
  void offersTheHighestDutyCycleThatDoesNotExceedWhatWasAsked() {
    for (int centiAmps = 600; centiAmps <= 10_000; centiAmps++) {
      double asked = centiAmps / 100.0;
      pilot.offer(asked);
      var offering = (Offering) pilot.output();
      int duty = offering.dutyCyclePercent();
      assertTrue(offering.amperes() <= asked, asked + " A offered as " + offering);
      assertTrue(duty == 96 || SimulatedControlPilot.amperesFor(duty + 1) > asked, asked + " A offered as " + offering);
    }
  }

  @Test
  void reportsTheFirstStateThenOnlyChanges() {
    pilot.start(core);
    pilot.setEvState(PilotState.A);
    pilot.setEvState(PilotState.B);
    pilot.offer(16);
    pilot.setEvState(PilotState.C);
    pilot.setEvState(PilotState.C);
    pilot.offer(10);
    pilot.stopOffering();
    pilot.setEvState(PilotState.B);

    assertEquals(List.of(PilotState.A, PilotState.B, PilotState.C, PilotState.B), core.states);
  }

  @Test
  void readsFWhileDisabledWhateverTheEvDoes() {
    pilot.start(core);
    pilot.setEvState(PilotState.B);

    pilot.disable();
    pilot.setEvState(PilotState.C);
    pilot.setEvState(PilotState.A);
    assertEquals(PilotState.F, pilot.state());
    assertEquals(new Unavailable(), pilot.output());
    pilot.stopOffering();

    assertEquals(List.of(PilotState.A, PilotState.B, PilotState.F, PilotState.A), core.states);
    assertEquals(PilotState.A, pilot.state());
  }

  @Test
  void reportsStatesTheEvSetsForFaults() {
    pilot.start(core);
    pilot.setEvState(PilotState.E);

    assertEquals(List.of(PilotState.A, PilotState.E), core.states);
  }
}
