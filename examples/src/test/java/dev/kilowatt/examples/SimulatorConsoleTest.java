package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulated charger's command-line contract, as scripts outside this repository use it. */
class SimulatorConsoleTest extends CentralSystemFixture {

  @Test
  @DisplayName("Console on a pipe: traffic lines, status lines, one-line errors, faults, and it keeps running after the input ends")
  void consoleOnAPipe() {
    try (SimulatorProcess charger = SimulatorProcess.start(
        commandLine("KW-CONSOLE-1", "--connectors", "2", "--password", "0123456789abcdef"))) {
      centralSystem.next(BootNotificationRequest.class);
      assertEquals("KW-CONSOLE-1:0123456789abcdef", centralSystem.credentials().orElseThrow(), "HTTP Basic authentication with --password");
      charger.awaitLine(0, line -> line.startsWith("-> [2,") && line.contains("\"BootNotification\""), TIMEOUT);
      charger.awaitLine(0, line -> line.startsWith("<- [3,") && line.contains("\"Accepted\""), TIMEOUT);
      centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 2);

      int mark = charger.lineCount();
      charger.type("fly-to-the-moon");
      charger.type("plug 3");
      charger.type("fault 2 NoSuchError");
      charger.type("ev-charge 2");
      charger.awaitLine(mark, line -> line.startsWith("error: unknown command 'fly-to-the-moon'"), TIMEOUT);
      charger.awaitLine(mark, line -> line.startsWith("error: no connector '3'"), TIMEOUT);
      charger.awaitLine(mark, line -> line.startsWith("error: 'NoSuchError' is no OCPP ChargePointErrorCode"), TIMEOUT);
      charger.awaitLine(mark, line -> line.startsWith("error: the EV is not plugged in"), TIMEOUT);
      charger.type("help");
      charger.awaitLine(mark, line -> line.strip().startsWith("ev-charge [c]") && line.contains("the EV asks for energy"), TIMEOUT);

      charger.type("plug 2");
      centralSystem.nextStatus(2, ChargePointStatus.Preparing);
      charger.type("fault 2 GroundFailure");
      StatusNotificationRequest faulted = centralSystem.next(StatusNotificationRequest.class, s -> s.getConnectorId() == 2
          && s.getStatus() == ChargePointStatus.Faulted);
      assertEquals(ChargePointErrorCode.GroundFailure, faulted.getErrorCode());
      mark = charger.lineCount();
      charger.type("status");
      charger.awaitLine(mark, "connector 1: Available"::equals, TIMEOUT);
      charger.awaitLine(mark, "connector 2: Faulted"::equals, TIMEOUT);
      charger.type("clear-fault 2");
      centralSystem.nextStatus(2, ChargePointStatus.Preparing);

      mark = charger.lineCount();
      charger.closeInput();
      charger.awaitLine(mark, line -> line.startsWith("# end of input"), TIMEOUT);
      GetConfigurationRequest stillThere = new GetConfigurationRequest();
      stillThere.setKey(new String[] {"NumberOfConnectors"});
      GetConfigurationConfirmation answer = centralSystem.call(stillThere);
      assertEquals("2", answer.getConfigurationKey()[0].getValue());
      assertTrue(charger.isAlive(), "the simulator keeps running once its input ends");
    }
  }
}
