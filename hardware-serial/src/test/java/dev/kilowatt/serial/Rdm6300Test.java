package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rdm6300Test {

  private final List<String> discarded = new ArrayList<>();
  private final Rdm6300.Parser parser = new Rdm6300.Parser((bytes, what) -> discarded.add(bytes + " " + what));

  private List<String> feed(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    byte[] bytes = out.toByteArray();
    return parser.feed(bytes, bytes.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void theChecksumIsTheXorOfTheFiveDataBytes() {
    // 0F ^ 00 ^ 23 ^ A1 ^ B2 = 3F
    assertArrayEquals(ascii("\u00020F0023A1B23F\u0003"), FakeRdm6300.frame("0F0023A1B2"));
  }

  @Test
  void aValidFrameGivesTheTenDataDigitsInUpperCase() {
    assertEquals(List.of("0F0023A1B2"), feed(ascii("\u00020f0023a1b23f\u0003")));
    assertEquals(List.of(), discarded);
  }

  @Test
  void framesSplitAcrossReadsAreJoined() {
    assertEquals(List.of(), feed(ascii("\u00020F0023")));
    assertEquals(List.of("0F0023A1B2"), feed(ascii("A1B23F\u0003")));
  }

  @Test
  void aWrongChecksumIsDiscarded() {
    assertEquals(List.of(), feed(ascii("\u00020F0023A1B23E\u0003")));
    assertEquals(List.of("14 broken frame"), discarded);
  }

  @Test
  void noiseTruncatedAndMalformedFramesAreDiscardedAndTheNextGoodFrameCounts() {
    List<String> cards = feed(
        ascii("xyz"),
        ascii("\u00020F00"),
        FakeRdm6300.frame("0F0023A1B2"),
        ascii("\u00020F0023A1B23F3F\u0003"), // the 13th digit breaks the frame; "F" and 03 are noise
        ascii("\u0002GG0023A1B23F\u0003"),
        ascii("\u00020F0023A1B2\u0003"),
        FakeRdm6300.frame("1122334455"));

    assertEquals(List.of("0F0023A1B2", "1122334455"), cards);
    assertEquals(
        List.of("5 truncated frame", "14 broken frame", "14 broken frame", "12 broken frame", "5 noise between frames"),
        discarded);
  }
}
