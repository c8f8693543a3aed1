package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.BootReason;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.FirmwareStatus;
import dev.kilowatt.core.message.FirmwareStatusNotificationRequest;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.port.CallError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The core's port over OCPP 2.0.1 against ocpp-rpc's server in strict mode, with a stand-in for the core
 * ({@link CoreProbe}): what each of the core's calls becomes on the wire, and what the answers become.
 */
class Ocpp201CentralSystemTest extends PortSession {

  @Test
  void bootNotificationIntroducesTheStationWithReasonPowerUpAndItsAnswerReachesTheCore() throws Exception {
    port.send("b1", new BootNotificationRequest("Kilowatt", "KW-AC-7", Optional.of("CP-7"), Optional.of("SN-0001"),
        Optional.of("0.2.0"), Optional.of("89490200001234567890"), Optional.empty(), Optional.empty(), Optional.empty()));

    BootNotificationResponse answer = core.result("b1", BootNotificationResponse.class);
    assertEquals(RegistrationStatus.ACCEPTED, answer.status());
    assertEquals(300, answer.interval());
    JsonNode boot = csms.received("BootNotification");
    assertEquals("PowerUp", boot.get("reason").asText());
    assertEquals("Kilowatt", boot.at("/chargingStation/vendorName").asText());
    assertEquals("KW-AC-7", boot.at("/chargingStation/model").asText());
    assertEquals("SN-0001", boot.at("/chargingStation/serialNumber").asText());
    assertEquals("0.2.0", boot.at("/chargingStation/firmwareVersion").asText());
    assertEquals("89490200001234567890", boot.at("/chargingStation/modem/iccid").asText());
    noStrictFailures();
  }

  @Test
  void theBootNotificationGivesTheReasonTheCoreRecordedBeforeItsReboot() throws Exception {
    BootNotificationRequest boot = new BootNotificationRequest("Kilowatt", "KW-AC-7", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    port.send("b1", boot.withReason(BootReason.REMOTE_RESET));
    core.result("b1", BootNotificationResponse.class);
    assertEquals("RemoteReset", csms.received("BootNotification").get("reason").asText());

    port.send("b2", boot.withReason(BootReason.FIRMWARE_UPDATE));
    core.result("b2", BootNotificationResponse.class);
    assertEquals("FirmwareUpdate", csms.received("BootNotification").get("reason").asText());
    noStrictFailures();
  }

  @Test
  void heartbeatCarriesTheCentralSystemsTime() throws Exception {
    port.send("h1", new HeartbeatRequest());

    core.result("h1", HeartbeatResponse.class);
    csms.received("Heartbeat");
  }

  @Test
  void aConnectorsStatusIsReportedForItsEvseInTheFiveStatesOf201() throws Exception {
    port.send("s1", status(1, ChargePointStatus.CHARGING));
    core.result("s1", StatusNotificationResponse.class);
    JsonNode charging = csms.received("StatusNotification");
    assertEquals("Occupied", charging.get("connectorStatus").asText());
    assertEquals(1, charging.get("evseId").asInt());
    assertEquals(1, charging.get("connectorId").asInt());

    port.send("s2", status(2, ChargePointStatus.FINISHING));
    core.result("s2", StatusNotificationResponse.class);
    JsonNode finishing = csms.received("StatusNotification");
    assertEquals("Occupied", finishing.get("connectorStatus").asText());
    assertEquals(2, finishing.get("evseId").asInt());

    port.send("s3", status(1, ChargePointStatus.UNAVAILABLE));
    core.result("s3", StatusNotificationResponse.class);
    assertEquals("Unavailable", csms.received("StatusNotification").get("connectorStatus").asText());
    noStrictFailures();
  }

  @Test
  void theStatusOfConnectorZeroHasNoCounterpartAndIsAnsweredAtOnce() throws Exception {
    port.send("s0", status(0, ChargePointStatus.AVAILABLE));
    core.result("s0", StatusNotificationResponse.class);

    port.send("h1", new HeartbeatRequest());
    core.result("h1", HeartbeatResponse.class);
    csms.received("Heartbeat");
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("received StatusNotification")));
  }

  @Test
  void authorizeSendsTheIdTagAsAnIso14443IdTokenAndReadsTheVerdictBack() throws Exception {
    port.send("a1", new AuthorizeRequest("04A1B2C3"));

    AuthorizeResponse answer = core.result("a1", AuthorizeResponse.class);
    assertEquals(AuthorizationStatus.ACCEPTED, answer.idTagInfo().status());
    JsonNode authorize = csms.received("Authorize");
    assertEquals("04A1B2C3", authorize.at("/idToken/idToken").asText());
    assertEquals("ISO14443", authorize.at("/idToken/type").asText());
    noStrictFailures();
  }

  @Test
  void aCallNotCarriedOver201YetIsRefusedToTheCoreAsNotSupported() {
    port.send("d1", new FirmwareStatusNotificationRequest(FirmwareStatus.DOWNLOADING));

    CoreProbe.Failed failed = core.next(CoreProbe.Failed.class);
    assertEquals("d1", failed.callId());
    assertEquals(CallError.Code.NOT_SUPPORTED, failed.error().code());
  }

  static StatusNotificationRequest status(int connectorId, ChargePointStatus status) {
    return new StatusNotificationRequest(connectorId, ChargePointErrorCode.NO_ERROR, Optional.empty(), status,
        Optional.empty(), Optional.empty(), Optional.empty());
  }
}
