package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleCommandTest {

  private static final int CONNECTORS = 2;

  @Test
  void everyCommand() {
    assertEquals(new ConsoleCommand.Plug(1), parse("plug"));
    assertEquals(new ConsoleCommand.Plug(2), parse("plug 2"));
    assertEquals(new ConsoleCommand.EvCharge(1), parse("ev-charge"));
    assertEquals(new ConsoleCommand.EvPause(2), parse("  ev-pause   2  "));
    assertEquals(new ConsoleCommand.Unplug(1), parse("unplug 1"));
    assertEquals(new ConsoleCommand.Card("04A1B2"), parse("card 04A1B2"));
    assertEquals(new ConsoleCommand.Fault(1, ConnectorFault.GROUND_FAILURE), parse("fault GroundFailure"));
    assertEquals(new ConsoleCommand.Fault(2, ConnectorFault.HIGH_TEMPERATURE), parse("fault 2 HighTemperature"));
    assertEquals(new ConsoleCommand.ClearFault(2), parse("clear-fault 2"));
    assertEquals(new ConsoleCommand.PowerCut(), parse("power-cut"));
    assertEquals(new ConsoleCommand.Restart(), parse("restart"));
    assertEquals(new ConsoleCommand.LockStick(1), parse("lock-stick"));
    assertEquals(new ConsoleCommand.LockFree(2), parse("lock-free 2"));
    assertEquals(new ConsoleCommand.Status(), parse("status"));
    assertEquals(new ConsoleCommand.Help(), parse("help"));
    assertEquals(new ConsoleCommand.Quit(), parse("quit"));
  }

  @Test
  void helpNamesEveryCommand() {
    for (String command : List.of("plug", "ev-charge", "ev-pause", "unplug", "card", "fault", "clear-fault", "status", "help", "quit")) {
      assertTrue(ConsoleCommand.HELP.lines().anyMatch(l -> l.strip().startsWith(command + " ")), command);
      assertTrue(ConsoleCommand.parse(command.equals("card") ? "card 04A1" : command.equals("fault") ? "fault GroundFailure" : command,
          CONNECTORS).isPresent(), command);
    }
  }

  @Test
  void blankLinesAndCommentsAreNoCommand() {
    assertEquals(Optional.empty(), ConsoleCommand.parse("   ", CONNECTORS));
    assertEquals(Optional.empty(), ConsoleCommand.parse("# plug the EV in", CONNECTORS));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      jump               | unknown command 'jump'; 'help' lists the commands
      help me            | help takes no arguments
      plug 3             | no connector '3'
      plug 0             | no connector '0'
      plug one           | no connector 'one'
      plug 1 2           | usage: plug [c]
      card               | usage: card IDTAG
      fault              | usage: fault [c] ERRORCODE
      fault 1 Smoke      | 'Smoke' is no OCPP ChargePointErrorCode
      fault NoError      | NoError is not a fault
      status now         | status takes no arguments
      power-cut 1        | power-cut takes no arguments
      restart soft       | restart takes no arguments
      """)
  void badLinesAreExplainedInOneLine(String line, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleCommand.parse(line, CONNECTORS));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }

  private static ConsoleCommand parse(String line) {
    return ConsoleCommand.parse(line, CONNECTORS).orElseThrow();
  }
}
