package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.CertificateHashData;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.HashAlgorithm;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.message.SignCertificateResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The certificate messages between the core's port and ocpp-rpc's server in strict mode, the core stood in for by
 * a {@link CoreProbe}: the core's own signing request, as its renewal before the certificate expires sends it (A03),
 * and the CSMS's GetInstalledCertificateIds and TriggerMessage SignV2GCertificate.
 */
class CertificateCallsSessionTest extends PortSession {

  private static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";

  private final String[] coreCallId = new String[1];

  @Test
  void theCoresSigningRequestGoesForTheChargingStationCertificateAndTheAnswerComesBack() {
    port.send("s1", new SignCertificateRequest(CSR));
    assertEquals(new SignCertificateResponse(GenericStatus.ACCEPTED), core.result("s1", SignCertificateResponse.class));
    JsonNode sent = csms.received("SignCertificate");
    assertEquals(CSR, sent.get("csr").asText());
    assertEquals("ChargingStationCertificate", sent.get("certificateType").asText());
    noStrictFailures();
  }

  @Test
  void installedIdsOfEveryTypeAreTheCoresOfBothUsesInOneAnswer() {
    csms.send("call g1 GetInstalledCertificateIds {}");
    assertEquals(new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE),
        core.call(GetInstalledCertificateIdsRequest.class, coreCallId));
    String csmsRoots = coreCallId[0];
    assertEquals(new GetInstalledCertificateIdsRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE),
        core.call(GetInstalledCertificateIdsRequest.class, coreCallId));
    port.reply(coreCallId[0], new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.NOT_FOUND, List.of()));
    port.reply(csmsRoots, new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.ACCEPTED,
        List.of(new CertificateHashData(HashAlgorithm.SHA256, "0a1b", "2c3d", "1F"))));

    JsonNode answer = csms.awaitJson("result g1 ");
    assertEquals("Accepted", answer.get("status").asText());
    assertEquals("{\"certificateType\":\"CSMSRootCertificate\",\"certificateHashData\":{\"hashAlgorithm\":\"SHA256\","
        + "\"issuerNameHash\":\"0a1b\",\"issuerKeyHash\":\"2c3d\",\"serialNumber\":\"1F\"}}",
        answer.at("/certificateHashDataChain/0").toString());
    assertEquals(1, answer.get("certificateHashDataChain").size());
    noStrictFailures();
  }

  @Test
  void aTriggeredSignV2gCertificateIsNotImplementedWithoutTheCore() {
    csms.send("call t1 TriggerMessage {\"requestedMessage\":\"SignV2GCertificate\"}");
    assertEquals("NotImplemented", csms.awaitJson("result t1 ").get("status").asText());
    assertTrue(core.quiet(), core.untaken()::toString);
    noStrictFailures();
  }
}
