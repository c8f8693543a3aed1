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
import dev.kilowatt.test.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SecurityCtrlr variables over the real core, against ocpp-rpc's server in strict mode, which reports the
 * password of every upgrade: SetVariables of the WriteOnly BasicAuthPassword is the core's AuthorizationKey and
 * the station reconnects with it, GetVariables never reveals it, and the ReadOnly SecurityProfile is read, not
 * written.
 */
class SecurityVariablesEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "00ff10e2a7c3b4d5f60718293a4b5c6d7e8f9012";
  private static final String NEW_KEY = "0123456789abcdef0123456789abcdef";

  private CentralSystemProcess csms;
  private EventLoop loop;
  private SimulatedConnector connector;
  private ChargePoint chargePoint;

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.secured();
    loop = new EventLoop();
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-SEC"), loop, storage),
            kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7"))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
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

  private static String variable(String name, String value) {
    return "{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"" + name + "\"}"
        + (value.isEmpty() ? "" : ",\"attributeValue\":\"" + value + "\"") + "}";
  }

  private JsonNode answer(String tag, String action, String params) throws Exception {
    csms.send("call " + tag + " " + action + " " + params);
    return JSON.readTree(csms.awaitPrefix("result " + tag + " ").substring(("result " + tag + " ").length()));
  }

  @Test
  void theBasicAuthPasswordIsWrittenNeverReadAndTheStationReconnectsWithIt() throws Exception {
    assertEquals("upgrade KW-SEC password=" + KEY + " clientCert=none", csms.awaitPrefix("upgrade "));
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

    // ocpp-rpc may report the new upgrade before the old connection's close: the order is not asserted
    csms.await(line -> line.equals("upgrade KW-SEC password=" + NEW_KEY + " clientCert=none"));
    csms.awaitPrefix("connected KW-SEC ocpp2.0.1");
    assertEquals(2, csms.reported().stream().filter(line -> line.startsWith("upgrade ")).count(), csms.reported()::toString);
    assertEquals("1", answer("again", "GetVariables", "{\"getVariableData\":[" + variable("SecurityProfile", "") + "]}")
        .at("/getVariableResult/0/attributeValue").asText(), "the profile is unchanged");
    assertTrue(csms.reported().stream().noneMatch(line -> line.contains(NEW_KEY) && line.startsWith("result")),
        csms.reported()::toString);
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
