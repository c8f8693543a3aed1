package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.ocpp201.CentralSystemProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's console with {@code --protocol 2.0.1}, as its users start it, against ocpp-rpc: the same traffic
 * lines as over 1.6 ({@code ->} sent, {@code <-} received, each frame as on the wire), and the Basic-auth password
 * a SetVariables sets never in clear.
 */
class SimulatorConsoleOver201Test {

  private static final Duration TIMEOUT = ChargeTimeCentralSystem.TIMEOUT;
  private static final String NEW_KEY = "fedcba9876543210fedcba9876543210";

  @TempDir
  Path dataDirectory;

  @Test
  void theConsoleShowsEveryFrameOfThe201LinkWithTheNewPasswordMasked() throws InterruptedException {
    try (CentralSystemProcess centralSystem = CentralSystemProcess.start("ocpp2.0.1");
        SimulatorProcess charger = SimulatorProcess.start("--csms", centralSystem.url().toString(), "--id", "KW-CONSOLE-201",
            "--data-dir", dataDirectory.toString(), "--protocol", "2.0.1", "--password", "0123456789abcdef")) {
      centralSystem.received("BootNotification");
      int boot = charger.awaitLine(0, line -> line.startsWith("-> [2,") && line.contains("\"BootNotification\""), TIMEOUT);
      charger.awaitLine(boot, line -> line.startsWith("<- [3,") && line.contains("\"Accepted\""), TIMEOUT);
      charger.awaitLine(0, line -> line.startsWith("-> [2,") && line.contains("\"StatusNotification\""), TIMEOUT);

      centralSystem.send("call v1 SetVariables {\"setVariableData\":[{\"component\":{\"name\":\"SecurityCtrlr\"},"
          + "\"variable\":{\"name\":\"BasicAuthPassword\"},\"attributeValue\":\"" + NEW_KEY + "\"}]}");
      centralSystem.awaitPrefix("result v1 ");
      int set = charger.awaitLine(0, line -> line.startsWith("<- [2,") && line.contains("\"SetVariables\""), TIMEOUT);
      charger.awaitLine(set, line -> line.startsWith("-> [3,") && line.contains("setVariableResult"), TIMEOUT);
      assertTrue(charger.output().get(set).contains("\"attributeValue\":\"***\""), charger.output().get(set));
      assertTrue(charger.output().stream().noneMatch(line -> line.contains(NEW_KEY)), () -> String.join("\n", charger.output()));
    }
  }
}
