package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory configuration file: what it gives, and the files it refuses with their name. */
class FactoryConfigurationFileTest {

  @TempDir
  Path dir;

  @Test
  void aPropertiesFileGivesTheFactoryValuesInItsOrder() throws IOException {
    Path file = write("""
        # the factory's settings for the AC7
        ConnectionTimeOut = 120
        MeterValuesSampledData=Energy.Active.Import.Register,Voltage\\u0020
        AcmeGreeting=Gr\\u00fc\\u00df Gott
        """);
    Map<String, String> values = FactoryConfigurationFile.read(file);
    assertEquals(java.util.List.of("ConnectionTimeOut", "MeterValuesSampledData", "AcmeGreeting"), java.util.List.copyOf(values.keySet()));
    assertEquals("120", values.get("ConnectionTimeOut"));
    assertEquals("Energy.Active.Import.Register,Voltage", values.get("MeterValuesSampledData"), "trailing blanks dropped");
    assertEquals("Grüß Gott", values.get("AcmeGreeting"));
  }

  @Test
  void aKeyGivenTwiceIsRefused() throws IOException {
    Path file = write("HeartbeatInterval=60\nConnectionTimeOut=30\nHeartbeatInterval=600\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FactoryConfigurationFile.read(file));
    assertEquals(file + ": given more than once: HeartbeatInterval", e.getMessage());
  }

  @Test
  void aKeyGivenTwiceInDifferentCaseIsRefused() throws IOException {
    Path file = write("HeartbeatInterval=60\nheartbeatinterval=600\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FactoryConfigurationFile.read(file));
    assertEquals(file + ": given more than once: heartbeatinterval", e.getMessage(), "key names are CiStrings");
  }

  @Test
  void aMalformedOrMissingFileIsRefused() throws IOException {
    Path file = write("AcmeGreeting=\\u00zz\n");
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> FactoryConfigurationFile.read(file));
    assertTrue(malformed.getMessage().startsWith(file + ": "), malformed.getMessage());
    UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> FactoryConfigurationFile.read(dir.resolve("absent")));
    assertEquals("cannot read the factory configuration " + dir.resolve("absent") + ": no such file", missing.getMessage());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("factory.properties"), text, StandardCharsets.UTF_8);
  }
}
