package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The fakes' RTU codec against the specification's example, so that the fakes speak real Modbus. */
class ModbusRtuTest {

  @Test
  void crcOfTheEastronVoltageRequestMatchesTheExample() {
    byte[] request = ModbusRtu.frame(0x01, 0x04, 0x00, 0x00, 0x00, 0x02);

    assertArrayEquals(HexFormat.of().parseHex("010400000002" + "71CB".toLowerCase()), request);
    assertEquals(0xCB71, ModbusRtu.crc(request, 0, 6));
    assertTrue(ModbusRtu.crcValid(request));
  }

  @Test
  void brokenCrcIsDetected() {
    assertFalse(ModbusRtu.crcValid(ModbusRtu.withBrokenCrc(ModbusRtu.frame(0x01, 0x04, 0x00, 0x00, 0x00, 0x02))));
  }

  @Test
  void requestLengthsFollowTheFunction() {
    assertEquals(8, ModbusRtu.requestLength(new byte[] {1, 4}, 2));
    assertEquals(8, ModbusRtu.requestLength(new byte[] {1, 3}, 2));
    assertEquals(0, ModbusRtu.requestLength(new byte[] {1, 0x10, 0, 0, 0, 1}, 6));
    assertEquals(11, ModbusRtu.requestLength(new byte[] {1, 0x10, 0x03, (byte) 0xE8, 0, 1, 2}, 7));
    assertEquals(-1, ModbusRtu.requestLength(new byte[] {1, 0x2B}, 2));
  }
}
