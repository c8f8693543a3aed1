package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.HeartbeatResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GetBaseReport answered and its report sent as NotifyReport messages, against ocpp-rpc in strict mode. */
class ReportsSessionTest extends ReportSession {

  /** The rows of the variables table whose key is not {@code missing}. */
  private static long rowsBut(String... missing) {
    return Variables.TABLE.stream().filter(m -> !List.of(missing).contains(m.key())).count();
  }

  @Test
  void aFullInventoryReportsEveryVariableTheCoreHasWithItsValueMutabilityAndTypeInPartsOfTen() {
    csms.send("call b1 GetBaseReport {\"requestId\":5,\"reportBase\":\"FullInventory\"}");
    coreAnswers(configuration(), List.of("ResetRetries"));
    assertEquals("Accepted", result("b1").get("status").asText());

    // the mapped variables the core has, and EVSE 1 and its connector with two each: two parts at least
    assertTrue(part(5, 0).get("tbc").asBoolean());
    Map<String, JsonNode> report = byName(report(5));
    // then the adapter's own variables and TxCtrlr's TxStartPoint and TxStopPoint
    assertEquals(rowsBut("MaxEnergyOnInvalidId") + OwnVariables.TABLE.size() + TxPoints.Setting.values().length + 6,
        report.size());
    assertFalse(report.containsKey("TxCtrlr.MaxEnergyOnInvalidId"), "a key the core does not have is not reported");

    JsonNode heartbeat = report.get("OCPPCommCtrlr.HeartbeatInterval");
    assertEquals("{\"type\":\"Actual\",\"value\":\"300\",\"mutability\":\"ReadWrite\",\"persistent\":true,\"constant\":false}",
        heartbeat.at("/variableAttribute/0").toString());
    assertEquals("integer s false", heartbeat.at("/variableCharacteristics/dataType").asText() + " "
        + heartbeat.at("/variableCharacteristics/unit").asText() + " "
        + heartbeat.at("/variableCharacteristics/supportsMonitoring").asBoolean());
    assertEquals("ReadOnly", report.get("OCPPCommCtrlr.ResetRetries").at("/variableAttribute/0/mutability").asText());
    JsonNode remoteStart = report.get("AuthCtrlr.AuthorizeRemoteStart");
    assertEquals("true boolean", remoteStart.at("/variableAttribute/0/value").asText() + " "
        + remoteStart.at("/variableCharacteristics/dataType").asText());
    JsonNode measurands = report.get("SampledDataCtrlr.TxUpdatedMeasurands");
    assertEquals("Energy.Active.Import.Register,Power.Active.Import MemberList",
        measurands.at("/variableAttribute/0/value").asText() + " " + measurands.at("/variableCharacteristics/dataType").asText());

    JsonNode connector = report.get("Connector{\"id\":1,\"connectorId\":1}.AvailabilityState");
    assertEquals("Occupied ReadOnly OptionList Available,Occupied,Reserved,Unavailable,Faulted",
        connector.at("/variableAttribute/0/value").asText() + " " + connector.at("/variableAttribute/0/mutability").asText()
            + " " + connector.at("/variableCharacteristics/dataType").asText() + " "
            + connector.at("/variableCharacteristics/valuesList").asText());
    assertEquals("true", report.get("EVSE{\"id\":1}.Available").at("/variableAttribute/0/value").asText());

    // the adapter's own: the identity of the address, the time-out the port was built with, the core's roots
    assertEquals("KW-0001 ReadOnly", report.get("SecurityCtrlr.Identity").at("/variableAttribute/0/value").asText()
        + " " + report.get("SecurityCtrlr.Identity").at("/variableAttribute/0/mutability").asText());
    assertEquals("30", report.get("OCPPCommCtrlr.MessageTimeout[Default]").at("/variableAttribute/0/value").asText());
    assertEquals("Default", report.get("OCPPCommCtrlr.MessageTimeout[Default]").at("/variable/instance").asText());
    assertEquals("0", report.get("SecurityCtrlr.CertificateEntries").at("/variableAttribute/0/value").asText());
    assertEquals("Heartbeat SequenceList", report.get("ClockCtrlr.TimeSource").at("/variableAttribute/0/value").asText()
        + " " + report.get("ClockCtrlr.TimeSource").at("/variableCharacteristics/dataType").asText());
    assertEquals("Occupied", report.get("EVSE{\"id\":1}.AvailabilityState").at("/variableAttribute/0/value").asText());
    noStrictFailures();
  }

