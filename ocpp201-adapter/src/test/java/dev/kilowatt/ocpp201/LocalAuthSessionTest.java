package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ClearCacheRequest;
import dev.kilowatt.core.message.ClearCacheResponse;
import dev.kilowatt.core.message.ClearCacheStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.GetLocalListVersionRequest;
import dev.kilowatt.core.message.GetLocalListVersionResponse;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.SendLocalListResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.message.UpdateType;
import dev.kilowatt.core.port.CallError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ClearCache, SendLocalList and GetLocalListVersion between ocpp-rpc's server in strict mode and the core's port,
 * the core stood in for by a {@link CoreProbe}: what the core is asked, and what the CSMS hears of its answers.
 */
class LocalAuthSessionTest extends PortSession {

  private final String[] coreCallId = new String[1];

  private JsonNode result(String tag) {
    return csms.awaitJson("result " + tag + " ");
  }

  private void cacheEnabled(String value) {
    assertEquals(new GetConfigurationRequest(List.of("AuthorizationCacheEnabled")),
        core.call(GetConfigurationRequest.class, coreCallId));
    port.reply(coreCallId[0], new GetConfigurationResponse(
        List.of(new KeyValue("AuthorizationCacheEnabled", false, Optional.of(value))), List.of()));
  }

  @Test
  void clearCacheClearsTheCoresCacheWhileItIsEnabledAndIsRejectedWithoutClearingItWhileDisabled() {
    csms.send("call c1 ClearCache {}");
    cacheEnabled("true");
    core.call(ClearCacheRequest.class, coreCallId);
    port.reply(coreCallId[0], new ClearCacheResponse(ClearCacheStatus.ACCEPTED));
    assertEquals("Accepted", result("c1").get("status").asText());

    csms.send("call c2 ClearCache {}");
    cacheEnabled("false");
    JsonNode rejected = result("c2");
    assertEquals("Rejected", rejected.get("status").asText());
    assertEquals("Disabled", rejected.at("/statusInfo/reasonCode").asText());
    assertTrue(core.quiet(), "C11.FR.04: the disabled cache is left alone: " + core.untaken());
    noStrictFailures();
  }

  @Test
  void aCallErrorOfTheCoreToTheQuestionBeforeAClearCacheReachesTheCentralSystemAndNothingIsCleared() {
    csms.send("call c1 ClearCache {}");
    core.call(GetConfigurationRequest.class, coreCallId);
    port.replyError(coreCallId[0], new CallError(CallError.Code.INTERNAL_ERROR, "probe"));

    assertTrue(csms.awaitPrefix("error c1 ").startsWith("error c1 InternalError"));
    assertTrue(core.quiet(), core.untaken()::toString);
  }

  @Test
  void aFullListThenADifferentialOneReachTheCoreAndTheVersionIsTheCores() {
    csms.send("call f1 SendLocalList {\"versionNumber\":3,\"updateType\":\"Full\",\"localAuthorizationList\":["
        + "{\"idToken\":{\"idToken\":\"04A1B2C3\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\","
        + "\"cacheExpiryDateTime\":\"2027-01-01T00:00:00Z\",\"groupIdToken\":{\"idToken\":\"FLEET\",\"type\":\"Central\"}}},"
        + "{\"idToken\":{\"idToken\":\"0BADCA4D\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Blocked\"}}]}");
    assertEquals(new SendLocalListRequest(3, List.of(
            new AuthorizationData("04A1B2C3", Optional.of(new IdTagInfo(AuthorizationStatus.ACCEPTED,
                Optional.of(java.time.Instant.parse("2027-01-01T00:00:00Z")), Optional.of("FLEET")))),
            new AuthorizationData("0BADCA4D", Optional.of(new IdTagInfo(AuthorizationStatus.BLOCKED, Optional.empty(),
                Optional.empty())))), UpdateType.FULL),
        core.call(SendLocalListRequest.class, coreCallId));
    port.reply(coreCallId[0], new SendLocalListResponse(UpdateStatus.ACCEPTED));
    assertEquals("Accepted", result("f1").get("status").asText());

    csms.send("call d1 SendLocalList {\"versionNumber\":4,\"updateType\":\"Differential\",\"localAuthorizationList\":["
        + "{\"idToken\":{\"idToken\":\"0BADCA4D\",\"type\":\"ISO14443\"}}]}");
    assertEquals(new SendLocalListRequest(4, List.of(new AuthorizationData("0BADCA4D", Optional.empty())),
        UpdateType.DIFFERENTIAL), core.call(SendLocalListRequest.class, coreCallId));
    port.reply(coreCallId[0], new SendLocalListResponse(UpdateStatus.ACCEPTED));
    assertEquals("Accepted", result("d1").get("status").asText());

    csms.send("call v1 GetLocalListVersion {}");
    core.call(GetLocalListVersionRequest.class, coreCallId);
    port.reply(coreCallId[0], new GetLocalListVersionResponse(4));
    assertEquals(4, result("v1").get("versionNumber").asInt());
    noStrictFailures();
  }

  @Test
  void aStaleDifferentialUpdateIsTheCoresVersionMismatchAndADisabledListIsFailedAndVersionZero() {
    csms.send("call d1 SendLocalList {\"versionNumber\":2,\"updateType\":\"Differential\"}");
    core.call(SendLocalListRequest.class, coreCallId);
    port.reply(coreCallId[0], new SendLocalListResponse(UpdateStatus.VERSION_MISMATCH));
    assertEquals("VersionMismatch", result("d1").get("status").asText());

    csms.send("call d2 SendLocalList {\"versionNumber\":9,\"updateType\":\"Full\"}");
    core.call(SendLocalListRequest.class, coreCallId);
    port.reply(coreCallId[0], new SendLocalListResponse(UpdateStatus.NOT_SUPPORTED));
    assertEquals("Failed", result("d2").get("status").asText());

    csms.send("call v1 GetLocalListVersion {}");
    core.call(GetLocalListVersionRequest.class, coreCallId);
    port.reply(coreCallId[0], new GetLocalListVersionResponse(-1));
    assertEquals(0, result("v1").get("versionNumber").asInt(), "D02.FR.03");
    noStrictFailures();
  }

  @Test
  void aTokenForOneEvseOfTwoIsFailedWithoutTheCoreAndOneForBothIsTaken() {
    for (int connector = 1; connector <= 2; connector++) {
      port.send("s" + connector, Ocpp201CentralSystemTest.status(connector, ChargePointStatus.AVAILABLE));
      core.result("s" + connector, StatusNotificationResponse.class);
      csms.received("StatusNotification");
    }

    csms.send("call d1 SendLocalList {\"versionNumber\":2,\"updateType\":\"Full\",\"localAuthorizationList\":["
        + "{\"idToken\":{\"idToken\":\"04A1B2C3\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\",\"evseId\":[2]}}]}");
    JsonNode failed = result("d1");
    assertEquals("Failed", failed.get("status").asText());
    assertEquals("EvseRestriction", failed.at("/statusInfo/reasonCode").asText());
    assertTrue(core.quiet(), core.untaken()::toString);

    csms.send("call d2 SendLocalList {\"versionNumber\":2,\"updateType\":\"Full\",\"localAuthorizationList\":["
        + "{\"idToken\":{\"idToken\":\"04A1B2C3\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\",\"evseId\":[1,2]}}]}");
    core.call(SendLocalListRequest.class, coreCallId);
    port.reply(coreCallId[0], new SendLocalListResponse(UpdateStatus.ACCEPTED));
    assertEquals("Accepted", result("d2").get("status").asText());
    noStrictFailures();
  }
}
