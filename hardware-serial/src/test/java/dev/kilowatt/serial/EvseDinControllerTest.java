package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvseDinControllerTest extends PtyTest {

  private FakeModbusSlave board;

  @BeforeEach
  void fakeBoard() {
    board = new FakeModbusSlave(pty.deviceEnd(), 1);
    int[] registers = {32, 32, 1, 32, 0, 17, 1, 0};
    for (int i = 0; i < registers.length; i++) {
      board.holdingRegisters.put(1000 + i, registers[i]);
    }
    closeAfter(board.open());
  }

  private EvseDinController start() {
    EvseDinController controller = closeAfter(new EvseDinController(config(9600)));
    controller.start(listener);
    return controller;
  }

  private void vehicle(int state) {
    board.holdingRegisters.put(1002, state);
  }

  private void awaitCurrent(int amperes) {
    Await.until(() -> board.holdingRegisters.get(1000) == amperes, "register 1000 = " + amperes);
  }

  @Test
  void vehicleStatesArePilotStates() {
    start();
    Await.until(() -> listener.states().equals(List.of(PilotState.A)), "state A");

    vehicle(2);
    Await.until(() -> listener.states().size() == 2, "state B");
    vehicle(3);
    Await.until(() -> listener.states().size() == 3, "state C");
    vehicle(4);
    Await.until(() -> listener.states().size() == 4, "state D");

    assertEquals(List.of(PilotState.A, PilotState.B, PilotState.C, PilotState.D), listener.states());
    assertTrue(board.requests(0x03).stream().allMatch(r -> r.address() == 1000 && r.count() == 8));
  }

  @Test
  void offersAreWrittenToRegister1000InWholeAmperesWithFunction16() {
    EvseDinController controller = start();

    controller.offer(16.7);
    awaitCurrent(16);
    assertEquals(new FakeModbusSlave.Request(0x10, 1000, 1, List.of(16)), board.requests(0x10).get(0));

    controller.offer(5.9);
    awaitCurrent(0);
    controller.offer(100);
    awaitCurrent(80);
    controller.stopOffering();
    awaitCurrent(0);
    controller.offer(6);
    awaitCurrent(6);
    controller.disable();
    awaitCurrent(0);
  }

  @Test
  void aBoardThatForgotItsSetpointGetsItBack() {
    EvseDinController controller = start();
    controller.offer(10);
    awaitCurrent(10);
    int writes = board.requests(0x10).size();

    board.holdingRegisters.put(1000, 32);

    awaitCurrent(10);
    assertEquals(writes + 1, board.requests(0x10).size());
  }

  @Test
  void failureStateWithTrippedRcdIsAGroundFailure() {
    start();
    Await.until(() -> listener.states().contains(PilotState.A), "state A");

    board.holdingRegisters.put(1007, 1);
    vehicle(5);
    Await.until(() -> listener.hasFault(EvseDinController.FAULT_SOURCE), "a board fault");
    assertEquals(
        new HardwareFault("evse", ConnectorFault.GROUND_FAILURE, "RCD", "residual current device tripped"),
        listener.faults().get(0));

    board.holdingRegisters.put(1007, 0);
    vehicle(1);
    int cleared = listener.awaitCleared("evse");
    Await.until(() -> listener.since(cleared).contains(PilotState.A), "state A reported again after the fault");
  }

  @Test
  void failureStateWithoutRcdIsAnEvCommunicationError() {
    start();
    vehicle(5);

    Await.until(() -> listener.hasFault("evse"), "a board fault");

    HardwareFault fault = listener.faults().get(0);
    assertEquals(ConnectorFault.EV_COMMUNICATION_ERROR, fault.fault());
    assertEquals("VEHICLE_STATE_5", fault.vendorErrorCode());
  }

  @Test
  void olderFirmwareWithoutRcdRegisterIsReadWithoutIt() {
    board.holdingRegisters.remove(1007);
    start();
    Await.until(() -> listener.states().contains(PilotState.A), "state A");

    vehicle(5);
    Await.until(() -> listener.hasFault("evse"), "a board fault");

    assertEquals("VEHICLE_STATE_5", listener.faults().get(0).vendorErrorCode());
    assertEquals(7, board.requests(0x03).getLast().count());
    assertTrue(listener.faults().stream().noneMatch(f -> f.source().equals(EvseDinController.LINK_FAULT_SOURCE)));
  }

  @Test
  void anImpossibleVehicleStateIsABadValueOnTheLink() {
    start();
    vehicle(9);

    Await.until(() -> listener.hasFault("evse-link"), "a link fault");

    assertEquals(
        new HardwareFault(
            "evse-link", ConnectorFault.EV_COMMUNICATION_ERROR, "BAD_VALUE", "vehicle state register 1002 = 9"),
        listener.faults().get(0));
  }

  @Test
  void aSilentBoardIsALinkFaultUntilItAnswers() {
    start();
    Await.until(() -> listener.states().contains(PilotState.A), "state A");

    board.behaviour = FakeModbusSlave.Behaviour.SILENT;
    Await.until(() -> listener.hasFault("evse-link"), "a link fault");
    assertEquals("TIMEOUT", listener.faults().get(0).vendorErrorCode());

    board.behaviour = FakeModbusSlave.Behaviour.NORMAL;
    Await.until(() -> listener.cleared().contains("evse-link"), "the link fault to clear");
  }

  @Test
  void unplugAndReplugRecoverTheSetpoint() throws Exception {
    EvseDinController controller = start();
    Await.until(() -> listener.states().contains(PilotState.A), "state A");

    unplugUntilFault(board, "evse-link");
    controller.offer(13);

    Await.until(() -> listener.cleared().contains("evse-link"), "the link fault to clear");
    awaitCurrent(13);
  }

  @Test
  void theRelayPortLeavesSwitchingToTheBoard() {
    EvseDinController controller = start();
    Relay relay = controller.relay();
    relay.start(new Relay.Listener() {});
    Await.until(() -> listener.states().contains(PilotState.A), "state A");
    int requests = board.requests.size();

    relay.close();
    relay.open();
    Await.until(() -> board.requests.size() >= requests + 2, "two more polls");

    assertTrue(board.requests(0x10).isEmpty(), "no writes for relay commands");
  }
}
