package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.ocpp.TrafficListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretVariablesTest {

  private static final String PASSWORD = "s3cr3t-passw0rd-0123";

  @Test
  void theBasicAuthPasswordASetVariablesSetsIsMaskedAndTheOtherValuesAreNot() {
    String frame = "[2,\"c1\",\"SetVariables\",{\"setVariableData\":["
        + "{\"attributeValue\":\"" + PASSWORD + "\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"},\"attributeValue\":\"120\"}]}]";

    String masked = SecretVariables.masked(frame);

    assertFalse(masked.contains(PASSWORD), masked);
    assertTrue(masked.contains("\"attributeValue\":\"***\""), masked);
    assertTrue(masked.contains("\"attributeValue\":\"120\""), masked);
  }

  @Test
  void aVariableNamedAsThe16KeyIsMaskedToo() {
    String frame = "[2,\"c2\",\"SetVariables\",{\"setVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"AuthorizationKey\"},\"attributeValue\":\"" + PASSWORD + "\"}]}]";

    assertFalse(SecretVariables.masked(frame).contains(PASSWORD));
  }

  @Test
  void aReportedValueOfASecretVariableIsMasked() {
    String frame = "[2,\"c3\",\"NotifyReport\",{\"requestId\":1,\"seqNo\":0,\"generatedAt\":\"2026-01-01T00:00:00Z\","
        + "\"reportData\":[{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"},"
        + "\"variableAttribute\":[{\"type\":\"Actual\",\"value\":\"" + PASSWORD + "\",\"mutability\":\"WriteOnly\"}]}]}]";

    String masked = SecretVariables.masked(frame);

    assertFalse(masked.contains(PASSWORD), masked);
    assertTrue(masked.contains("\"mutability\":\"WriteOnly\""), masked);
  }

  @Test
  void aFrameNamingNoSecretIsLeftAsItIsOnTheWire() {
    String frame = "[3, \"c4\", {\"status\":\"Accepted\",  \"interval\":300}]";

    assertEquals(frame, SecretVariables.masked(frame));
  }

  @Test
  void aBrokenFrameNamingASecretIsNotShownAtAll() {
    String frame = "[2,\"c5\",\"SetVariables\",{\"setVariableData\":[{\"variable\":{\"name\":\"BasicAuthPassword\"},\"attributeValue\":\""
        + PASSWORD;

    assertFalse(SecretVariables.masked(frame).contains(PASSWORD));
  }

  @Test
  void aListenerThatThrowsHearsTheMaskedFramesAndBreaksNothing() {
    List<String> heard = new ArrayList<>();
    TrafficListener masking = SecretVariables.masking((direction, text) -> {
      heard.add(direction + " " + text);
      throw new IllegalStateException("a console that fails");
    });

    masking.onFrame(TrafficListener.Direction.RECEIVED, "[2,\"c6\",\"SetVariables\",{\"setVariableData\":[{\"component\":"
        + "{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"},\"attributeValue\":\"" + PASSWORD + "\"}]}]");

    assertEquals(1, heard.size());
    assertTrue(heard.getFirst().startsWith("RECEIVED "), heard::toString);
    assertFalse(heard.getFirst().contains(PASSWORD), heard::toString);
  }
}
