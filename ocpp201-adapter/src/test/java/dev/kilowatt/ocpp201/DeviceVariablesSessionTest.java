package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.HashAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GetVariables and SetVariables of the adapter's own variables ({@link OwnVariables}): read and written without
 * the core, kept across a restart, out-of-range values Rejected, and the DeviceDataCtrlr limits, in strict mode.
 */
class DeviceVariablesSessionTest extends PortSession {

  private final String[] coreCallId = new String[1];

  private static String entry(String component, String variable) {
    return "{\"component\":{\"name\":\"" + component + "\"},\"variable\":{\"name\":\"" + variable + "\"}}";
  }

  private static String entry(String component, String variable, String instance) {
    return "{\"component\":{\"name\":\"" + component + "\"},\"variable\":{\"name\":\"" + variable
        + "\",\"instance\":\"" + instance + "\"}}";
  }

  private static String value(String component, String variable, String value) {
    return "{\"component\":{\"name\":\"" + component + "\"},\"variable\":{\"name\":\"" + variable
        + "\"},\"attributeValue\":\"" + value + "\"}";
  }

  private JsonNode results(String tag, String field) {
    return csms.awaitJson("result " + tag + " ").get(field);
  }

  private static String statuses(JsonNode results) {
    List<String> statuses = new ArrayList<>();
    results.forEach(r -> statuses.add(r.get("attributeStatus").asText()));
    return String.join(",", statuses);
  }

  @Test
  void theStationsOwnFactsAreReadWithoutTheCoreAndAnInstanceIsPartOfTheVariablesName() {
    csms.send("call g1 GetVariables {\"getVariableData\":[" + entry("SecurityCtrlr", "Identity") + ","
        + entry("OCPPCommCtrlr", "MessageTimeout", "Default") + "," + entry("OCPPCommCtrlr", "MessageTimeout") + ","
        + entry("DeviceDataCtrlr", "ItemsPerMessage", "GetVariables") + "," + entry("ClockCtrlr", "DateTime") + ","
        + entry("DeviceDataCtrlr", "NoSuchVariable") + "]}");

    JsonNode results = results("g1", "getVariableResult");
    assertEquals("Accepted,Accepted,UnknownVariable,Accepted,Accepted,UnknownVariable", statuses(results));
    assertEquals("KW-0001", results.get(0).get("attributeValue").asText());
    assertEquals("30", results.get(1).get("attributeValue").asText(), "the port's message time-out, in seconds");
    assertEquals(String.valueOf(OwnVariables.ITEMS_PER_MESSAGE), results.get(3).get("attributeValue").asText());
    Instant clock = Instant.parse(results.get(4).get("attributeValue").asText());
    assertTrue(Math.abs(clock.getEpochSecond() - Instant.now().getEpochSecond()) < 60, clock::toString);
    assertTrue(core.quiet(), "none of them is the core's");
    noStrictFailures();
  }

