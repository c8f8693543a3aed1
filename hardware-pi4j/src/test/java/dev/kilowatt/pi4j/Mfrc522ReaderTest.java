package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.RfidReader;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Mfrc522ReaderTest extends RigTest {

  @AfterEach
  void noProtocolErrors() {
    assertEquals(List.of(), rig.rfid.protocolErrors());
  }

  private RfidReader startReader() {
    RfidReader reader = rig.board().rfidReader().orElseThrow();
    reader.start(events);
    return reader;
  }

  /** The sample board polls every 200 ms. */
  private void polls(int count) {
    rig.advanceMillis(200L * count);
  }

  @Test
  void crcAMatchesTheStandardsExampleAndAnIndependentImplementation() {
    assertArrayEquals(HexFormat.of().parseHex("500057cd"), Mfrc522Chip.withCrc((byte) 0x50, (byte) 0x00));
    Random random = new Random(7);
    for (int i = 0; i < 100; i++) {
      byte[] data = new byte[1 + random.nextInt(16)];
      random.nextBytes(data);
      assertEquals(FakeMfrc522.crcA(data, data.length), Mfrc522Chip.crcA(data, data.length));
      assertTrue(Mfrc522Chip.crcMatches(Mfrc522Chip.withCrc(data)));
    }
  }

  @Test
  void resetsAndSetsUpTheChip() {
    startReader();
    polls(2);

    assertEquals(1, rig.rfid.softResets());
    assertEquals(0x80, rig.rfid.register(0x2A), "TModeReg: timer starts after each transmission");
    assertEquals(0xA9, rig.rfid.register(0x2B), "TPrescalerReg");
    assertEquals(0x03, rig.rfid.register(0x2C), "TReloadRegH");
    assertEquals(0xE8, rig.rfid.register(0x2D), "TReloadRegL");
    assertEquals(0x40, rig.rfid.register(0x15), "TxASKReg: 100 % ASK");
    assertEquals(0x3D, rig.rfid.register(0x11), "ModeReg: CRC preset 0x6363");
    assertEquals(0x03, rig.rfid.register(0x14) & 0x03, "antenna on");
    assertEquals(List.of(), events.faultEvents);
  }

  @Test
  void readsAFourByteUidAsUpperCaseHex() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(2);

    assertEquals(List.of("DEADBEEF"), events.cards);
    assertEquals(List.of("52", "9320", "9370deadbeef22" + crcHex("9370deadbeef22"), "500057cd"),
        rig.rfid.framesSent().subList(rig.rfid.framesSent().indexOf("9320") - 1,
            rig.rfid.framesSent().indexOf("9320") + 3));
  }

  @Test
  void readsSevenAndTenByteUidsThroughTheCascadeLevels() {
    startReader();
    rig.rfid.present("04a2b3c4d5e6f7");
    polls(2);
    rig.rfid.remove();
    polls(4);
    rig.rfid.present("08112233445566778899");
    polls(2);

    assertEquals(List.of("04A2B3C4D5E6F7", "08112233445566778899"), events.cards);
    assertTrue(rig.rfid.framesSent().contains("9520"));
    assertTrue(rig.rfid.framesSent().contains("9720"));
  }

  @Test
  void aCardStayingOnTheReaderIsReportedOnce() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(50);

    assertEquals(List.of("DEADBEEF"), events.cards);
    long wakeUps = rig.rfid.framesSent().stream().filter("52"::equals).count();
    assertTrue(wakeUps > 40, "the card is checked on every poll, " + wakeUps);
  }

  @Test
  void aCardPresentedAgainIsANewPresentation() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(5);
    rig.rfid.remove();
    polls(5);
    rig.rfid.present("deadbeef");
    polls(5);

    assertEquals(List.of("DEADBEEF", "DEADBEEF"), events.cards);
  }

  @Test
  void aCardMissingForASinglePollIsTheSamePresentation() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(5);
    rig.rfid.remove();
    polls(1);
    rig.rfid.present("deadbeef");
    polls(5);

    assertEquals(List.of("DEADBEEF"), events.cards);
  }

  @Test
  void anotherCardIsReportedAtOnce() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(5);
    rig.rfid.present("cafebabe");
    polls(2);

    assertEquals(List.of("DEADBEEF", "CAFEBABE"), events.cards);
  }

  @Test
  void aUidWithABadCheckByteIsNotReported() {
    startReader();
    rig.rfid.presentWithBadBcc("deadbeef");
    polls(10);

    assertEquals(List.of(), events.cards);
    assertEquals(List.of(), events.faultEvents);
    assertTrue(rig.rfid.framesSent().stream().noneMatch(frame -> frame.startsWith("9370")), "never selected");
  }

  @Test
  void aMissingReaderIsAFaultUntilItAnswersAgain() {
    rig.rfid.disconnect();
    startReader();
    polls(1);
    assertEquals(Optional.of(new HardwareFault("rfid", ConnectorFault.READER_FAILURE, "NO_READER",
        "card reader does not answer")), events.fault("rfid"));

    polls(10);
    assertEquals(List.of("rfid:NO_READER"), events.faultEvents, "reported once");

    rig.rfid.reconnect();
    rig.rfid.present("deadbeef");
    polls(3);
    assertEquals(Optional.empty(), events.fault("rfid"));
    assertEquals(List.of("DEADBEEF"), events.cards);
    assertEquals(1, rig.rfid.softResets());
  }

  @Test
  void aReaderLostAndBackIsSetUpAgain() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(3);

    rig.rfid.disconnect();
    polls(3);
    assertTrue(events.fault("rfid").isPresent());
    rig.rfid.reconnect();
    polls(3);

    assertEquals(Optional.empty(), events.fault("rfid"));
    assertEquals(2, rig.rfid.softResets());
    assertEquals(List.of("DEADBEEF", "DEADBEEF"), events.cards,
        "nobody watched the card while the reader was gone");
  }

  @Test
  void aChipThatResetByItselfIsSetUpAgainWithoutReportingTheCardTwice() {
    startReader();
    rig.rfid.present("deadbeef");
    polls(3);

    rig.rfid.brownOut();
    polls(3);

    assertEquals(2, rig.rfid.softResets());
    assertEquals(0x03, rig.rfid.register(0x14) & 0x03, "antenna on again");
    assertEquals(List.of("DEADBEEF"), events.cards);
    rig.rfid.remove();
    polls(5);
    rig.rfid.present("deadbeef");
    polls(2);
    assertEquals(List.of("DEADBEEF", "DEADBEEF"), events.cards);
  }

  private static String crcHex(String hex) {
    byte[] withCrc = Mfrc522Chip.withCrc(HexFormat.of().parseHex(hex));
    return HexFormat.of().formatHex(withCrc, withCrc.length - 2, withCrc.length);
  }
}
