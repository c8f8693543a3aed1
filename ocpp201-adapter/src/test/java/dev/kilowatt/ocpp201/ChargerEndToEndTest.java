package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unchanged core on simulated hardware, over OCPP 2.0.1, against ocpp-rpc's server in strict mode: a
 * charger that boots, reports its connector, authorizes a card, charges with TransactionEvents Started,
 * Updated and Ended (with its charging state: EVConnected, Charging, Idle), and is started and stopped remotely; the central system asks after the transaction
 * and cannot unlock the fixed cable while it runs; the boot's security event reaches it; a variable it sets is
 * what its next base report says; a triggered MeterValues and TransactionEvent; the SecurityCtrlr variables (the
 * charger runs security profile 1, and this central system reports the password of every upgrade).
 */
class ChargerEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "00ff10e2a7c3b4d5f60718293a4b5c6d7e8f9012";
  private static final String NEW_KEY = "0123456789abcdef0123456789abcdef";

  private CentralSystemProcess csms;
  private EventLoop loop;
  private SimulatedConnector connector;
  private SimulatedRfidReader reader;
  private ChargePoint chargePoint;

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults().withMeterPollInterval(Duration.ofSeconds(1)));
    reader = new SimulatedRfidReader();
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage),
            kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7").withSerialNumber("SN-0001").withFirmwareVersion("0.2.0"))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .rfidReader(reader)
        .configuration("MeterValueSampleInterval", "10")
        .configuration("SecurityProfile", "1")
        .configuration("AuthorizationKey", KEY)
        .build();
    chargePoint.start();
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    chargePoint.stop();
    connector.close();
    csms.close();
    loop.close();
  }

  /** The next TransactionEvent of {@code eventType}, skipping others. */
  private JsonNode event(String eventType) throws Exception {
    String line = csms.await(l -> l.startsWith("received TransactionEvent ") && l.contains("\"eventType\":\"" + eventType + "\""));
    return JSON.readTree(line.substring("received TransactionEvent ".length()));
  }

  private void booted() throws Exception {
    JsonNode boot = csms.received("BootNotification");
    assertEquals("PowerUp", boot.get("reason").asText());
    assertEquals("KW-AC-7", boot.at("/chargingStation/model").asText());
    JsonNode status = csms.received("StatusNotification");
    assertEquals("Available", status.get("connectorStatus").asText());
    assertEquals(1, status.get("evseId").asInt());
  }

  @Test
  void aDriverChargesWithACardAndTheSessionIsOneStreamOfTransactionEvents() throws Exception {
    booted();

    reader.present("04A1B2C3");
    assertEquals("ISO14443", csms.received("Authorize").at("/idToken/type").asText());
    connector.ev().plug();
    connector.ev().requestEnergy();
    JsonNode started = event("Started");
    assertEquals(0, started.get("seqNo").asInt());
    assertEquals("04A1B2C3", started.at("/idToken/idToken").asText());
    assertEquals("EVConnected", started.at("/transactionInfo/chargingState").asText());
    String transactionId = started.at("/transactionInfo/transactionId").asText();
    // the core's StatusNotification Charging, in whichever order it came with the start, is a change of state
    String charging = csms.await(l -> l.startsWith("received TransactionEvent ") && l.contains("ChargingStateChanged"));
    assertTrue(charging.contains("\"chargingState\":\"Charging\""), charging);
    JsonNode updated = event("Updated");
    assertEquals(transactionId, updated.at("/transactionInfo/transactionId").asText());
    assertTrue(updated.get("seqNo").asInt() >= 1);

    connector.ev().unplug();
    JsonNode ended = event("Ended");
    assertEquals(transactionId, ended.at("/transactionInfo/transactionId").asText());
    assertEquals("EVDisconnected", ended.at("/transactionInfo/stoppedReason").asText());
    assertEquals("Idle", ended.at("/transactionInfo/chargingState").asText());
    assertTrue(ended.get("seqNo").asInt() > updated.get("seqNo").asInt());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  /**
   * A CSMS knows a transaction's id from its Started event, before it has answered it (part 2 E: the
   * station names the transaction), so it may stop it at once; the core hears of the id only with the
   * answer, so the stop waits for it instead of being Rejected as unknown.
   */
  @Test
  void aStopForATransactionWhoseStartedEventIsNotAnsweredYetWaitsForTheAnswer() throws Exception {
    booted();
    connector.ev().plug();
    csms.awaitPrefix("received StatusNotification ");
    csms.send("hold TransactionEvent");
    csms.awaitPrefix("holding TransactionEvent");
    csms.send("call r1 RequestStartTransaction {\"remoteStartId\":7,\"evseId\":1,"
        + "\"idToken\":{\"idToken\":\"APP-USER-8\",\"type\":\"Central\"}}");
    assertEquals("result r1 {\"status\":\"Accepted\"}", csms.awaitPrefix("result r1 "));
    connector.ev().requestEnergy();
    String transactionId = event("Started").at("/transactionInfo/transactionId").asText();

    csms.send("call s1 RequestStopTransaction {\"transactionId\":\"" + transactionId + "\"}");
    csms.send("release TransactionEvent");
    assertEquals("result s1 {\"status\":\"Accepted\"}", csms.awaitPrefix("result s1 "));
    JsonNode ended = event("Ended");
    assertEquals(transactionId, ended.at("/transactionInfo/transactionId").asText());
    assertEquals("Remote", ended.at("/transactionInfo/stoppedReason").asText());
  }

  @Test
  void theCentralSystemStartsAndStopsASessionRemotely() throws Exception {
    booted();
    connector.ev().plug();
    csms.awaitPrefix("received StatusNotification ");

    csms.send("call r1 RequestStartTransaction {\"remoteStartId\":42,\"evseId\":1,"
        + "\"idToken\":{\"idToken\":\"APP-USER-7\",\"type\":\"Central\"}}");
    assertEquals("result r1 {\"status\":\"Accepted\"}", csms.awaitPrefix("result r1 "));
    connector.ev().requestEnergy();
    JsonNode started = event("Started");
    assertEquals("RemoteStart", started.get("triggerReason").asText());
    assertEquals(42, started.at("/transactionInfo/remoteStartId").asInt());
    assertEquals("Central", started.at("/idToken/type").asText());

    String transactionId = started.at("/transactionInfo/transactionId").asText();
    csms.send("call s1 RequestStopTransaction {\"transactionId\":\"" + transactionId + "\"}");
    assertEquals("result s1 {\"status\":\"Accepted\"}", csms.awaitPrefix("result s1 "));
    JsonNode ended = event("Ended");
    assertEquals("Remote", ended.at("/transactionInfo/stoppedReason").asText());
    assertEquals("RemoteStop", ended.get("triggerReason").asText());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  /** More variables in one GetVariables than the core's GetConfigurationMaxKeys (10) lets one GetConfiguration name. */
  @Test
  void oneGetVariablesMayAskForMoreVariablesThanOneGetConfigurationMayName() throws Exception {
    booted();
    String[][] asked = {{"OCPPCommCtrlr", "HeartbeatInterval"}, {"OCPPCommCtrlr", "WebSocketPingInterval"},
        {"OCPPCommCtrlr", "ResetRetries"}, {"SampledDataCtrlr", "TxUpdatedInterval"},
        {"SampledDataCtrlr", "TxUpdatedMeasurands"}, {"SampledDataCtrlr", "TxEndedMeasurands"},
        {"AlignedDataCtrlr", "Interval"}, {"AlignedDataCtrlr", "Measurands"}, {"AuthCtrlr", "AuthorizeRemoteStart"},
        {"AuthCtrlr", "LocalAuthorizeOffline"}, {"AuthCtrlr", "LocalPreAuthorize"}, {"TxCtrlr", "EVConnectionTimeOut"}};
    StringBuilder data = new StringBuilder();
    for (String[] variable : asked) {
      data.append(data.isEmpty() ? "" : ",").append("{\"component\":{\"name\":\"").append(variable[0])
          .append("\"},\"variable\":{\"name\":\"").append(variable[1]).append("\"}}");
    }
    csms.send("call g1 GetVariables {\"getVariableData\":[" + data + "]}");

    JsonNode results = csms.awaitJson("result g1 ").get("getVariableResult");
    assertEquals(asked.length, results.size());
    results.forEach(result -> assertEquals("Accepted", result.get("attributeStatus").asText(), result::toString));
    assertEquals("10", results.get(3).get("attributeValue").asText(), "TxUpdatedInterval, set to 10 by the builder");
  }

  @Test
  void aVariableSetOverSetVariablesIsWhatTheNextFullInventoryReports() throws Exception {
    booted();
    csms.send("call v1 SetVariables {\"setVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"HeartbeatInterval\"},\"attributeValue\":\"120\"}]}");
    assertEquals("Accepted", csms.awaitJson("result v1 ").at("/setVariableResult/0/attributeStatus").asText());

    csms.send("call b1 GetBaseReport {\"requestId\":3,\"reportBase\":\"FullInventory\"}");
    List<JsonNode> report = new ArrayList<>();
    for (int seqNo = 0; ; seqNo++) {
      JsonNode part = csms.received("NotifyReport");
      assertEquals(3, part.get("requestId").asInt());
      assertEquals(seqNo, part.get("seqNo").asInt());
      part.get("reportData").forEach(report::add);
      if (!part.get("tbc").asBoolean()) {
        break;
      }
    }
    // the central system may print its result after the report it received at once
    String accepted = csms.reported().stream().filter(line -> line.startsWith("result b1 ")).findFirst()
        .orElseGet(() -> csms.awaitPrefix("result b1 "));
    assertEquals("result b1 {\"status\":\"Accepted\"}", accepted);
    JsonNode heartbeat = report.stream().filter(d -> d.at("/variable/name").asText().equals("HeartbeatInterval"))
        .findFirst().orElseThrow();
    assertEquals("120 ReadWrite", heartbeat.at("/variableAttribute/0/value").asText() + " "
        + heartbeat.at("/variableAttribute/0/mutability").asText());
    assertTrue(report.stream().anyMatch(d -> d.at("/component/name").asText().equals("Connector")
        && d.at("/variable/name").asText().equals("AvailabilityState")
        && d.at("/variableAttribute/0/value").asText().equals("Available")), report::toString);
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void theCentralSystemAsksAfterTheTransactionAndCannotUnlockTheFixedCableWhileItRuns() throws Exception {
    booted();
    reader.present("04A1B2C3");
    connector.ev().plug();
    connector.ev().requestEnergy();
    String transactionId = event("Started").at("/transactionInfo/transactionId").asText();

    csms.send("call g1 GetTransactionStatus {\"transactionId\":\"" + transactionId + "\"}");
    assertTrue(csms.awaitJson("result g1 ").get("ongoingIndicator").asBoolean());
    csms.send("call u1 UnlockConnector {\"evseId\":1,\"connectorId\":1}");
    assertEquals("OngoingAuthorizedTransaction", csms.awaitJson("result u1 ").get("status").asText());
    csms.send("call u2 UnlockConnector {\"evseId\":2,\"connectorId\":1}");
    assertEquals("UnknownConnector", csms.awaitJson("result u2 ").get("status").asText());

    connector.ev().unplug();
    event("Ended");
    csms.send("call g2 GetTransactionStatus {\"transactionId\":\"" + transactionId + "\"}");
    assertEquals(false, csms.awaitJson("result g2 ").get("ongoingIndicator").asBoolean());
    csms.send("call g3 GetTransactionStatus {}");
    assertEquals(false, csms.awaitJson("result g3 ").has("ongoingIndicator"));
    csms.send("call u3 UnlockConnector {\"evseId\":1,\"connectorId\":1}");
    assertEquals("UnlockFailed", csms.awaitJson("result u3 ").get("status").asText(), "a fixed cable has no lock to open");

    assertTrue(csms.reported().stream().anyMatch(line -> line.startsWith("received SecurityEventNotification ")
        && line.contains("\"type\":\"StartupOfTheDevice\"")), csms.reported()::toString);
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  /** The line that matches, reported already or next: a trigger's answer and the message it triggers may come in either order. */
  private JsonNode seenOrNext(String prefix, Predicate<String> wanted) throws Exception {
    Predicate<String> line = l -> l.startsWith(prefix) && wanted.test(l);
    String found = csms.reported().stream().filter(line).findFirst().orElseGet(() -> csms.await(line));
    return JSON.readTree(found.substring(prefix.length()));
  }

  /** Waits until {@code count} lines that match have been reported, awaited or skipped. */
  private void reported(Predicate<String> line, long count) {
    while (csms.reported().stream().filter(line).count() < count) {
      csms.await(line);
    }
  }

  private JsonNode trigger(String tag, String message) throws Exception {
    csms.send("call " + tag + " TriggerMessage {\"requestedMessage\":\"" + message + "\",\"evse\":{\"id\":1}}");
    return seenOrNext("result " + tag + " ", l -> true);
  }

  @Test
  void aTriggeredTransactionEventIsAnUpdatedEventOfTheRunningTransactionAndRejectedWithoutOne() throws Exception {
    booted();
    assertEquals("Rejected", trigger("t1", "TransactionEvent").get("status").asText(), "no transaction runs");
    assertEquals("Accepted", trigger("t2", "MeterValues").get("status").asText());
    JsonNode meterValues = seenOrNext("received MeterValues ", l -> true);
    assertEquals(1, meterValues.get("evseId").asInt());
    assertEquals("Trigger", meterValues.at("/meterValue/0/sampledValue/0/context").asText());

    reader.present("04A1B2C3");
    connector.ev().plug();
    connector.ev().requestEnergy();
    String transactionId = event("Started").at("/transactionInfo/transactionId").asText();
    assertEquals("Accepted", trigger("t3", "TransactionEvent").get("status").asText());
    JsonNode triggered = seenOrNext("received TransactionEvent ", l -> l.contains("\"triggerReason\":\"Trigger\""));
    assertEquals("Updated", triggered.get("eventType").asText());
    assertEquals(transactionId, triggered.at("/transactionInfo/transactionId").asText());
    assertEquals("Trigger", triggered.at("/meterValue/0/sampledValue/0/context").asText());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  private static String variable(String name, String value) {
    return "{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"" + name + "\"}"
        + (value.isEmpty() ? "" : ",\"attributeValue\":\"" + value + "\"") + "}";
  }

  /** N01.FR.05: this charger has no diagnostics collector, so no logs; its core's 1.6 NotImplemented is Rejected. */
  @Test
  void aGetLogOfAChargerWithoutLogsIsRejected() throws Exception {
    booted();
    JsonNode answer = answer("l1", "GetLog", "{\"logType\":\"DiagnosticsLog\",\"requestId\":3,"
        + "\"log\":{\"remoteLocation\":\"ftp://logs.example/\"}}");
    assertEquals("Rejected", answer.get("status").asText(), answer::toString);
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  private JsonNode answer(String tag, String action, String params) throws Exception {
    csms.send("call " + tag + " " + action + " " + params);
    return JSON.readTree(csms.awaitPrefix("result " + tag + " ").substring(("result " + tag + " ").length()));
  }

  /**
   * SetVariables of the WriteOnly BasicAuthPassword is the core's AuthorizationKey and the station reconnects
   * with it; GetVariables never reveals it; the ReadOnly SecurityProfile is read, not written.
   */
  @Test
  void theBasicAuthPasswordIsWrittenNeverReadAndTheStationReconnectsWithIt() throws Exception {
    assertEquals("upgrade KW-0001 password=" + KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
    csms.received("BootNotification");

    JsonNode read = answer("get", "GetVariables",
        "{\"getVariableData\":[" + variable("BasicAuthPassword", "") + "," + variable("SecurityProfile", "") + "]}");
    JsonNode password = read.at("/getVariableResult/0");
    assertEquals("Rejected", password.get("attributeStatus").asText());
    assertFalse(password.has("attributeValue"), password::toString);
    assertEquals("Accepted", read.at("/getVariableResult/1/attributeStatus").asText());
    assertEquals("1", read.at("/getVariableResult/1/attributeValue").asText());

    JsonNode written = answer("set", "SetVariables",
        "{\"setVariableData\":[" + variable("BasicAuthPassword", NEW_KEY) + "," + variable("SecurityProfile", "2") + "]}");
    assertEquals("Accepted", written.at("/setVariableResult/0/attributeStatus").asText());
    assertEquals("Rejected", written.at("/setVariableResult/1/attributeStatus").asText(), "SecurityProfile is ReadOnly");

    // ocpp-rpc may report the new upgrade before the old connection's close, or before the answer: no order asserted
    reported(line -> line.equals("upgrade KW-0001 password=" + NEW_KEY + " clientCert=none"), 1);
    reported(line -> line.equals("connected KW-0001 ocpp2.0.1"), 2);
    assertEquals(2, csms.reported().stream().filter(line -> line.startsWith("upgrade ")).count(), csms.reported()::toString);
    assertEquals("1", answer("again", "GetVariables", "{\"getVariableData\":[" + variable("SecurityProfile", "") + "]}")
        .at("/getVariableResult/0/attributeValue").asText(), "the profile is unchanged");
    assertTrue(csms.reported().stream().noneMatch(line -> line.contains(NEW_KEY) && line.startsWith("result")),
        csms.reported()::toString);
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
