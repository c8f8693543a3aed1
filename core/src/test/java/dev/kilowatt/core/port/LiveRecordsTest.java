package dev.kilowatt.core.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.port.Journal.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRecordsTest {

  record Note(String text) {}

  @Test
  void aLaterRecordUnderTheSameKeyReplacesTheEarlierAndTakesItsPlaceInTheOrder() {
    LiveRecords live = new LiveRecords();
    live.put(new Entry(1, "tx/1/start", new Note("a")));
    live.put(new Entry(2, "tx/1/id", new Note("b")));
    live.put(new Entry(3, "tx/1/start", new Note("c")));

    assertEquals(List.of(new Entry(2, "tx/1/id", new Note("b")), new Entry(3, "tx/1/start", new Note("c"))),
        live.entries());
    assertEquals(2, live.size());
  }

  @Test
  void forgetDropsEveryKeyUnderThePrefixAndNothingElse() {
    LiveRecords live = new LiveRecords();
    live.put(new Entry(1, "tx/1/start", new Note("a")));
    live.put(new Entry(2, "tx/10/start", new Note("b")));
    live.put(new Entry(3, "tx/1/stop", new Note("c")));
    live.put(new Entry(4, "tx/2/start", new Note("d")));

    live.forget("tx/1/");

    assertEquals(List.of(new Entry(2, "tx/10/start", new Note("b")), new Entry(4, "tx/2/start", new Note("d"))),
        live.entries());
  }

  @Test
  void aRecordAfterAForgetOfItsPrefixIsLive() {
    LiveRecords live = new LiveRecords();
    live.put(new Entry(1, "msg/7", new Note("a")));
    live.forget("msg/");
    live.put(new Entry(3, "msg/7", new Note("b")));

    assertEquals(List.of(new Entry(3, "msg/7", new Note("b"))), live.entries());
  }
}
