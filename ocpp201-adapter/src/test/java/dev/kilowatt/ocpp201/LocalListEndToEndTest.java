package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unchanged core on simulated hardware, over OCPP 2.0.1, against ocpp-rpc's server in strict mode: a local
 * authorization list sent over 2.0.1, full then differential, is what lets a card charge once the CSMS is gone,
 * and the cache is cleared only while it is enabled.
 */
class LocalListEndToEndTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String LISTED = "0A11571ED";
  private static final String BLOCKED = "0B10CCED";
  private static final String ADDED = "0ADDED01";
  private static final String UNKNOWN = "0BADCA4D";

  private CentralSystemProcess csms;
  private EventLoop loop;
  private SimulatedConnector connector;
  private SimulatedRfidReader reader;
  private ChargePoint chargePoint;
  private final CountDownLatch offline = new CountDownLatch(1);

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    reader = new SimulatedRfidReader();
    chargePoint = ChargePoint.builder(loop, storage,
            new HeardOffline(new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage)), kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7"))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .rfidReader(reader)
        .build();
    chargePoint.start();
    csms.received("BootNotification");
    csms.received("StatusNotification");
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    chargePoint.stop();
    connector.close();
    if (csms != null) {
      csms.close();
    }
    loop.close();
  }

  private JsonNode call(String tag, String action, String payload) {
    csms.send("call " + tag + " " + action + " " + payload);
    return csms.awaitJson("result " + tag + " ");
  }

  private static String entry(String idToken, String status) {
    return "{\"idToken\":{\"idToken\":\"" + idToken + "\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"" + status + "\"}}";
  }

  private static String variable(String component, String name) {
    return "{\"component\":{\"name\":\"" + component + "\"},\"variable\":{\"name\":\"" + name + "\"}}";
  }

  @Test
  void aListSentFullThenPatchedIsWhatAuthorizesOfflineAndAStalePatchIsAVersionMismatch() throws Exception {
    assertEquals(0, call("v0", "GetLocalListVersion", "{}").get("versionNumber").asInt(), "D02.FR.02: no list sent yet");
    assertEquals("Accepted", call("f1", "SendLocalList", "{\"versionNumber\":3,\"updateType\":\"Full\","
        + "\"localAuthorizationList\":[" + entry(LISTED, "Accepted") + "," + entry(BLOCKED, "Blocked") + "]}")
        .get("status").asText());
    assertEquals("Accepted", call("d1", "SendLocalList", "{\"versionNumber\":4,\"updateType\":\"Differential\","
        + "\"localAuthorizationList\":[" + entry(ADDED, "Accepted") + ",{\"idToken\":{\"idToken\":\"" + LISTED
        + "\",\"type\":\"ISO14443\"}}]}").get("status").asText());
    assertEquals("VersionMismatch", call("d2", "SendLocalList", "{\"versionNumber\":4,\"updateType\":\"Differential\","
        + "\"localAuthorizationList\":[" + entry(LISTED, "Accepted") + "]}").get("status").asText());
    assertEquals("Failed", call("f2", "SendLocalList", "{\"versionNumber\":5,\"updateType\":\"Full\","
        + "\"localAuthorizationList\":[" + entry(LISTED, "Accepted") + "," + entry(LISTED.toLowerCase(), "Blocked") + "]}")
        .get("status").asText(), "D01.FR.06: idTokens are unique, case-insensitively");
    assertEquals("Failed", call("f3", "SendLocalList", "{\"versionNumber\":5,\"updateType\":\"Full\","
        + "\"localAuthorizationList\":[{\"idToken\":{\"idToken\":\"" + LISTED + "\",\"type\":\"ISO14443\"}}]}")
        .get("status").asText(), "a full list says what each token may do");
    assertEquals(4, call("v1", "GetLocalListVersion", "{}").get("versionNumber").asInt(), "the refused updates changed nothing");
    assertEquals("Accepted", call("d3", "SendLocalList", "{\"versionNumber\":5,\"updateType\":\"Differential\"}")
        .get("status").asText());
    assertEquals(5, call("v2", "GetLocalListVersion", "{}").get("versionNumber").asInt(), "a patch of nothing moves the version");
    JsonNode results = call("g1", "GetVariables", "{\"getVariableData\":[" + variable("LocalAuthListCtrlr", "Enabled")
        + "," + variable("LocalAuthListCtrlr", "ItemsPerMessage") + "]}").get("getVariableResult");
    assertEquals("true", results.at("/0/attributeValue").asText());
    assertEquals("5000", results.at("/1/attributeValue").asText(), "the core's SendLocalListMaxLength");

    csms.close();
    csms = null;
    assertTrue(offline.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the core heard the CSMS go");
    connector.ev().plug();
    reader.present(BLOCKED);
    reader.present(UNKNOWN);
    reader.present(LISTED);
    reader.present(ADDED);

    awaitTransaction();
    List<TransactionRecord> transactions = chargePoint.transactions().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertEquals(List.of(ADDED), transactions.stream().map(TransactionRecord::idTag).toList(),
        "neither the blocked, the unknown nor the removed card started it; the card the patch added did");
  }

  @Test
  void theCacheIsClearedWhileEnabledAndClearCacheIsRejectedOnceItIsDisabledOverSetVariables() {
    reader.present(LISTED);
    csms.received("Authorize");
    assertEquals("Accepted", call("c1", "ClearCache", "{}").get("status").asText());

    JsonNode set = call("s1", "SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"false\","
        + variable("AuthCacheCtrlr", "Enabled").substring(1) + "]}");
    assertEquals("Accepted", set.at("/setVariableResult/0/attributeStatus").asText());
    JsonNode rejected = call("c2", "ClearCache", "{}");
    assertEquals("Rejected", rejected.get("status").asText());
    assertEquals("Disabled", rejected.at("/statusInfo/reasonCode").asText());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void aListDisabledOverSetVariablesIsVersionZeroAndTakesNoUpdate() {
    assertEquals("Accepted", call("f1", "SendLocalList", "{\"versionNumber\":2,\"updateType\":\"Full\","
        + "\"localAuthorizationList\":[" + entry(LISTED, "Accepted") + "]}").get("status").asText());
    JsonNode set = call("s1", "SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"false\","
        + variable("LocalAuthListCtrlr", "Enabled").substring(1) + "]}");
    assertEquals("Accepted", set.at("/setVariableResult/0/attributeStatus").asText());

    assertEquals(0, call("v1", "GetLocalListVersion", "{}").get("versionNumber").asInt(), "D02.FR.03");
    JsonNode failed = call("f2", "SendLocalList", "{\"versionNumber\":3,\"updateType\":\"Full\","
        + "\"localAuthorizationList\":[" + entry(ADDED, "Accepted") + "]}");
    assertEquals("Failed", failed.get("status").asText());
    assertEquals("Disabled", failed.at("/statusInfo/reasonCode").asText());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  /** Waits, asking the charge point, until its connector runs a transaction. */
  private void awaitTransaction() throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      List<ConnectorSnapshot> connectors = chargePoint.connectors().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      if (connectors.getFirst().transactionRunning()) {
        return;
      }
      // the core decides on its own loop; asking it again is all a test outside that loop can do
      Thread.sleep(50);
    }
    fail("no transaction started offline");
  }

  /** The station's port to the CSMS, telling the test when the core hears the connection is gone. */
  private final class HeardOffline implements CentralSystem {
    private final CentralSystem port;

    HeardOffline(CentralSystem port) {
      this.port = port;
    }

    @Override
    public void connect(ConnectionSettings settings, Listener listener) {
      port.connect(settings, new Listener() {
        @Override
        public void onConnected() {
          listener.onConnected();
        }

        @Override
        public void onDisconnected(String reason) {
          listener.onDisconnected(reason);
          offline.countDown();
        }

        @Override
        public void onCallResult(String callId, Response response) {
          listener.onCallResult(callId, response);
        }

        @Override
        public void onCallError(String callId, CallError error) {
          listener.onCallError(callId, error);
        }

        @Override
        public void onCall(String callId, CentralSystemRequest<?> request) {
          listener.onCall(callId, request);
        }

        @Override
        public void onSecurityEvent(String type, String techInfo) {
          listener.onSecurityEvent(type, techInfo);
        }

        @Override
        public void onTransactionsAsked(Consumer<List<UnsettledTransaction>> answer) {
          listener.onTransactionsAsked(answer);
        }
      });
    }

    @Override
    public void reconfigure(ConnectionSettings settings) {
      port.reconfigure(settings);
    }

    @Override
    public void disconnect() {
      port.disconnect();
    }

    @Override
    public void send(String callId, ChargePointRequest<?> request) {
      port.send(callId, request);
    }

    @Override
    public void reply(String callId, Response response) {
      port.reply(callId, response);
    }

    @Override
    public void replyError(String callId, CallError error) {
      port.replyError(callId, error);
    }
  }
}
