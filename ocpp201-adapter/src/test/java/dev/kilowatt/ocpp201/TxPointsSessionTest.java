package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import org.junit.jupiter.api.Test;

/** TxCtrlr.TxStartPoint and TxStopPoint over SetVariables and GetVariables, against ocpp-rpc in strict mode. */
class TxPointsSessionTest extends PortSession {

  private final String[] coreCallId = new String[1];

  private static String txCtrlr(String variable, String value) {
    return "{\"component\":{\"name\":\"TxCtrlr\"},\"variable\":{\"name\":\"" + variable + "\"},\"attributeValue\":\""
        + value + "\"}";
  }

  @Test
  void theStartAndStopPointsTheCoreKeepsToAreStoredAcrossARestartAndOthersAreRejected() {
    csms.send("call v1 SetVariables {\"setVariableData\":[" + txCtrlr("TxStartPoint", "EVConnected") + ","
        + txCtrlr("EVConnectionTimeOut", "90") + "," + txCtrlr("TxStartPoint", "PowerPathClosed,EnergyTransfer") + ","
        + txCtrlr("TxStopPoint", "EVConnected,Authorized") + "," + txCtrlr("TxStopPoint", "Authorized") + "]}");

    // only the 1.6 key goes to the core; the points are the station's own
    assertEquals(new ChangeConfigurationRequest("ConnectionTimeOut", "90"),
        core.call(ChangeConfigurationRequest.class, coreCallId));
    port.reply(coreCallId[0], new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED));
    JsonNode results = csms.awaitJson("result v1 ").get("setVariableResult");
    assertEquals("Rejected Accepted Accepted Rejected Accepted", String.join(" ",
        results.findValuesAsText("attributeStatus")));
    assertEquals("TxStartPoint UnsupportedValue", results.get(0).at("/variable/name").asText() + " "
        + results.get(0).at("/attributeStatusInfo/reasonCode").asText());
    assertEquals("TxStopPoint", results.get(3).at("/variable/name").asText());

    restart();
    csms.send("call g1 GetVariables {\"getVariableData\":["
        + "{\"component\":{\"name\":\"TxCtrlr\"},\"variable\":{\"name\":\"TxStartPoint\"}},"
        + "{\"component\":{\"name\":\"TxCtrlr\"},\"variable\":{\"name\":\"TxStopPoint\"}}]}");
    JsonNode read = csms.awaitJson("result g1 ").get("getVariableResult");
    assertEquals("Accepted PowerPathClosed,EnergyTransfer", read.get(0).get("attributeStatus").asText() + " "
        + read.get(0).get("attributeValue").asText());
    assertEquals("Accepted Authorized", read.get(1).get("attributeStatus").asText() + " "
        + read.get(1).get("attributeValue").asText());
    assertTrue(core.quiet(), "the points are read without the core");
    noStrictFailures();
  }
}
