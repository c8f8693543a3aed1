package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.ChargePointListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Block K over 2.0.1 on the unchanged core and its one allocator, against ocpp-rpc's server in strict mode: a
 * TxProfile set during a transaction changes the current offered to the EV, the composite schedule shows it, a
 * clear takes it away; what the core cannot honour is Rejected with its reason.
 */
class SmartChargingSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CentralSystemProcess csms;
  private SimulatedCharger charger;
  /** Each current the core offers connector 1, in amperes, as the embedder hears it. */
  private final BlockingQueue<Double> offers = new LinkedBlockingQueue<>();

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    charger = new SimulatedCharger(csms, new ChargePointListener() {
      @Override
      public void onOfferChanged(int connectorId, double amperes, String explanation) {
        offers.add(amperes);
      }
    }, builder -> builder);
    csms.received("BootNotification");
    csms.received("StatusNotification");
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    charger.close();
    csms.close();
  }

  private void offered(double amperes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (Double offer = offers.poll(20, TimeUnit.SECONDS); offer != null; offer = offers.poll(deadline - System.nanoTime(),
        TimeUnit.NANOSECONDS)) {
      if (offer == amperes) {
        return;
      }
    }
    fail("the core never offered " + amperes + " A");
  }

  private JsonNode call(String tag, String action, String params) throws Exception {
    csms.send("call " + tag + " " + action + " " + params);
    String line = csms.awaitPrefix("result " + tag + " ");
    return JSON.readTree(line.substring(("result " + tag + " ").length()));
  }

  private static String txProfile(int id, String transactionId, double amperes) {
    return "{\"evseId\":1,\"chargingProfile\":{\"id\":" + id + ",\"stackLevel\":0,\"chargingProfilePurpose\":\"TxProfile\","
        + "\"chargingProfileKind\":\"Relative\",\"transactionId\":\"" + transactionId + "\",\"chargingSchedule\":[{\"id\":1,"
        + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":" + amperes + "}]}]}}";
  }

  private String charging() throws Exception {
    charger.reader.present("04A1B2C3");
    csms.received("Authorize");
    charger.connector.ev().plug();
    charger.connector.ev().requestEnergy();
    String line = csms.await(l -> l.startsWith("received TransactionEvent ") && l.contains("\"eventType\":\"Started\""));
    offered(16.0);
    return JSON.readTree(line.substring("received TransactionEvent ".length())).at("/transactionInfo/transactionId").asText();
  }

  @Test
  void aTxProfileDuringATransactionLowersTheOfferTheCompositeScheduleShowsItAndAClearLiftsIt() throws Exception {
    String transactionId = charging();

    assertEquals("Accepted", call("p1", "SetChargingProfile", txProfile(7, transactionId, 10)).get("status").asText());
    offered(10.0);
    JsonNode composite = call("c1", "GetCompositeSchedule", "{\"duration\":600,\"evseId\":1}");
    assertEquals("Accepted", composite.get("status").asText());
    assertEquals(1, composite.at("/schedule/evseId").asInt());
    assertEquals("A", composite.at("/schedule/chargingRateUnit").asText());
    assertEquals(10.0, composite.at("/schedule/chargingSchedulePeriod/0/limit").asDouble());
    assertEquals(0, composite.at("/schedule/chargingSchedulePeriod/0/startPeriod").asInt());

    assertEquals("Accepted", call("x1", "ClearChargingProfile", "{\"chargingProfileId\":7}").get("status").asText());
    offered(16.0);
    assertEquals("Unknown", call("x2", "ClearChargingProfile", "{\"chargingProfileId\":7}").get("status").asText());
    assertEquals("Rejected", call("c2", "GetCompositeSchedule", "{\"duration\":600,\"evseId\":5}").get("status").asText(),
        "an EVSE the station does not have");
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void whatTheCoreCannotHonourIsRejectedWithItsReasonAndAStationMaximumGoesToTheCore() throws Exception {
    String transactionId = charging();
    JsonNode two = call("p1", "SetChargingProfile", txProfile(7, transactionId, 10).replace("}]}]}}",
        "}]},{\"id\":2,\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":2300}]}]}}"));
    assertEquals("Rejected", two.get("status").asText());
    assertEquals("InvalidSchedule", two.at("/statusInfo/reasonCode").asText());
    JsonNode other = call("p2", "SetChargingProfile", txProfile(8, "made-elsewhere", 10));
    assertEquals("TxNotFound", other.at("/statusInfo/reasonCode").asText());
    JsonNode over = call("p5", "SetChargingProfile", txProfile(8, "1-2020-01-01T00:00:00Z", 10));
    assertEquals("Rejected", over.get("status").asText(), "an id of this EVSE's the core does not run: the core refuses");
    JsonNode external = call("p3", "SetChargingProfile", txProfile(9, transactionId, 10)
        .replace("TxProfile", "ChargingStationExternalConstraints"));
    assertEquals("InvalidValue", external.at("/statusInfo/reasonCode").asText());

    String max = "{\"evseId\":0,\"chargingProfile\":{\"id\":3,\"stackLevel\":0,\"chargingProfilePurpose\":"
        + "\"ChargingStationMaxProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":[{\"id\":1,"
        + "\"startSchedule\":\"2020-01-01T00:00:00Z\",\"chargingRateUnit\":\"A\","
        + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":6}]}]}}";
    assertEquals("Accepted", call("p4", "SetChargingProfile", max).get("status").asText());
    offered(6.0);
    JsonNode criteria = call("x1", "ClearChargingProfile",
        "{\"chargingProfileCriteria\":{\"evseId\":0,\"chargingProfilePurpose\":\"ChargingStationMaxProfile\"}}");
    assertEquals("Accepted", criteria.get("status").asText());
    offered(16.0);
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void theSmartChargingCtrlrVariablesAreTheCoresReadOnlyKeysTheRateUnitsInTwoPointZeroOneWords() throws Exception {
    String get = "{\"getVariableData\":[" + variable("ProfileStackLevel") + "," + variable("PeriodsPerSchedule") + ","
        + variable("Phases3to1") + "," + variable("RateUnit") + "," + variable("Entries") + "]}";
    JsonNode results = call("g1", "GetVariables", get).get("getVariableResult");
    assertEquals("8", results.at("/0/attributeValue").asText(), "ChargeProfileMaxStackLevel");
    assertEquals("24", results.at("/1/attributeValue").asText(), "ChargingScheduleMaxPeriods");
    assertEquals("false", results.at("/2/attributeValue").asText(), "ConnectorSwitch3to1PhaseSupported");
    assertEquals("A,W", results.at("/3/attributeValue").asText(), "ChargingScheduleAllowedChargingRateUnit Current,Power");
    assertEquals("UnknownVariable", results.at("/4/attributeStatus").asText());

    JsonNode set = call("s1", "SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"3\","
        + "\"component\":{\"name\":\"SmartChargingCtrlr\"},\"variable\":{\"name\":\"ProfileStackLevel\"}}]}");
    assertEquals("Rejected", set.at("/setVariableResult/0/attributeStatus").asText(), "ReadOnly");
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void getChargingProfilesReportsTheCoresProfilesOnePartPerEvseAndNoProfilesWhenNoneMatch() throws Exception {
    String station = "{\"evseId\":0,\"chargingProfile\":{\"id\":11,\"stackLevel\":1,\"chargingProfilePurpose\":"
        + "\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":[{\"id\":4,"
        + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":12}]}]}}";
    assertEquals("Accepted", call("p1", "SetChargingProfile", station).get("status").asText());
    assertEquals("Accepted", call("p2", "SetChargingProfile", station.replace("\"evseId\":0", "\"evseId\":1")
        .replace("\"id\":11", "\"id\":12")).get("status").asText());

    assertEquals("Accepted", call("g1", "GetChargingProfiles", "{\"requestId\":9,\"chargingProfile\":{}}")
        .get("status").asText());
    JsonNode first = csms.received("ReportChargingProfiles");
    assertEquals(9, first.get("requestId").asInt());
    assertEquals(0, first.get("evseId").asInt());
    assertEquals("CSO", first.get("chargingLimitSource").asText());
    assertTrue(first.get("tbc").asBoolean());
    assertEquals(11, first.at("/chargingProfile/0/id").asInt());
    assertEquals(12.0, first.at("/chargingProfile/0/chargingSchedule/0/chargingSchedulePeriod/0/limit").asDouble());
    JsonNode second = csms.received("ReportChargingProfiles");
    assertEquals(1, second.get("evseId").asInt());
    assertFalse(second.has("tbc"), "the last part");
    assertEquals(12, second.at("/chargingProfile/0/id").asInt());

    assertEquals("Accepted", call("g2", "GetChargingProfiles",
        "{\"requestId\":10,\"evseId\":1,\"chargingProfile\":{\"stackLevel\":1}}").get("status").asText());
    JsonNode only = csms.received("ReportChargingProfiles");
    assertEquals(10, only.get("requestId").asInt());
    assertEquals(1, only.get("evseId").asInt());
    assertEquals("NoProfiles", call("g3", "GetChargingProfiles",
        "{\"requestId\":11,\"chargingProfile\":{\"chargingProfileId\":[99]}}").get("status").asText());
    assertEquals("NoProfiles", call("g4", "GetChargingProfiles",
        "{\"requestId\":12,\"chargingProfile\":{\"chargingLimitSource\":[\"EMS\"]}}").get("status").asText());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  private static String variable(String name) {
    return "{\"component\":{\"name\":\"SmartChargingCtrlr\"},\"variable\":{\"name\":\"" + name + "\"}}";
  }
}
