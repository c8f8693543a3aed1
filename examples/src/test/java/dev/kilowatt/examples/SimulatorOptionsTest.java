package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.ParameterException;

class SimulatorOptionsTest {

  @Test
  void noOptionsMeanTheDemoWithDefaults() {
    SimulatorOptions options = SimulatorOptions.parse();
    assertEquals(Optional.empty(), options.centralSystem());
    assertEquals("KW-SIM-1", options.chargePointId());
    assertEquals(Optional.empty(), options.dataDirectory());
    assertEquals(1, options.connectors());
    assertEquals(Optional.empty(), options.password());
    assertEquals(Optional.empty(), options.httpPort());
    assertEquals(Optional.empty(), options.configurationFile());
    assertEquals(Protocol.OCPP16, options.protocol());
  }

  @Test
  void protocolChoosesTheOcppTheChargerSpeaks() {
    SimulatorOptions options = SimulatorOptions.parse("--csms", "ws://127.0.0.1:9000", "--protocol", "2.0.1");
    assertEquals(Protocol.OCPP201, options.protocol());
    assertEquals(Protocol.OCPP201,
        SimulatedCharger.settings(options, options.centralSystem().orElseThrow(), Path.of("/tmp/cp7")).protocol());
    assertEquals(Protocol.AUTO, SimulatorOptions.parse("--protocol", "auto").protocol());
    assertTrue(assertThrows(ParameterException.class, () -> SimulatorOptions.parse("--protocol", "2.0"))
        .getMessage().contains("must be 1.6, 2.0.1 or auto"));
  }

  @Test
  void everyOption() {
    SimulatorOptions options = SimulatorOptions.parse("--csms", "wss://csms.example/ocpp", "--id", "CP-7", "--data-dir", "/tmp/cp7",
        "--connectors", "2", "--password", "secret-key-123", "--http", "8080", "--config", "/etc/kilowatt/factory.properties");
    assertEquals(Optional.of(URI.create("wss://csms.example/ocpp")), options.centralSystem());
    assertEquals("CP-7", options.chargePointId());
    assertEquals(Optional.of(Path.of("/tmp/cp7")), options.dataDirectory());
    assertEquals(2, options.connectors());
    assertEquals(Optional.of("secret-key-123"), options.password());
    assertEquals(Optional.of(8080), options.httpPort());
    assertEquals(Optional.of(Path.of("/etc/kilowatt/factory.properties")), options.configurationFile());
    SimulatorSettings settings = SimulatedCharger.settings(options, options.centralSystem().orElseThrow(), Path.of("/tmp/cp7"));
    assertEquals(Optional.of(Path.of("/etc/kilowatt/factory.properties")), settings.configurationFile());
  }

  @Test
  void phasesAndSocketChooseTheKindOfConnector() {
    SimulatorOptions plain = SimulatorOptions.parse("--connectors", "2");
    assertEquals(1, plain.phases());
    assertEquals(false, plain.socket());
    SimulatorOptions options = SimulatorOptions.parse("--phases", "3", "--socket", "--connectors", "2");
    assertEquals(3, options.phases());
    assertEquals(true, options.socket());
    assertEquals(2, options.connectors());
    SimulatorSettings settings = SimulatedCharger.settings(options, URI.create("ws://127.0.0.1:9000"), Path.of("/tmp/x"));
    assertEquals(3, settings.phases());
    assertEquals(true, settings.sockets());
    assertEquals("Invalid value for option '--phases': must be 1 or 3, not '2'",
        assertThrows(ParameterException.class, () -> SimulatorOptions.parse("--phases", "2")).getMessage());
    assertEquals("option '--socket' should be specified only once",
        assertThrows(ParameterException.class, () -> SimulatorOptions.parse("--socket", "--socket")).getMessage());
  }

  @Test
  void thePasswordBecomesTheFactoryAuthorizationKeyInHexadecimal() {
    SimulatorOptions options = SimulatorOptions.parse("--csms", "ws://127.0.0.1:9000", "--password", "secret-key-123");
    SimulatorSettings settings = SimulatedCharger.settings(options, options.centralSystem().orElseThrow(), Path.of("/tmp/x"));
    assertEquals("7365637265742d6b65792d313233", settings.factoryConfiguration().get("AuthorizationKey"),
        "the security white paper's AuthorizationKey is the password's bytes in hex; the link sends the password itself");
    assertEquals("1", settings.factoryConfiguration().get("SecurityProfile"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      --colour blue                  | Unknown options: '--colour', 'blue'
      --bogus                        | Unknown option: '--bogus'
      --csms                         | Missing required parameter for option '--csms' (URL)
      --csms http://example.com      | Invalid value for option '--csms': needs a ws:// or wss:// URL with a host
      --csms ws://                   | Invalid value for option '--csms': 'ws://' is not a URL
      --connectors 0                 | Invalid value for option '--connectors': must be a number from 1 to 20, not '0'
      --connectors many              | Invalid value for option '--connectors': must be a number from 1 to 20, not 'many'
      --id a/b                       | Invalid value for option '--id': must be 1 to 48 printable ASCII characters without '/'
      --id KW-1 --id KW-2            | option '--id' (ID) should be specified only once
      --csms ws://h:1 --http 0       | Invalid value for option '--http': must be a TCP port from 1 to 65535, not '0'
      --csms ws://h:1 --http web     | Invalid value for option '--http': must be a TCP port from 1 to 65535, not 'web'
      --http 8080                    | --http needs --csms
      """)
  void badCommandLinesAreExplained(String line, String message) {
    ParameterException e = assertThrows(ParameterException.class, () -> SimulatorOptions.parse(line.split(" ")));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
