package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Pn532HsuReaderTest extends PtyTest {

  private static final Duration GAP = Duration.ofMillis(300);

  private FakePn532 chip;

  @BeforeEach
  void fakeChip() {
    chip = new FakePn532(pty.deviceEnd());
    closeAfter(chip.open());
  }

  private Pn532HsuReader start() {
    Pn532HsuReader reader = closeAfter(new Pn532HsuReader(config(115200), GAP));
    reader.start(listener);
    return reader;
  }

  /** Lets the reader poll {@code count} more times. */
  private void polls(int count) {
    int target = chip.polls.get() + count;
    Await.until(() -> chip.polls.get() >= target, count + " more polls");
  }

  @Test
  void aCardLyingOnTheReaderIsReportedOnce() {
    start();
    polls(2);

    chip.present("04A2246A1E5880");
    Await.until(() -> !listener.cards().isEmpty(), "the card");
    polls(10);

    assertEquals(List.of("04A2246A1E5880"), listener.cards());
  }

  @Test
  void theSameCardCountsAgainAfterTheGapAndAnotherCardAtOnce() {
    start();
    chip.present("DEADBEEF");
    Await.until(() -> listener.cards().size() == 1, "the first presentation");

    chip.present("0102030405060708090A");
    Await.until(() -> listener.cards().size() == 2, "another card");
    chip.remove();
    long removed = System.nanoTime();
    Await.until(() -> System.nanoTime() - removed > GAP.toNanos() && chip.polls.get() > 0, "the gap to pass");
    polls(1);
    chip.present("0102030405060708090A");
    Await.until(() -> listener.cards().size() == 3, "the card presented again");

    assertEquals(List.of("DEADBEEF", "0102030405060708090A", "0102030405060708090A"), listener.cards());
  }

  @Test
  void aReaderThatDoesNotAckIsAReaderFailure() {
    chip.missing = true;
    start();

    Await.until(() -> listener.hasFault(Pn532HsuReader.FAULT_SOURCE), "a reader fault");
    assertEquals(
        new HardwareFault("rfid", ConnectorFault.READER_FAILURE, "NO_READER", "no ACK to command 14"),
        listener.faults().get(0));

    chip.missing = false;
    Await.until(() -> listener.cleared().contains("rfid"), "the fault to clear");
    chip.present("DEADBEEF");
    Await.until(() -> listener.cards().equals(List.of("DEADBEEF")), "a card after recovery");
  }

  @Test
  void aReaderThatLostPowerIsSetUpAgain() {
    start();
    polls(1);

    chip.powerCycle();
    chip.present("CAFEBABE");

    Await.until(() -> listener.cards().equals(List.of("CAFEBABE")), "a card after the power cycle");
    assertEquals(List.of(), listener.faults(), "one missed poll is no fault");
  }

  @Test
  void corruptResponsesAreAChecksumFault() {
    Pn532HsuReader reader = start();
    polls(1);

    chip.corruptResponses = true;
    Await.until(() -> listener.hasFault("rfid"), "a reader fault");
    assertEquals("CHECKSUM", listener.faults().get(0).vendorErrorCode());
    assertEquals(true, reader.loop().discardedInput() > 0);

    chip.corruptResponses = false;
    Await.until(() -> listener.cleared().contains("rfid"), "the fault to clear");
  }

  @Test
  void noiseOnTheLineIsSkipped() {
    start();
    polls(1);

    chip.send(new byte[] {0x13, 0x37, (byte) 0xFF, 0x00, (byte) 0xFF, 0x42});
    chip.present("DEADBEEF");

    Await.until(() -> listener.cards().equals(List.of("DEADBEEF")), "the card after the noise");
  }

  @Test
  void cardsAreReadThroughContinuousNoise() throws Exception {
    start();
    polls(1);

    try (AutoCloseable noise = babble(chip, new byte[] {0x13, 0x37, 0x55, (byte) 0xFF})) {
      chip.present("DEADBEEF");
      Await.until(() -> listener.cards().equals(List.of("DEADBEEF")), "the card through the noise");
    }
  }

  @Test
  void aMissingReaderDrownedInNoiseIsStillNoReader() throws Exception {
    chip.missing = true;

    try (AutoCloseable noise = babble(chip, new byte[] {0x13, 0x37, 0x55, (byte) 0xFF})) {
      start();
      Await.until(() -> listener.hasFault("rfid"), "a reader fault despite the noise");
    }

    assertEquals("NO_READER", listener.faults().get(0).vendorErrorCode());
  }

  @Test
  void unplugAndReplugRecover() throws Exception {
    start();
    polls(1);

    unplugUntilFault(chip, "rfid");
    chip.present("DEADBEEF");

    Await.until(() -> listener.cleared().contains("rfid"), "the fault to clear");
    Await.until(() -> listener.cards().equals(List.of("DEADBEEF")), "a card after the replug");
  }
}
