package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's factory configuration file, and the intervals a central system sets on it. */
class FactoryConfigurationEndToEndTest extends EndToEndFixture {

  @TempDir
  Path configDirectory;

  @Test
  void theFilesValuesAreWhatTheCentralSystemReads() throws IOException {
    Path file = Files.writeString(configDirectory.resolve("factory.properties"),
        "# the AC7's factory settings\nConnectionTimeOut=90\nlocalpreauthorize=true\n");
    boot(settings().withConfigurationFile(file));
    assertEquals("90", value("ConnectionTimeOut"));
    assertEquals("true", value("LocalPreAuthorize"), "key names are CiStrings");
  }

  @Test
  void aFileWithAMistypedKeyKeepsTheChargerFromStarting() throws IOException {
    Path file = Files.writeString(configDirectory.resolve("factory.properties"), "ConectionTimeOut=90\n");
    Simulator.RefusedSettings refused = assertThrows(Simulator.RefusedSettings.class,
        () -> Simulator.start(settings().withConfigurationFile(file), (direction, text) -> { }, line -> { }));
    assertEquals("factory configuration: ConectionTimeOut: no such configuration key", refused.getMessage());
  }

  @Test
  void aCentralSystemsHourlyHeartbeatIsAccepted() {
    boot();
    assertEquals(ConfigurationStatus.Accepted, changeConfiguration("HeartbeatInterval", "3600"));
    assertEquals(ConfigurationStatus.Accepted, changeConfiguration("MeterValueSampleInterval", "3600"));
    assertEquals(ConfigurationStatus.Rejected, changeConfiguration("HeartbeatInterval", "+3600"), "not a canonical integer");
    assertEquals("3600", value("HeartbeatInterval"));
    assertEquals("3600", value("MeterValueSampleInterval"));
  }

  private String value(String key) {
    GetConfigurationRequest request = new GetConfigurationRequest();
    request.setKey(new String[] {key});
    GetConfigurationConfirmation answer = centralSystem.call(request);
    return answer.getConfigurationKey()[0].getValue();
  }
}
