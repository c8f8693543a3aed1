package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedRfidReaderTest {

  private final Recorder core = new Recorder();
  private final SimulatedRfidReader reader = new SimulatedRfidReader();

  @Test
  void reportsEachPresentationOnce() {
    reader.start(core);

    reader.present("04A2B3C4D5E680");
    reader.present("04A2B3C4D5E680");

    assertEquals(List.of("04A2B3C4D5E680", "04A2B3C4D5E680"), core.cards);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "123456789012345678901"})
  void rejectsWhatCannotBeAnIdTag(String idTag) {
    reader.start(core);

    var e = assertThrows(IllegalArgumentException.class, () -> reader.present(idTag));

    assertTrue(e.getMessage().contains("1 to 20 characters"));
    assertTrue(core.cards.isEmpty());
  }
}