  @Test
  void aConfigurationInventoryReportsOnlyTheVariablesTheOperatorCanSet() {
    csms.send("call b1 GetBaseReport {\"requestId\":6,\"reportBase\":\"ConfigurationInventory\"}");
    coreAnswers(configuration(), List.of("ResetRetries", "WebSocketPingInterval"));
    assertEquals("Accepted", result("b1").get("status").asText());

    Map<String, JsonNode> report = byName(report(6));
    // SecurityProfile, FileTransferProtocols, AdditionalRootCertificateCheck, MaxCertificateChainSize and
    // LocalAuthListCtrlr.ItemsPerMessage and SmartChargingCtrlr's variables are ReadOnly in 2.0.1 whatever the 1.6 key allows; BasicAuthPassword is
    // set, never read; the settable own variables and TxCtrlr's two points follow
    long settable = OwnVariables.TABLE.stream().filter(own -> own.mutability() != Variables.Mutability.READ_ONLY).count();
    assertEquals(rowsBut("MaxEnergyOnInvalidId", "ResetRetries", "WebSocketPingInterval", "SecurityProfile",
        "SupportedFileTransferProtocols", "AdditionalRootCertificateCheck", "CertificateSignedMaxChainSize",
        "SendLocalListMaxLength") - SmartChargingVariables.TABLE.size() + settable + TxPoints.Setting.values().length, report.size());
    assertFalse(report.containsKey("OCPPCommCtrlr.ResetRetries"));
    assertFalse(report.containsKey("OCPPCommCtrlr.WebSocketPingInterval"));
    assertFalse(report.containsKey("SecurityCtrlr.SecurityProfile"));
    assertFalse(report.containsKey("EVSE{\"id\":1}.AvailabilityState"));
    JsonNode password = report.remove("SecurityCtrlr.BasicAuthPassword");
    assertEquals("WriteOnly", password.at("/variableAttribute/0/mutability").asText());
    assertTrue(password.at("/variableAttribute/0/value").isMissingNode(), password::toString);
    assertTrue(report.values().stream().allMatch(d -> d.at("/variableAttribute/0/mutability").asText().equals("ReadWrite")));
    assertEquals("300", report.get("OCPPCommCtrlr.HeartbeatInterval").at("/variableAttribute/0/value").asText());
    noStrictFailures();
  }

  @Test
  void aSummaryInventoryReportsTheAvailabilityOfTheStationItsEvsesAndConnectorsAndTheirProblems() {
    // connector 0, the station as a whole, answered at once: 2.0.1 has no StatusNotification of it
    port.send("s0", Ocpp201CentralSystemTest.status(0, ChargePointStatus.FAULTED));
    core.result("s0", StatusNotificationResponse.class);
    csms.send("call b1 GetBaseReport {\"requestId\":7,\"reportBase\":\"SummaryInventory\"}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("b1").get("status").asText());

    Map<String, JsonNode> report = byName(report(7));
    assertEquals(Set.of("ChargingStation.AvailabilityState", "ChargingStation.Problem", "EVSE{\"id\":1}.AvailabilityState",
        "Connector{\"id\":1,\"connectorId\":1}.AvailabilityState"), report.keySet(), "EVSE 1 charges: no problem");
    assertEquals("Faulted", report.get("ChargingStation.AvailabilityState").at("/variableAttribute/0/value").asText());
    assertEquals("Occupied", report.get("EVSE{\"id\":1}.AvailabilityState").at("/variableAttribute/0/value").asText());
    noStrictFailures();
  }

  @Test
  void aGetBaseReportWhileAReportIsBeingSentIsRejectedAndOneAfterItsLastPartIsAccepted() {
    csms.send("hold NotifyReport");
    csms.awaitPrefix("holding NotifyReport");
    csms.send("call b1 GetBaseReport {\"requestId\":8,\"reportBase\":\"FullInventory\"}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("b1").get("status").asText());
    part(8, 0);

    csms.send("call b2 GetBaseReport {\"requestId\":9,\"reportBase\":\"ConfigurationInventory\"}");
    JsonNode rejected = result("b2");
    assertEquals("Rejected", rejected.get("status").asText());
    assertEquals("ReportInProgress", rejected.at("/statusInfo/reasonCode").asText());
    assertTrue(core.quiet(), "a rejected report does not ask the core");

    csms.send("release NotifyReport");
    report(8);
    // the link sends the next call once the last part is answered, so the report has ended by then
    port.send("h1", new HeartbeatRequest());
    core.result("h1", HeartbeatResponse.class);
    csms.send("call b3 GetBaseReport {\"requestId\":10,\"reportBase\":\"FullInventory\"}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("b3").get("status").asText());
    assertEquals(0, part(10, 0).get("seqNo").asInt());
    assertTrue(csms.reported().stream().noneMatch(l -> l.startsWith("received NotifyReport {\"requestId\":9")));
    noStrictFailures();
  }
}
