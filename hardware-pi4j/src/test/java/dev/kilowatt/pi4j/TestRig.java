package dev.kilowatt.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/**
 * A Raspberry Pi board without the board: Pi4J's mock platform and digital I/O, a counting mock PWM, an
 * emulated MCP3008 and MFRC522 on SPI, virtual time, and storage that a second rig can share, as a
 * board after a restart finds its data directory again.
 */
final class TestRig implements AutoCloseable {

  final VirtualTime time = new VirtualTime(Instant.parse("2026-11-24T08:00:00Z"));
  final FakeMcp3008 adc = new FakeMcp3008(0);
  final FakeMfrc522 rfid = new FakeMfrc522();
  final CountingPwmProvider pwmProvider = new CountingPwmProvider();
  final Storage storage;
  final Context pi4j;

  TestRig() {
    this(new InMemoryStorage());
  }

  TestRig(Storage storage) {
    this.storage = storage;
    pi4j = Pi4J.newContextBuilder()
        .add(new MockPlatform())
        .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(), pwmProvider,
            new FakeSpiProvider(Map.of(0, adc, 1, rfid)))
        .build();
  }

  /** The sample board description, with this rig's providers and any overrides. */
  static BoardDescription sampleBoard(String... overrides) {
    Properties properties = sampleProperties();
    properties.setProperty("provider.digital-input", "mock-digital-input");
    properties.setProperty("provider.digital-output", "mock-digital-output");
    properties.setProperty("provider.pwm", CountingPwmProvider.ID);
    properties.setProperty("provider.spi", FakeSpiProvider.ID);
    for (String override : overrides) {
      String[] keyValue = override.split("=", 2);
      if (keyValue[1].isEmpty()) {
        properties.remove(keyValue[0]);
      } else {
        properties.setProperty(keyValue[0], keyValue[1]);
      }
    }
    return BoardDescription.parse(properties, "test-board.properties");
  }

  static Properties sampleProperties() {
    Properties properties = new Properties();
    try (InputStream in = TestRig.class.getResourceAsStream("raspberry-pi-board.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  RaspberryPiBoard board(String... overrides) {
    return RaspberryPiBoard.create(pi4j, sampleBoard(overrides), time, storage);
  }

  MockDigitalOutput output(String id) {
    return pi4j.registry().get(id, MockDigitalOutput.class);
  }

  MockDigitalInput input(String id) {
    return pi4j.registry().get(id, MockDigitalInput.class);
  }

  Pwm pilotPwm() {
    return pi4j.registry().get("kilowatt-pilot-pwm", Pwm.class);
  }

  void advance(Duration duration) {
    time.advance(duration);
  }

  void advanceMillis(long millis) {
    time.advance(Duration.ofMillis(millis));
  }

  @Override
  public void close() {
    pi4j.shutdown();
  }
}
