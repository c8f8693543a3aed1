package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** {@link ChargingScenarios} with {@code --protocol 2.0.1}, against npm's ocpp-rpc server in strict mode. */
class ChargingScenariosOver201Test extends ChargingScenarios {

  private OcppRpcView centralSystem;

  @Override
  CentralSystemView startCentralSystem() {
    centralSystem = new OcppRpcView();
    return centralSystem;
  }

  /** Runs before the scenarios' own clean-up, while the central system is still there to ask. */
  @AfterEach
  void everyMessageKeptToItsSchema() {
    assertEquals(List.of(), centralSystem.strictFailures());
  }
}
