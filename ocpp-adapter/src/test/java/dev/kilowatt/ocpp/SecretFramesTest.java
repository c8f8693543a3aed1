package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a traffic watcher is shown of frames that carry a secret. */
class SecretFramesTest {

  @Test
  void theAuthorizationKeyAChangeConfigurationSetsIsMasked() {
    assertEquals("[2,\"19\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"***\"}]",
        SecretFrames.masked("[2,\"19\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"4f43415f4f435454\"}]"));
    assertEquals("[2,\"19\",\"ChangeConfiguration\",{ \"value\" : \"***\", \"key\" : \"AuthorizationKey\" }]",
        SecretFrames.masked("[2,\"19\",\"ChangeConfiguration\",{ \"value\" : \"a\\\"b\", \"key\" : \"AuthorizationKey\" }]"),
        "either order, escaped quotes included");
  }

  @Test
  void aGetConfigurationAnswerLosesTheSecretValueOnly() {
    String answer = "[3,\"7\",{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
        + "{\"key\":\"AuthorizationKey\",\"readonly\":false,\"value\":\"00112233445566778899aabbccddeeff\"}],\"unknownKey\":[]}]";
    assertEquals("[3,\"7\",{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
        + "{\"key\":\"AuthorizationKey\",\"readonly\":false,\"value\":\"***\"}],\"unknownKey\":[]}]", SecretFrames.masked(answer));
  }

  @Test
  void framesWithoutASecretAreShownAsTheyAre() {
    String heartbeatInterval = "[2,\"1\",\"ChangeConfiguration\",{\"key\":\"HeartbeatInterval\",\"value\":\"60\"}]";
    assertEquals(heartbeatInterval, SecretFrames.masked(heartbeatInterval));
    String broken = "[2,\"1\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":";
    assertEquals(broken, SecretFrames.masked(broken), "nothing to mask yet in a cut frame");
  }
}
