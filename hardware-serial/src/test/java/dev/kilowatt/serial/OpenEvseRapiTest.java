package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenEvseRapiTest {

  @Test
  void faultStatesMapToOcppErrorCodes() {
    assertEquals(ConnectorFault.EV_COMMUNICATION_ERROR, code(0x05));
    assertEquals(ConnectorFault.GROUND_FAILURE, code(0x06));
    assertEquals(ConnectorFault.GROUND_FAILURE, code(0x07));
    assertEquals(ConnectorFault.POWER_SWITCH_FAILURE, code(0x08));
    assertEquals(ConnectorFault.GROUND_FAILURE, code(0x09));
    assertEquals(ConnectorFault.HIGH_TEMPERATURE, code(0x0A));
    assertEquals(ConnectorFault.OVER_CURRENT_FAILURE, code(0x0B));
    assertEquals(ConnectorFault.EV_COMMUNICATION_ERROR, code(0x0C));
    assertEquals(ConnectorFault.INTERNAL_ERROR, code(0x0D));
    assertEquals(ConnectorFault.POWER_SWITCH_FAILURE, code(0x0E));
    assertEquals("STATE_0E", OpenEvseRapi.fault(0x0E).orElseThrow().vendorErrorCode());
    for (int state : new int[] {0x00, 0x01, 0x04, 0x0F, 0xFE, 0xFF}) {
      assertEquals(Optional.empty(), OpenEvseRapi.fault(state), "state " + state);
    }
  }

  private static ConnectorFault code(int state) {
    return OpenEvseRapi.fault(state).orElseThrow().fault();
  }

  @Nested
  class OnTheLine extends PtyTest {

    private FakeOpenEvse board;
    private OpenEvseRapi controller;

    @BeforeEach
    void fakeBoard() {
      board = new FakeOpenEvse(pty.deviceEnd());
      closeAfter(board.open());
      controller = closeAfter(new OpenEvseRapi(config(115200)));
    }

    private void start() {
      controller.start(listener);
      Await.until(() -> listener.states().contains(PilotState.A), "state A from GS");
    }

    @Test
    void pollsWithGsAndFollowsUnaskedStateMessages() {
      start();

      board.pilot(0x02);
      Await.until(() -> listener.states().contains(PilotState.B), "state B");
      board.pilot(0x03);
      Await.until(() -> listener.states().contains(PilotState.C), "state C");

      assertEquals(List.of(PilotState.A, PilotState.B, PilotState.C), listener.states());
      assertTrue(board.commands.stream().allMatch("GS"::equals), "only polls so far: " + board.commands);
    }

    @Test
    void offerSetsAVolatileCurrentAndEnablesASleepingBoard() {
      start();
      controller.stopOffering();
      Await.until(() -> board.evseState() == OpenEvseRapi.SLEEPING, "the board asleep");

      controller.offer(16.9);
      Await.until(() -> board.evseState() == 0x01, "the board enabled");

      assertEquals(List.of("SC 16 V"), board.commandsStartingWith("SC"));
      assertEquals(16, board.amperes);
      int sleeps = board.commandsStartingWith("FS").size();
      controller.offer(16);
      controller.offer(10);
      Await.until(() -> board.amperes == 10, "10 A");
      assertEquals(List.of("SC 16 V", "SC 10 V"), board.commandsStartingWith("SC"));
      assertEquals(sleeps, board.commandsStartingWith("FS").size());
    }

    @Test
    void whileSleepingThePilotIsStillReported() {
      start();
      controller.stopOffering();
      Await.until(() -> board.evseState() == OpenEvseRapi.SLEEPING, "the board asleep");

      board.pilot(0x02);

      Await.until(() -> listener.states().contains(PilotState.B), "state B while asleep");
    }

    @Test
    void disableIsStateF() {
      start();

      controller.disable();

      Await.until(() -> listener.states().contains(PilotState.F), "state F");
      assertEquals(OpenEvseRapi.DISABLED, board.evseState());
      assertEquals(1, board.commandsStartingWith("FD").size());
    }

    @Test
    void aClampedCurrentIsNotSentAgainAndAgain() {
      start();
      board.maxAmperes = 16;

      controller.offer(32);
      Await.until(() -> board.commands.size() > 5 && board.commandsStartingWith("SC").size() == 1, "more polls");

      assertEquals(16, board.amperes);
      assertTrue(listener.faults().isEmpty(), listener.faults().toString());
    }

    @Test
    void faultStatesAreReportedAndCleared() {
      start();

      board.changeState(0x06);
      Await.until(() -> listener.hasFault(OpenEvseRapi.FAULT_SOURCE), "a board fault");
      assertEquals(
          new HardwareFault("evse", ConnectorFault.GROUND_FAILURE, "STATE_06", "GFCI fault"),
          listener.faults().get(0));

      board.changeState(0x0A);
      Await.until(() -> listener.faults().size() == 2, "the second fault");
      assertEquals(ConnectorFault.HIGH_TEMPERATURE, listener.faults().get(1).fault());

      board.changeState(0x01);
      int cleared = listener.awaitCleared("evse");
      Await.until(() -> listener.since(cleared).contains(PilotState.A), "state A again");
    }

    @Test
    void aRestartedBoardGetsItsCurrentBack() {
      start();
      controller.offer(20);
      Await.until(() -> board.amperes == 20, "20 A");

      board.restart();

      Await.until(() -> board.commandsStartingWith("SC").size() == 2, "SC sent again");
      Await.until(() -> board.amperes == 20, "20 A again");
    }

    @Test
    void corruptLinesAreCountedAndPersistentOnesAreAFault() {
      start();

      board.send("\u0000\u00ff$AT 03 03 32 0000^00\rnoise\r".getBytes(StandardCharsets.ISO_8859_1));
      board.pilot(0x02);
      Await.until(() -> listener.states().contains(PilotState.B), "state B after the noise");
      assertTrue(controller.loop().discardedInput() > 0);
      assertTrue(listener.faults().isEmpty());

      board.corruptChecksums = true;
      Await.until(() -> listener.hasFault("evse-link"), "a link fault");
      assertEquals("CHECKSUM", listener.faults().get(0).vendorErrorCode());

      board.corruptChecksums = false;
      Await.until(() -> listener.cleared().contains("evse-link"), "the link fault to clear");
    }

    @Test
    void aSilentBoardIsALinkFault() {
      start();

      board.silent = true;
      Await.until(() -> listener.hasFault("evse-link"), "a link fault");

      assertEquals(
          new HardwareFault("evse-link", ConnectorFault.EV_COMMUNICATION_ERROR, "TIMEOUT", "no reply to GS"),
          listener.faults().get(0));
      board.silent = false;
      Await.until(() -> listener.cleared().contains("evse-link"), "the link fault to clear");
    }

    @Test
    void aSilentBoardDrownedInNoiseIsStillATimeout() throws Exception {
      start();

      board.silent = true;
      try (AutoCloseable noise = babble(board, "~".repeat(32).getBytes(StandardCharsets.US_ASCII))) {
        Await.until(() -> listener.hasFault("evse-link"), "a link fault despite the noise");
      }

      assertEquals("TIMEOUT", listener.faults().get(0).vendorErrorCode());
      board.silent = false;
      Await.until(() -> listener.cleared().contains("evse-link"), "the link fault to clear");
    }

    @Test
    void unplugAndReplugRecover() throws Exception {
      start();
      controller.offer(12);
      Await.until(() -> board.amperes == 12, "12 A");

      unplugUntilFault(board, "evse-link");
      board.restart();

      Await.until(() -> listener.cleared().contains("evse-link"), "the link fault to clear");
      Await.until(() -> board.amperes == 12, "12 A again");
    }
  }
}
