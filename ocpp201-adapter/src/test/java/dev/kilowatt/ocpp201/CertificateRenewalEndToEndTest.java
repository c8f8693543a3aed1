package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.security.Certificates;
import dev.kilowatt.core.security.ChargePointCertificatesTest;
import dev.kilowatt.core.security.TestPki;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.TestLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A03 over OCPP 2.0.1: the unchanged core, on virtual time, asks for a new certificate on its own when the one it has
 * expires within a month, and the request goes as a SignCertificate of the charging station certificate, against
 * ocpp-rpc's server in strict mode.
 */
class CertificateRenewalEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");
  private static final String SERIAL = "SN-0001";
  private static final String ORGANIZATION = "Kilowatt CPO";

  private final TestLoop loop = new TestLoop(START);
  private final TestPki.Authority root = TestPki.root("CSMS Root");
  private CentralSystemProcess csms;
  private SimulatedConnector connector;
  private ChargePoint chargePoint;

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage),
            kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7").withSerialNumber(SERIAL))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .configuration("CpoName", ORGANIZATION)
        .build();
    chargePoint.start();
    lines("received BootNotification ", 1);
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    chargePoint.stop();
    loop.runPending();
    connector.close();
    csms.close();
  }

  /** The payloads of the lines that start with {@code prefix}, once there are {@code count}; the loop runs meanwhile. */
  private List<JsonNode> lines(String prefix, int count) {
    loop.awaitUntil(count + " of " + prefix, Duration.ZERO,
        () -> csms.reported().stream().filter(l -> l.startsWith(prefix)).count() >= count);
    return csms.reported().stream().filter(l -> l.startsWith(prefix)).map(l -> parse(l.substring(prefix.length()))).toList();
  }

  private JsonNode call(String tag, String action, ObjectNode payload) {
    csms.send("call " + tag + " " + action + " " + payload);
    return lines("result " + tag + " ", 1).getFirst();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCertificateThatExpiresWithinAMonthIsRenewedByTheStationWithASignCertificateOfTheChargingStationCertificate()
      throws Exception {
    assertEquals("Accepted", call("i1", "InstallCertificate", JSON.createObjectNode()
        .put("certificateType", "CSMSRootCertificate").put("certificate", root.pem())).get("status").asText());
    assertEquals("Accepted", call("t1", "TriggerMessage", JSON.createObjectNode()
        .put("requestedMessage", "SignChargingStationCertificate")).get("status").asText());
    String first = lines("received SignCertificate ", 1).getFirst().get("csr").asText();
    String expiring = Certificates.pem(root.leaf(ChargePointCertificatesTest.publicKeyOf(first), ORGANIZATION, SERIAL,
        TestPki.LONG_AGO, START.plus(Duration.ofDays(20))));
    assertEquals("Accepted", call("c1", "CertificateSigned", JSON.createObjectNode().put("certificateChain", expiring)
        .put("certificateType", "ChargingStationCertificate")).get("status").asText());

    loop.awaitUntil("the station's own SignCertificate", Duration.ofSeconds(1),
        () -> csms.reported().stream().filter(l -> l.startsWith("received SignCertificate ")).count() >= 2);
    JsonNode renewal = lines("received SignCertificate ", 2).get(1);
    assertEquals("ChargingStationCertificate", renewal.get("certificateType").asText());
    assertNotEquals(first, renewal.get("csr").asText(), "a new key, a new request");
    assertTrue(loop.now().isBefore(START.plus(Duration.ofMinutes(11))), "the core checks 10 minutes after its start: " + loop.now());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }
}
