package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Rdm6300ReaderTest extends PtyTest {

  private static final Duration GAP = Duration.ofMillis(300);

  private FakeRdm6300 module;
  private Rdm6300Reader reader;

  @BeforeEach
  void startReader() {
    module = new FakeRdm6300(pty.deviceEnd());
    closeAfter(module.open());
    reader = closeAfter(new Rdm6300Reader(config(9600), GAP));
    reader.start(listener);
  }

  /**
   * Lays {@code card} on the reader: the module repeats its frame, as the real one does while the card lies
   * there, until the reader reports it (frames sent before the reader opened the port are lost).
   */
  private void present(String card) {
    int before = listener.cards().size();
    Await.until(
        () -> {
          module.sighting(card);
          return listener.cards().size() > before;
        },
        "the card " + card);
  }

  @Test
  void aCardThatStaysIsReportedOnce() {
    present("0F0023A1B2");

    for (int i = 0; i < 10; i++) {
      module.sighting("0F0023A1B2");
    }
    present("1122334455");

    assertEquals(List.of("0F0023A1B2", "1122334455"), listener.cards());
  }

  @Test
  void theSameCardCountsAgainAfterAQuietGap() {
    present("0F0023A1B2");
    long last = System.nanoTime();

    // Twice the gap: the reader may see the last frames of the first presentation a little after we sent them.
    Await.until(() -> System.nanoTime() - last > 2 * GAP.toNanos(), "a quiet gap");
    present("0F0023A1B2");

    assertEquals(List.of("0F0023A1B2", "0F0023A1B2"), listener.cards());
  }

  @Test
  void noiseAndBrokenFramesAreCountedAndSkipped() {
    present("0F0023A1B2");

    module.send("\u0000garbage\u0002BROKEN\u0003\u00020F0023A1B23E\u0003".getBytes(StandardCharsets.US_ASCII));
    present("1122334455");

    assertEquals(List.of("0F0023A1B2", "1122334455"), listener.cards());
    assertTrue(reader.loop().discardedInput() >= 30, "discarded " + reader.loop().discardedInput());
    assertTrue(listener.faults().isEmpty());
  }

  @Test
  void aVanishedPortIsAReaderFailureUntilItIsBack() throws Exception {
    present("0F0023A1B2");

    unplugUntilFault(module, Rdm6300Reader.FAULT_SOURCE);
    assertEquals(ConnectorFault.READER_FAILURE, listener.faults().get(0).fault());
    assertEquals("PORT", listener.faults().get(0).vendorErrorCode());

    Await.until(() -> listener.cleared().contains("rfid"), "the fault to clear");
    present("1122334455");
  }
}
