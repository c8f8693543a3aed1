package dev.kilowatt.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.ocpp.TrafficListener.Direction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTrafficTest {

  private final LiveTraffic traffic = new LiveTraffic(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void anAnswerIsListedUnderTheActionOfTheCallItAnswers() {
    traffic.onFrame(Direction.SENT, "[2,\"a1\",\"Heartbeat\",{}]");
    traffic.onFrame(Direction.RECEIVED, "[2,\"a1\",\"Reset\",{\"type\":\"Soft\"}]");
    traffic.onFrame(Direction.RECEIVED, "[3,\"a1\",{\"currentTime\":\"2026-01-01T10:00:00Z\"}]");
    traffic.onFrame(Direction.SENT, "[4,\"a1\",\"NotSupported\",\"\",{}]");

    assertEquals(List.of("CALL Heartbeat", "CALL Reset", "CALLRESULT Heartbeat", "CALLERROR Reset"), listed(),
        "same call id both ways: each answer finds its own call");
    assertEquals(List.of(1L, 2L, 3L, 4L), traffic.recent().stream().map(LiveTraffic.Frame::sequence).toList());
  }

  @Test
  void framesThatAreNoOcppMessageAreListedAsMalformed() {
    for (String frame : List.of("not json", "{\"a\":1}", "[7,\"x\",{}]", "[3,\"never-called\",{}]")) {
      traffic.onFrame(Direction.RECEIVED, frame);
    }
    assertEquals(List.of("MALFORMED ?", "MALFORMED ?", "MALFORMED ?", "CALLRESULT ?"), listed());
  }

  /** Each frame kept, as its kind and action. */
  private List<String> listed() {
    return traffic.recent().stream().map(f -> f.kind() + " " + f.action()).toList();
  }

  @Test
  void theLatestFramesAreKeptAndListenersHearEachOne() {
    List<String> heard = new ArrayList<>();
    traffic.listen(f -> heard.add(f.text()));
    for (int i = 0; i < LiveTraffic.KEPT + 10; i++) {
      traffic.onFrame(Direction.SENT, "[2,\"" + i + "\",\"Heartbeat\",{}]  ");
    }
    List<LiveTraffic.Frame> kept = traffic.recent();
    assertEquals(LiveTraffic.KEPT, kept.size());
    assertEquals(11, kept.getFirst().sequence(), "the oldest ten are gone");
    assertEquals(LiveTraffic.KEPT + 10, heard.size());
    assertEquals("[2,\"0\",\"Heartbeat\",{}]", heard.getFirst(), "as on the wire, without the trailing blanks");
  }
}
