package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.StatusNotificationResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GetReport (part 2 B08): its filters, its answers and its report, against ocpp-rpc in strict mode. */
class GetReportSessionTest extends ReportSession {

  private Set<String> reported(int requestId) {
    return byName(report(requestId)).keySet();
  }

  @Test
  void componentVariablesSelectOneVariableAllInstancesOfAnotherAndEveryVariableOfAComponent() {
    csms.send("call g1 GetReport {\"requestId\":11,\"componentVariable\":["
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"MessageAttempts\"}},"
        + "{\"component\":{\"name\":\"Connector\",\"evse\":{\"id\":1}}},"
        + "{\"component\":{\"name\":\"ClockCtrlr\"},\"variable\":{\"name\":\"TimeSource\",\"instance\":\"Other\"}}]}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("g1").get("status").asText());

    // MessageAttempts names no instance, so its instance TransactionEvent is in; TimeSource has no instance Other
    assertEquals(Set.of("OCPPCommCtrlr.HeartbeatInterval", "OCPPCommCtrlr.MessageAttempts[TransactionEvent]",
        "Connector{\"id\":1,\"connectorId\":1}.AvailabilityState", "Connector{\"id\":1,\"connectorId\":1}.Available",
        "Connector{\"id\":1,\"connectorId\":1}.Problem"), reported(11));
    assertEquals(0, part(11, 0).get("seqNo").asInt());
    noStrictFailures();
  }

  @Test
  void aWholeControllerIsItsMappedKeysAndTheStationsOwnVariablesTheTxPointsAndTheLocalListsKeys() {
    csms.send("call g1 GetReport {\"requestId\":17,\"componentVariable\":["
        + "{\"component\":{\"name\":\"TxCtrlr\"}},{\"component\":{\"name\":\"LocalAuthListCtrlr\"}},"
        + "{\"component\":{\"name\":\"AuthCacheCtrlr\"}},"
        + "{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaxCertificateChainSize\"}}]}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("g1").get("status").asText());

    // the core has no MaxEnergyOnInvalidId here; TxStartPoint and TxStopPoint are the station's, not the core's
    Map<String, JsonNode> report = byName(report(17));
    assertEquals(Set.of("TxCtrlr.EVConnectionTimeOut", "TxCtrlr.StopTxOnEVSideDisconnect", "TxCtrlr.StopTxOnInvalidId",
        "TxCtrlr.TxStartPoint", "TxCtrlr.TxStopPoint", "LocalAuthListCtrlr.Enabled", "LocalAuthListCtrlr.ItemsPerMessage",
        "AuthCacheCtrlr.Enabled", "SecurityCtrlr.MaxCertificateChainSize"), report.keySet());
    assertEquals("PowerPathClosed ReadWrite", report.get("TxCtrlr.TxStartPoint").at("/variableAttribute/0/value").asText()
        + " " + report.get("TxCtrlr.TxStartPoint").at("/variableAttribute/0/mutability").asText());
    assertEquals("ReadOnly integer", mutabilityAndType(report.get("LocalAuthListCtrlr.ItemsPerMessage")));
    assertEquals("ReadOnly integer", mutabilityAndType(report.get("SecurityCtrlr.MaxCertificateChainSize")));
    assertEquals("ReadWrite boolean", mutabilityAndType(report.get("LocalAuthListCtrlr.Enabled")));
    noStrictFailures();
  }

  private static String mutabilityAndType(JsonNode data) {
    return data.at("/variableAttribute/0/mutability").asText() + " " + data.at("/variableCharacteristics/dataType").asText();
  }

  @Test
  void theAvailableCriterionSelectsTheComponentsThatAreAvailableAndNarrowsTheComponentVariables() {
    csms.send("call g1 GetReport {\"requestId\":12,\"componentCriteria\":[\"Available\"]}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("g1").get("status").asText());
    assertEquals(Set.of("EVSE{\"id\":1}.AvailabilityState", "EVSE{\"id\":1}.Available", "EVSE{\"id\":1}.Problem",
        "Connector{\"id\":1,\"connectorId\":1}.AvailabilityState", "Connector{\"id\":1,\"connectorId\":1}.Available",
        "Connector{\"id\":1,\"connectorId\":1}.Problem"), reported(12));

    csms.send("call g2 GetReport {\"requestId\":13,\"componentCriteria\":[\"Available\"],\"componentVariable\":["
        + "{\"component\":{\"name\":\"EVSE\"},\"variable\":{\"name\":\"AvailabilityState\"}},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"}}]}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("g2").get("status").asText());
    assertEquals(Set.of("EVSE{\"id\":1}.AvailabilityState"), reported(13), "OCPPCommCtrlr has no Available");
    noStrictFailures();
  }

  @Test
  void aReportOfNothingIsAnEmptyResultSetAndNoNotifyReportFollows() {
    csms.send("call g1 GetReport {\"requestId\":14,\"componentVariable\":["
        + "{\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":2}}},{\"component\":{\"name\":\"NoSuchCtrlr\"}}]}");
    coreAnswers(configuration(), List.of());

    assertEquals("EmptyResultSet", result("g1").get("status").asText());
    port.send("h1", new dev.kilowatt.core.message.HeartbeatRequest());
    core.result("h1", dev.kilowatt.core.message.HeartbeatResponse.class);
    assertTrue(csms.reported().stream().noneMatch(l -> l.startsWith("received NotifyReport ")), csms.reported()::toString);
    noStrictFailures();
  }

  @Test
  void theProblemCriterionFindsNoneWhileNothingIsFaultedAndThenTheFaultedEvse() {
    String evseOne = "\"componentVariable\":[{\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":1}},"
        + "\"variable\":{\"name\":\"AvailabilityState\"}}]";
    // as the OCA's TC_B_18 asks it: EVSE 1's AvailabilityState of the components with a problem, then available
    csms.send("call g1 GetReport {\"requestId\":15,\"componentCriteria\":[\"Problem\"]," + evseOne + "}");
    coreAnswers(configuration(), List.of());
    assertEquals("EmptyResultSet", result("g1").get("status").asText());
    csms.send("call g2 GetReport {\"requestId\":16,\"componentCriteria\":[\"Available\"]," + evseOne + "}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("g2").get("status").asText());
    assertEquals(Set.of("EVSE{\"id\":1}.AvailabilityState"), reported(16));

    port.send("s2", Ocpp201CentralSystemTest.status(1, ChargePointStatus.FAULTED));
    core.result("s2", StatusNotificationResponse.class);
    csms.send("call g3 GetReport {\"requestId\":17,\"componentCriteria\":[\"Problem\"]}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("g3").get("status").asText());
    assertEquals(Set.of("EVSE{\"id\":1}.AvailabilityState", "EVSE{\"id\":1}.Available", "EVSE{\"id\":1}.Problem",
        "Connector{\"id\":1,\"connectorId\":1}.AvailabilityState", "Connector{\"id\":1,\"connectorId\":1}.Available",
        "Connector{\"id\":1,\"connectorId\":1}.Problem"), reported(17));
    noStrictFailures();
  }

  @Test
  void aCriterionNoComponentOfTheStationHasIsNotSupportedWithoutTheCore() {
    csms.send("call g1 GetReport {\"requestId\":15,\"componentCriteria\":[\"Available\",\"Enabled\"]}");

    JsonNode answer = result("g1");
    assertEquals("NotSupported", answer.get("status").asText());
    assertTrue(answer.at("/statusInfo/additionalInfo").asText().contains("Enabled"), answer::toString);
    assertTrue(core.quiet());
    noStrictFailures();
  }

  @Test
  void moreComponentVariablesThanItemsPerMessageIsAnOccurrenceConstraintViolation() {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i <= OwnVariables.ITEMS_PER_MESSAGE; i++) {
      entries.append(i == 0 ? "" : ",").append("{\"component\":{\"name\":\"OCPPCommCtrlr\"}}");
    }
    csms.send("call g1 GetReport {\"requestId\":16,\"componentVariable\":[" + entries + "]}");

    assertTrue(line(l -> l.startsWith("error g1 ")).startsWith("error g1 OccurrenceConstraintViolation"));
    assertTrue(core.quiet());
  }

  @Test
  void aGetReportWhileAReportIsBeingSentIsRejected() {
    csms.send("hold NotifyReport");
    csms.awaitPrefix("holding NotifyReport");
    csms.send("call b1 GetBaseReport {\"requestId\":17,\"reportBase\":\"FullInventory\"}");
    coreAnswers(configuration(), List.of());
    assertEquals("Accepted", result("b1").get("status").asText());
    part(17, 0);

    csms.send("call g1 GetReport {\"requestId\":18,\"componentCriteria\":[\"Available\"]}");
    JsonNode rejected = result("g1");
    assertEquals("Rejected ReportInProgress", rejected.get("status").asText() + " "
        + rejected.at("/statusInfo/reasonCode").asText());
    assertTrue(core.quiet(), "a rejected report does not ask the core");
    csms.send("release NotifyReport");
    report(17);
    noStrictFailures();
  }
}