  @Test
  void certificateEntriesCountsTheRootsOfBothKindsTheCoreHasInstalled() {
    csms.send("call g1 GetVariables {\"getVariableData\":[" + entry("SecurityCtrlr", "CertificateEntries") + "]}");
    List<String> calls = new ArrayList<>();
    for (CertificateUse use : CertificateUse.values()) {
      assertEquals(use, core.call(GetInstalledCertificateIdsRequest.class, coreCallId).certificateType());
      calls.add(coreCallId[0]);
    }
    CertificateHashData hash = new CertificateHashData(HashAlgorithm.SHA256, "aa", "bb", "01");
    port.reply(calls.get(0), new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.ACCEPTED,
        List.of(hash, hash)));
    port.reply(calls.get(1), new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.ACCEPTED, List.of(hash)));

    assertEquals("3", results("g1", "getVariableResult").get(0).get("attributeValue").asText());
    noStrictFailures();
  }

  @Test
  void aStoredVariableSetOverSetVariablesIsReadBackAfterARestart() {
    csms.send("call s1 SetVariables {\"setVariableData\":[" + value("OCPPCommCtrlr", "OfflineThreshold", "120") + ","
        + value("SampledDataCtrlr", "TxStartedMeasurands", "Energy.Active.Import.Register,SoC") + "]}");
    assertEquals("Accepted,Accepted", statuses(results("s1", "setVariableResult")));
    assertTrue(core.quiet());

    restart();
    csms.send("call g1 GetVariables {\"getVariableData\":[" + entry("OCPPCommCtrlr", "OfflineThreshold") + ","
        + entry("SampledDataCtrlr", "TxStartedMeasurands") + "," + entry("AlignedDataCtrlr", "TxEndedInterval") + "]}");
    JsonNode results = results("g1", "getVariableResult");
    assertEquals("120", results.get(0).get("attributeValue").asText());
    assertEquals("Energy.Active.Import.Register,SoC", results.get(1).get("attributeValue").asText());
    assertEquals("0", results.get(2).get("attributeValue").asText(), "never set: the initial value");
    noStrictFailures();
  }

  @Test
  void valuesOutOfRangeOrOfAnotherTypeAndReadOnlyVariablesAreRejectedAndLeaveTheValueAsItWas() {
    csms.send("call s1 SetVariables {\"setVariableData\":[" + value("OCPPCommCtrlr", "OfflineThreshold", "-1") + ","
        + value("OCPPCommCtrlr", "OfflineThreshold", "soon") + ","
        + value("OCPPCommCtrlr", "RetryBackOffWaitMinimum", "0") + ","
        + value("ClockCtrlr", "TimeSource", "NTP,Heartbeat") + ","
        + value("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1") + ","
        + value("SampledDataCtrlr", "TxStartedMeasurands", "Voltage,Voltage") + ","
        + value("SecurityCtrlr", "Identity", "KW-9999") + ","
        + value("DeviceDataCtrlr", "NoSuchVariable", "1") + ","
        + value("NoSuchCtrlr", "OfflineThreshold", "1") + "]}");

    assertEquals("Rejected,Rejected,Rejected,Rejected,Rejected,Rejected,Rejected,UnknownVariable,UnknownComponent",
        statuses(results("s1", "setVariableResult")));
    csms.send("call g1 GetVariables {\"getVariableData\":[" + entry("OCPPCommCtrlr", "OfflineThreshold") + ","
        + entry("SecurityCtrlr", "Identity") + "]}");
    JsonNode results = results("g1", "getVariableResult");
    assertEquals("60 KW-0001", results.get(0).get("attributeValue").asText() + " "
        + results.get(1).get("attributeValue").asText());
    assertTrue(core.quiet());
    noStrictFailures();
  }

  @Test
  void aSetVariablesOfKeysAndOwnVariablesAnswersEachInTheOrderGiven() {
    csms.send("call s1 SetVariables {\"setVariableData\":[" + value("OCPPCommCtrlr", "OfflineThreshold", "90") + ","
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"MessageAttempts\","
        + "\"instance\":\"TransactionEvent\"},\"attributeValue\":\"4\"}]}");
    ChangeConfigurationRequest change = core.call(ChangeConfigurationRequest.class, coreCallId);
    assertEquals("TransactionMessageAttempts 4", change.key() + " " + change.value());
    port.reply(coreCallId[0], new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED));

    assertEquals("Accepted,Accepted", statuses(results("s1", "setVariableResult")));
    noStrictFailures();
  }

  @Test
  void moreEntriesThanItemsPerMessageOrAFrameLongerThanBytesPerMessageIsRefusedWithACallError() {
    String many = String.join(",", Collections.nCopies(OwnVariables.ITEMS_PER_MESSAGE + 1,
        entry("SecurityCtrlr", "Identity")));
    csms.send("call g1 GetVariables {\"getVariableData\":[" + many + "]}");
    assertTrue(csms.awaitPrefix("error g1 ").startsWith("error g1 OccurrenceConstraintViolation"));

    String padding = "x".repeat(OwnVariables.BYTES_PER_MESSAGE);
    csms.send("call s1 SetVariables {\"customData\":{\"vendorId\":\"com.example\",\"padding\":\"" + padding + "\"},"
        + "\"setVariableData\":[" + value("OCPPCommCtrlr", "OfflineThreshold", "90") + "]}");
    assertTrue(csms.awaitPrefix("error s1 ").startsWith("error s1 FormatViolation"));

    csms.send("call g2 GetVariables {\"getVariableData\":["
        + String.join(",", Collections.nCopies(OwnVariables.ITEMS_PER_MESSAGE, entry("SecurityCtrlr", "Identity"))) + "]}");
    assertEquals(OwnVariables.ITEMS_PER_MESSAGE, results("g2", "getVariableResult").size(), "the limit itself is taken");
    assertTrue(core.quiet());
  }
}
