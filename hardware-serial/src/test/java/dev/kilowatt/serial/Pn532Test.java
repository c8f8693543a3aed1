package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PN532 framing against frames computed by hand from UM0701-02 §6.2. */
class Pn532Test {

  private final List<String> discarded = new ArrayList<>();
  private final Pn532.Parser parser = new Pn532.Parser((bytes, what) -> discarded.add(bytes + " " + what));

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }

  private List<Pn532.Frame> feed(String text) {
    byte[] bytes = hex(text);
    return parser.feed(bytes, bytes.length);
  }

  @Test
  void commandFramesCarryLengthAndDataChecksums() {
    // GetFirmwareVersion: LEN 02, LCS FE, D4 02, DCS = -(D4 + 02) = 2A
    assertArrayEquals(hex("00 00 FF 02 FE D4 02 2A 00"), Pn532.command(0x02));
    // SAMConfiguration normal mode: LEN 05, LCS FB, DCS = -(D4 + 14 + 01 + 14 + 01) = -FE = 02
    assertArrayEquals(hex("00 00 FF 05 FB D4 14 01 14 01 02 00"), Pn532.command(0x14, 0x01, 0x14, 0x01));
    // InListPassiveTarget, one type A target: DCS = -(D4 + 4A + 01 + 00) = -11F = E1
    assertArrayEquals(hex("00 00 FF 04 FC D4 4A 01 00 E1 00"), Pn532.command(0x4A, 0x01, 0x00));
  }

  @Test
  void ackNackAndResponsesAreRecognised() {
    List<Pn532.Frame> frames = feed("00 00 FF 00 FF 00" + "00 00 FF FF 00 00" + "00 00 FF 02 FE D5 15 16 00");

    assertEquals(
        List.of(new Pn532.Ack(), new Pn532.Nack(), new Pn532.Information(0xD5, new byte[] {0x15})), frames);
    assertTrue(((Pn532.Information) frames.get(2)).answers(Pn532.SAM_CONFIGURATION));
    assertTrue(discarded.isEmpty(), discarded.toString());
  }

  @Test
  void theApplicationErrorFrameIsAnInformationFrameWithTfi7F() {
    assertEquals(List.of(new Pn532.Information(0x7F, new byte[0])), feed("00 00 FF 01 FF 7F 81 00"));
  }

  @Test
  void framesAreFoundBehindNoiseAndAcrossReads() {
    assertEquals(List.of(), feed("55 55 13 00 00 FF 02"));
    assertEquals(List.of(new Pn532.Information(0xD5, new byte[] {0x15})), feed("FE D5 15 16 00"));
    assertEquals(List.of("3 noise between frames"), discarded);
  }

  @Test
  void badChecksumsAreCountedAndDropped() {
    List<Pn532.Frame> frames = feed("00 00 FF 02 FD D5 15 16 00" + "00 00 FF 02 FE D5 15 17 00" + "00 00 FF 00 FF 00");

    assertEquals(List.of(new Pn532.Ack()), frames);
    assertEquals(2, parser.checksumErrors());
  }

  @Test
  void targetIdIsTheUidInUpperCaseHex() throws DeviceException {
    assertEquals(Optional.of("DEADBEEF"), Pn532.targetId(hex("4B 01 01 0004 08 04 DEADBEEF")));
    assertEquals(Optional.of("04A2246A1E5880"), Pn532.targetId(hex("4B 01 01 0044 00 07 04A2246A1E5880")));
    assertEquals(Optional.empty(), Pn532.targetId(hex("4B 00")));
  }

  @Test
  void malformedTargetDataIsABadFrame() {
    for (String response : List.of("4B 01 01 0004 08 05 DEADBEEF00", "4B 01 01 0004 08 04 DEAD", "4B", "15 00")) {
      DeviceException e = assertThrows(DeviceException.class, () -> Pn532.targetId(hex(response)), response);
      assertEquals(DeviceException.BAD_FRAME, e.vendorCode());
    }
  }
}
