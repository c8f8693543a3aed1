package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.StatusNotificationResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetBaseReport answered and its report sent as NotifyReport messages, against ocpp-rpc in strict mode. */
class ReportsSessionTest extends PortSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String[] coreCallId = new String[1];

  /** The core has reported EVSE 1, as it does after every boot. */
  @BeforeEach
  void evseReported() {
    port.send("s1", Ocpp201CentralSystemTest.status(1, ChargePointStatus.CHARGING));
    core.result("s1", StatusNotificationResponse.class);
    csms.received("StatusNotification");
  }

  private static JsonNode json(String line, String prefix) {
    try {
      return JSON.readTree(line.substring(prefix.length()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The line {@code wanted}, whether reported already or still to come: the central system may print its result
   * of a call after the calls the station makes at once on answering it.
   */
  private String line(Predicate<String> wanted) {
    return csms.reported().stream().filter(wanted).findFirst().orElseGet(() -> csms.await(wanted));
  }

  private JsonNode result(String tag) {
    return json(line(l -> l.startsWith("result " + tag + " ")), "result " + tag + " ");
  }

  /** Part {@code seqNo} of report {@code requestId}, as the central system received it. */
  private JsonNode part(int requestId, int seqNo) {
    String prefix = "received NotifyReport ";
    return json(line(l -> l.startsWith(prefix) && json(l, prefix).get("requestId").asInt() == requestId
        && json(l, prefix).get("seqNo").asInt() == seqNo), prefix);
  }

  /** The core answers the report's GetConfiguration with every key of {@code values}, read-only where named. */
  private void coreAnswers(Map<String, String> values, List<String> readOnly) {
    GetConfigurationRequest get = core.call(GetConfigurationRequest.class, coreCallId);
    assertEquals(List.of(), get.key(), "all keys: the mapped ones may be more than GetConfigurationMaxKeys");
    List<KeyValue> keys = new ArrayList<>();
    values.forEach((key, value) -> keys.add(new KeyValue(key, readOnly.contains(key), Optional.of(value))));
    port.reply(coreCallId[0], new GetConfigurationResponse(keys, List.of()));
  }

  /**
   * Every key mapped, and one that is not, each with a value of its type; the last mapped, MaxEnergyOnInvalidId,
   * the core does not have.
   */
  private static Map<String, String> configuration() {
    Map<String, String> values = new HashMap<>();
    Variables.TABLE.forEach(mapping -> values.put(mapping.key(), "0"));
    values.put("GetConfigurationMaxKeys", "10");
    values.remove("MaxEnergyOnInvalidId");
    values.put("HeartbeatInterval", "300");
    values.put("AuthorizeRemoteTxRequests", "true");
    values.put("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import");
    return values;
  }

  private static Map<String, JsonNode> byName(List<JsonNode> reportData) {
    Map<String, JsonNode> named = new HashMap<>();
    for (JsonNode data : reportData) {
      named.put(data.at("/component/name").asText() + data.at("/component/evse").toString() + "."
          + data.at("/variable/name").asText(), data);
    }
    return named;
  }

  /**
   * The variables of report {@code requestId}, part by part until one is not to be continued, checking each
   * part's seqNo and generatedAt and that every part but the last is full.
   */
  private List<JsonNode> report(int requestId) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode first = part(requestId, 0);
    for (JsonNode part = first; ; part = part(requestId, part.get("seqNo").asInt() + 1)) {
      assertEquals(first.get("generatedAt"), part.get("generatedAt"));
      part.get("reportData").forEach(items::add);
      if (!part.get("tbc").asBoolean()) {
        return items;
      }
      assertEquals(DeviceReport.ITEMS_PER_PART, part.get("reportData").size());
    }
  }

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
    // and the station's own TxStartPoint and TxStopPoint
    assertEquals(rowsBut("MaxEnergyOnInvalidId") + TxPoints.Setting.values().length + 4, report.size());
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
    assertEquals("Occupied", report.get("EVSE{\"id\":1}.AvailabilityState").at("/variableAttribute/0/value").asText());
    noStrictFailures();
  }

  @Test
  void aConfigurationInventoryReportsOnlyTheVariablesTheOperatorCanSet() {
    csms.send("call b1 GetBaseReport {\"requestId\":6,\"reportBase\":\"ConfigurationInventory\"}");
    coreAnswers(configuration(), List.of("ResetRetries", "WebSocketPingInterval"));
    assertEquals("Accepted", result("b1").get("status").asText());

    Map<String, JsonNode> report = byName(report(6));
    // SecurityProfile and LocalAuthListCtrlr.ItemsPerMessage are ReadOnly in 2.0.1 whatever the 1.6 key allows;
    // BasicAuthPassword is set, never read
    assertEquals(rowsBut("MaxEnergyOnInvalidId", "ResetRetries", "WebSocketPingInterval", "SecurityProfile",
        "SendLocalListMaxLength") + TxPoints.Setting.values().length, report.size());
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
  void aSummaryInventoryIsNotSupportedWithoutTheCoreAndNoReportFollows() {
    csms.send("call b1 GetBaseReport {\"requestId\":7,\"reportBase\":\"SummaryInventory\"}");

    assertEquals("NotSupported", result("b1").get("status").asText());
    assertTrue(core.quiet());
    // a call of the station's after the answer: a report would have left before it
    port.send("h1", new HeartbeatRequest());
    core.result("h1", HeartbeatResponse.class);
    assertTrue(csms.reported().stream().noneMatch(l -> l.startsWith("received NotifyReport ")), csms.reported()::toString);
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
