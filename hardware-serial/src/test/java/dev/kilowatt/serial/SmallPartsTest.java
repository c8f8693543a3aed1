package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same-card filter, the pilot demand's rounding, and configuration checks. */
class SmallPartsTest {

  @Test
  void aCardIsPresentedAnewOnlyAfterTheGapOrWhenAnotherCardCame() {
    PresentationFilter filter = new PresentationFilter(Duration.ofSeconds(2));
    long s = 1_000_000_000L;

    assertTrue(filter.sighted("A", 0));
    assertFalse(filter.sighted("A", s));
    assertFalse(filter.sighted("A", 2 * s), "seen a second ago");
    assertTrue(filter.sighted("A", 5 * s), "away for three seconds");
    assertTrue(filter.sighted("B", 5 * s + 1));
    assertTrue(filter.sighted("A", 5 * s + 2));
  }

  @Test
  void offersAreWholeAmperesRoundedDownBetween6And80() {
    assertEquals(new PilotDemand.Offer(16), PilotDemand.offer(16.99));
    assertEquals(new PilotDemand.Offer(6), PilotDemand.offer(6));
    assertEquals(new PilotDemand.Offer(80), PilotDemand.offer(120));
    assertEquals(new PilotDemand.Pause(), PilotDemand.offer(5.99));
    assertEquals(new PilotDemand.Pause(), PilotDemand.offer(-3));
    assertEquals(new PilotDemand.Pause(), PilotDemand.offer(Double.NaN));
  }

  @Test
  void configurationDefaultsAndChecks() {
    SerialDeviceConfig config = SerialDeviceConfig.of("/dev/ttyUSB0", 2400);
    assertEquals(
        new SerialDeviceConfig("/dev/ttyUSB0", 2400, SerialDeviceConfig.Parity.NONE, 1, 1, Duration.ofSeconds(1), Duration.ofMillis(500)),
        config);
    SerialDeviceConfig even = config.withParity(SerialDeviceConfig.Parity.EVEN).withStopBits(2).withUnitId(11);
    assertEquals(SerialPort.EVEN_PARITY, even.jSerialCommParity());
    assertEquals(SerialPort.TWO_STOP_BITS, even.jSerialCommStopBits());
    assertEquals(11, even.unitId());

    assertThrows(IllegalArgumentException.class, () -> config.withUnitId(0));
    assertThrows(IllegalArgumentException.class, () -> config.withUnitId(248));
    assertThrows(IllegalArgumentException.class, () -> config.withStopBits(3));
    assertThrows(IllegalArgumentException.class, () -> config.withPollInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> config.withResponseTimeout(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> SerialDeviceConfig.of(" ", 9600));
    assertThrows(IllegalArgumentException.class, () -> SerialDeviceConfig.of("/dev/ttyS0", 0));
  }

  @Test
  void sdmModelsKnowTheirPhasesAndFactoryBaudRate() {
    assertEquals(1, SdmModel.SDM120.phases());
    assertEquals(3, SdmModel.SDM630.phases());
    assertEquals(2400, SdmModel.SDM230.defaultBaudRate());
    assertEquals(9600, SdmModel.SDM630.defaultBaudRate());
  }
}
