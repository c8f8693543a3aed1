package dev.kilowatt.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A charger under test and the ChargeTime central system it talks to, started afresh for each test, with a
 * temporary data directory for the charger. Subclasses stop their charger in their own {@code @AfterEach},
 * which JUnit runs before this class's, so the central system outlives it.
 */
abstract class CentralSystemFixture {

  static final Duration TIMEOUT = ChargeTimeCentralSystem.TIMEOUT;

  @TempDir
  Path dataDirectory;

  ChargeTimeCentralSystem centralSystem;

  @BeforeEach
  void startCentralSystem() {
    centralSystem = ChargeTimeCentralSystem.start();
  }

  @AfterEach
  void stopCentralSystem() {
    centralSystem.close();
  }

  /** The command line that points a charger named {@code chargePointId} here, followed by {@code more}. */
  String[] commandLine(String chargePointId, String... more) {
    List<String> args = new ArrayList<>(List.of("--csms", centralSystem.url().toString(), "--id", chargePointId,
        "--data-dir", dataDirectory.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
