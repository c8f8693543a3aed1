package dev.kilowatt.ocpp;

import static dev.kilowatt.ocpp.Samples.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;

/** The broken frames every link must survive, played by a test central system, and what the link must count. */
final class BrokenFrames {

  private BrokenFrames() {}

  /**
   * Sends each of {@link Samples#BROKEN_CALLS} and checks its CALLERROR, then the frames that deserve no
   * answer: {@link Samples#UNANSWERABLE_FRAMES}, an answer to no call of ours, and a binary frame.
   */
  static void play(TestCentralSystem server) throws InterruptedException {
    for (String[] brokenCall : Samples.BROKEN_CALLS) {
      server.send(json(brokenCall[1]));
      String answer = server.nextReceived();
      assertTrue(answer.startsWith(json("[4,'" + brokenCall[0] + "','" + brokenCall[2] + "',")),
          brokenCall[1] + " -> " + answer);
    }
    for (String unanswerable : Samples.UNANSWERABLE_FRAMES) {
      server.send(json(unanswerable));
    }
    server.send(json("[3,'not-ours',{}]"));
    server.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
  }

  /** What a link must have counted after {@link #play}. */
  static void assertCounted(Map<String, Long> counters) {
    assertEquals(3L, counters.get("FormationViolation"));
    assertEquals(3L, counters.get("PropertyConstraintViolation"));
    assertEquals(4L, counters.get("unanswerableFrames"));
    assertEquals(1L, counters.get("unknownResponses"));
    assertEquals(1L, counters.get("binaryFrames"));
  }
}
