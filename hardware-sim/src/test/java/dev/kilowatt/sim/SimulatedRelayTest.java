package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedRelayTest {

  private final Recorder core = new Recorder();
  private int contactChanges;
  private final SimulatedRelay relay = new SimulatedRelay(new Object(), () -> contactChanges++);

  @BeforeEach
  void start() {
    relay.start(core);
  }

  @Test
  void contactsFollowCommandsAndReportEachChange() {
    relay.close();
    relay.close();
    assertTrue(relay.isClosed());
    relay.open();

    assertFalse(relay.isClosed());
    assertEquals(List.of(true, false), core.feedback);
    assertEquals(2, contactChanges);
    assertTrue(core.faults.isEmpty());
  }

  @Test
  void weldedContactsStayClosedWhenOpenedAndReportAPowerSwitchFailure() {
    relay.close();
    relay.weld();

    relay.open();

    assertTrue(relay.isClosed());
    assertFalse(relay.isCommandedClosed());
    assertEquals(List.of(true), core.feedback);
    assertEquals(List.of(new HardwareFault("relay", ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_WELDED",
        "contacts stayed closed when opened")), core.faults);
  }

  @Test
  void weldingWhileOpenTakesHoldAtTheNextClosing() {
    relay.weld();
    relay.close();
    relay.open();

    assertTrue(relay.isClosed());
    assertEquals("RELAY_WELDED", core.faults.getFirst().vendorErrorCode());
  }

  @Test
  void repairOpensWeldedContactsAndClearsTheFault() {
    relay.weld();
    relay.close();
    relay.open();

    relay.repair();

    assertFalse(relay.isClosed());
    assertEquals(List.of(true, false), core.feedback);
    assertEquals(List.of("relay"), core.cleared);
  }

  @Test
  void failingToCloseReportsAPowerSwitchFailureUntilCommandedOpen() {
    relay.failToClose();

    relay.close();
    relay.close();
    assertFalse(relay.isClosed());
    relay.open();

    assertTrue(core.feedback.isEmpty());
    assertEquals(1, core.faults.size());
    assertEquals(ConnectorFault.POWER_SWITCH_FAILURE, core.faults.getFirst().fault());
    assertEquals("RELAY_NOT_CLOSED", core.faults.getFirst().vendorErrorCode());
    assertEquals(List.of("relay"), core.cleared);
  }
}
