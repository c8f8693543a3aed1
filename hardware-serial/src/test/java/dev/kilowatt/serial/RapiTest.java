package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RapiTest {

  @Test
  void commandsCarryTheXorChecksumOfTheFirmwareExample() {
    assertEquals("$GS^30\r", new String(Rapi.command("GS"), StandardCharsets.US_ASCII));
    assertEquals(0x30, Rapi.checksum("$GS"));
  }

  @Test
  void repliesAndUnaskedMessagesAreSplitIntoTypeAndParameters() {
    String ok = "$OK 03 120 03 0000";
    assertEquals(
        Optional.of(new Rapi.Message("OK", List.of("03", "120", "03", "0000"))),
        Rapi.parse(ok + "^%02X".formatted(Rapi.checksum(ok))));
    String at = "$AT 01 01 32 0000";
    assertEquals(Optional.of(new Rapi.Message("AT", List.of("01", "01", "32", "0000"))), Rapi.parse(at + "^%02x".formatted(Rapi.checksum(at))));
  }

  @Test
  void aSequenceIdIsDropped() {
    String reply = "$OK 16 :A5";
    assertEquals(
        Optional.of(new Rapi.Message("OK", List.of("16"))), Rapi.parse(reply + "^%02X".formatted(Rapi.checksum(reply))));
  }

  @Test
  void linesWithoutAValidChecksumAreRejected() {
    assertTrue(Rapi.parse("$OK^21").isEmpty(), "wrong checksum");
    assertTrue(Rapi.parse("$OK").isEmpty(), "no checksum");
    assertTrue(Rapi.parse("$OK^zz").isEmpty(), "checksum not hex");
    assertTrue(Rapi.parse("OK^20").isEmpty(), "no start");
    assertTrue(Rapi.parse("$^24").isEmpty(), "no type");
    assertTrue(Rapi.parse("").isEmpty(), "empty");
    assertTrue(Rapi.parse("\u00ff\u0000$OK^2").isEmpty(), "noise");
  }

  @Test
  void linesAreCutAtCarriageReturnsAndOverlongOnesAreDiscarded() {
    List<Integer> discarded = new ArrayList<>();
    Rapi.Lines lines = new Rapi.Lines((bytes, what) -> discarded.add(bytes));
    byte[] input = ("$OK^20\r\n$AT 01 01 32 0000^2" + "x".repeat(100) + "\r$NK^3").getBytes(StandardCharsets.US_ASCII);

    lines.feed(input, input.length);

    assertEquals(Optional.of("$OK^20"), lines.next());
    assertEquals(List.of(Rapi.MAX_LINE), discarded);
    assertTrue(lines.next().isPresent(), "the tail of the over-long line");
    assertEquals(Optional.empty(), lines.next());
    lines.feed(new byte[] {'1', '\r'}, 2);
    assertEquals(Optional.of("$NK^31"), lines.next());
  }
}
