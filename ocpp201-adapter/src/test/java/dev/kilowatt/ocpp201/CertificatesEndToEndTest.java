package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.test.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unchanged core's certificate store and own certificate over OCPP 2.0.1, against ocpp-rpc's server in strict
 * mode (every message both ways checked against the OCA's schemas): a CSMS root and a manufacturer root installed,
 * listed and deleted (M03 to M05), the station's certificate renewed on request of the CSMS (A02) and kept from
 * deletion (M04), a chain for another key rejected and reported (A02). The charger runs security profile 0, so no
 * root is in use for the connection and the last one may go; the test signs the station's requests with the core's
 * test authority.
 */
class CertificatesEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERIAL = "SN-0001";
  private static final String ORGANIZATION = "Kilowatt CPO";

  private final TestPki.Authority root = TestPki.root("CSMS Root");
  private CentralSystemProcess csms;
  private EventLoop loop;
  private SimulatedConnector connector;
  private ChargePoint chargePoint;

  @BeforeEach
  void boot() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-0001"), loop, storage),
            kind -> { })
        .identity(ChargePointIdentity.of("Kilowatt", "KW-AC-7").withSerialNumber(SERIAL))
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .build();
    chargePoint.start();
    csms.received("BootNotification");
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    chargePoint.stop();
    connector.close();
    csms.close();
    loop.close();
  }

  /** The central system calls the station; its answer. */
  private JsonNode call(String tag, String action, ObjectNode payload) {
    csms.send("call " + tag + " " + action + " " + payload);
    return answer(tag);
  }

  /** The answer {@code tag}, reported already or next: the message a call leads to may be reported before it. */
  private JsonNode answer(String tag) {
    return seenOrNext("result " + tag + " ", line -> true);
  }

  private JsonNode seenOrNext(String prefix, Predicate<String> wanted) {
    Predicate<String> line = l -> l.startsWith(prefix) && wanted.test(l);
    String found = csms.reported().stream().filter(line).findFirst().orElseGet(() -> csms.await(line));
    try {
      return JSON.readTree(found.substring(prefix.length()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode install(String tag, String type, String pem) {
    return call(tag, "InstallCertificate", JSON.createObjectNode().put("certificateType", type).put("certificate", pem));
  }

  private static ObjectNode idsOf(String... types) {
    ObjectNode payload = JSON.createObjectNode();
    if (types.length > 0) {
      payload.putArray("certificateType").addAll(Arrays.stream(types).map(JSON.getNodeFactory()::textNode).toList());
    }
    return payload;
  }

  private static ObjectNode deleting(JsonNode hashData) {
    ObjectNode payload = JSON.createObjectNode();
    payload.set("certificateHashData", hashData);
    return payload;
  }

  private void setVariable(String tag, String variable, String value, String status) {
    ObjectNode data = JSON.createObjectNode();
    data.putObject("component").put("name", "SecurityCtrlr");
    data.putObject("variable").put("name", variable);
    data.put("attributeValue", value);
    ObjectNode payload = JSON.createObjectNode();
    payload.putArray("setVariableData").add(data);
    assertEquals(status, call(tag, "SetVariables", payload).at("/setVariableResult/0/attributeStatus").asText(), variable);
  }

  /** The station's signing request after a triggered SignChargingStationCertificate, Accepted. */
  private JsonNode triggeredRequest(String tag) {
    ObjectNode trigger = JSON.createObjectNode().put("requestedMessage", "SignChargingStationCertificate");
    assertEquals("Accepted", call(tag, "TriggerMessage", trigger).get("status").asText());
    return seenOrNext("received SignCertificate ", line -> true);
  }

  private JsonNode signed(String tag, X509Certificate certificate) {
    return call(tag, "CertificateSigned", JSON.createObjectNode().put("certificateChain", Certificates.pem(certificate))
        .put("certificateType", "ChargingStationCertificate"));
  }

  private void noStrictFailures() {
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  @Test
  void rootsAreInstalledListedByTypeAndDeletedAndAnIsoRootIsRejected() {
    TestPki.Authority manufacturer = TestPki.root("Manufacturer Root");
    assertEquals("Accepted", install("i1", "CSMSRootCertificate", root.pem()).get("status").asText());
    assertEquals("Accepted", install("i2", "ManufacturerRootCertificate", manufacturer.pem()).get("status").asText());
    JsonNode iso = install("i3", "V2GRootCertificate", root.pem());
    assertEquals("Rejected", iso.get("status").asText(), "the station keeps no ISO 15118 roots");
    assertEquals("NotSupported", iso.at("/statusInfo/reasonCode").asText());
    assertEquals("Rejected", install("i4", "MORootCertificate", root.pem()).get("status").asText());

    JsonNode all = call("g1", "GetInstalledCertificateIds", idsOf());
    assertEquals("Accepted", all.get("status").asText());
    assertEquals(2, all.get("certificateHashDataChain").size(), all::toString);
    JsonNode csmsRoot = all.at("/certificateHashDataChain/0");
    assertEquals("CSMSRootCertificate", csmsRoot.get("certificateType").asText());
    assertEquals("SHA256", csmsRoot.at("/certificateHashData/hashAlgorithm").asText());
    assertEquals(serial(root.certificate()), csmsRoot.at("/certificateHashData/serialNumber").asText());
    assertFalse(csmsRoot.has("childCertificateHashData"));
    assertEquals("ManufacturerRootCertificate", all.at("/certificateHashDataChain/1/certificateType").asText());
    assertEquals(serial(manufacturer.certificate()), all.at("/certificateHashDataChain/1/certificateHashData/serialNumber").asText());

    JsonNode manufacturers = call("g2", "GetInstalledCertificateIds", idsOf("ManufacturerRootCertificate", "V2GRootCertificate"));
    assertEquals(1, manufacturers.get("certificateHashDataChain").size(), manufacturers::toString);
    JsonNode none = call("g3", "GetInstalledCertificateIds", idsOf("MORootCertificate", "V2GCertificateChain"));
    assertEquals("{\"status\":\"NotFound\"}", none.toString(), "NotFound, and no list (M03.FR.02)");

    JsonNode hash = csmsRoot.get("certificateHashData");
    assertEquals("Accepted", call("d1", "DeleteCertificate", deleting(hash)).get("status").asText());
    assertEquals("NotFound", call("d2", "DeleteCertificate", deleting(hash)).get("status").asText());
    assertEquals("NotFound", call("g4", "GetInstalledCertificateIds", idsOf("CSMSRootCertificate")).get("status").asText());
    noStrictFailures();
  }

  @Test
  void theStationGetsItsCertificateSignedOnRequestOfTheCsmsAndRefusesToDeleteIt() throws Exception {
    assertEquals("Accepted", install("i1", "CSMSRootCertificate", root.pem()).get("status").asText());
    ObjectNode trigger = JSON.createObjectNode().put("requestedMessage", "SignChargingStationCertificate");
    assertEquals("Rejected", call("t1", "TriggerMessage", trigger).get("status").asText(),
        "no OrganizationName for the request's subject yet");
    setVariable("v1", "OrganizationName", ORGANIZATION, "Accepted");
    setVariable("v2", "MaxCertificateChainSize", "5000", "Rejected");
    ObjectNode get = JSON.createObjectNode();
    for (String variable : new String[] {"OrganizationName", "AdditionalRootCertificateCheck", "MaxCertificateChainSize"}) {
      ObjectNode data = get.withArray("getVariableData").addObject();
      data.putObject("component").put("name", "SecurityCtrlr");
      data.putObject("variable").put("name", variable);
    }
    JsonNode values = call("v3", "GetVariables", get).get("getVariableResult");
    assertEquals(ORGANIZATION + " false 10000", values.get(0).get("attributeValue").asText() + " "
        + values.get(1).get("attributeValue").asText() + " " + values.get(2).get("attributeValue").asText(),
        "CpoName, AdditionalRootCertificateCheck and CertificateSignedMaxChainSize of the core");

    JsonNode request = triggeredRequest("t2");
    assertEquals("ChargingStationCertificate", request.get("certificateType").asText());
    PublicKey key = ChargePointCertificatesTest.publicKeyOf(request.get("csr").asText());
    X509Certificate certificate = root.leaf(key, ORGANIZATION, SERIAL, TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    assertEquals("Accepted", signed("c1", certificate).get("status").asText());

    // the station's certificate has the root as its issuer: the root's hashes, the certificate's serial number
    ObjectNode own = ((ObjectNode) call("g1", "GetInstalledCertificateIds", idsOf())
        .at("/certificateHashDataChain/0/certificateHashData")).deepCopy();
    own.put("serialNumber", serial(certificate));
    assertEquals("Failed", call("d1", "DeleteCertificate", deleting(own)).get("status").asText(),
        "the station's own certificate is not deleted (M04.FR.06)");
    assertEquals(1, call("g2", "GetInstalledCertificateIds", idsOf()).get("certificateHashDataChain").size(),
        "the station's certificate is none of the types listed");
    noStrictFailures();
  }

  @Test
  void aChainForAnotherKeyIsRejectedAndReportedAsAnInvalidChargingStationCertificate() {
    assertEquals("Accepted", install("i1", "CSMSRootCertificate", root.pem()).get("status").asText());
    setVariable("v1", "OrganizationName", ORGANIZATION, "Accepted");
    triggeredRequest("t1");

    X509Certificate stranger = root.leaf(TestPki.ecKeys().getPublic(), ORGANIZATION, SERIAL, TestPki.LONG_AGO, TestPki.FAR_AHEAD);
    assertEquals("Rejected", signed("c1", stranger).get("status").asText());
    JsonNode event = seenOrNext("received SecurityEventNotification ", line -> line.contains("InvalidChargingStationCertificate"));
    assertTrue(event.get("techInfo").asText().contains("key"), event::toString);

    JsonNode v2g = call("c2", "CertificateSigned", JSON.createObjectNode().put("certificateChain", Certificates.pem(stranger))
        .put("certificateType", "V2GCertificate"));
    assertEquals("Rejected", v2g.get("status").asText(), "the station asks for no ISO 15118 certificate");
    noStrictFailures();
  }

  /** The serial number as the station writes it in a CertificateHashData: hexadecimal, upper case. */
  private static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
  }
}
