package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.test.TestLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartsInFlightTest {

  private final TestLoop loop = new TestLoop(Instant.parse("2026-12-04T10:00:00Z"));
  private final StartsInFlight starts = new StartsInFlight(loop);
  private final List<String> ran = new ArrayList<>();

  @Test
  void aCallAboutNoTransactionOrAnAnsweredOneRunsAtOnce() {
    starts.after(Optional.empty(), () -> ran.add("any"));
    starts.sent("1-2026-12-04T10:00:00Z");
    starts.settled("1-2026-12-04T10:00:00Z");
    starts.after(Optional.of("1-2026-12-04T10:00:00Z"), () -> ran.add("stop"));
    starts.after(Optional.of("2-2026-12-04T10:00:00Z"), () -> ran.add("other"));

    assertEquals(List.of("any", "stop", "other"), ran);
  }

  @Test
  void aCallAboutAnUnansweredStartRunsInALaterTaskThanTheAnswer() {
    starts.sent("1-2026-12-04T10:00:00Z");
    starts.after(Optional.of("1-2026-12-04T10:00:00Z"), () -> ran.add("stop"));
    assertEquals(List.of(), ran);

    starts.settled("1-2026-12-04T10:00:00Z");
    ran.add("answer heard");
    loop.runPending();

    assertEquals(List.of("answer heard", "stop"), ran);
  }

  @Test
  void aCallAboutTheRunningTransactionsWaitsForEveryUnansweredStart() {
    starts.afterAll(() -> ran.add("none unanswered"));
    starts.sent("1-2026-12-04T10:00:00Z");
    starts.sent("2-2026-12-04T10:00:01Z");
    starts.afterAll(() -> ran.add("trigger"));

    starts.settled("2-2026-12-04T10:00:01Z");
    loop.runPending();
    assertEquals(List.of("none unanswered"), ran, "one start is still unanswered");
    starts.settled("1-2026-12-04T10:00:00Z");
    ran.add("answer heard");
    loop.runPending();

    assertEquals(List.of("none unanswered", "answer heard", "trigger"), ran);
  }

  @Test
  void theCallsWaitingOnALostConnectionAreDroppedWithIt() {
    starts.sent("1-2026-12-04T10:00:00Z");
    starts.after(Optional.of("1-2026-12-04T10:00:00Z"), () -> ran.add("stop"));

    starts.lost();
    starts.settled("1-2026-12-04T10:00:00Z");
    loop.runPending();
    starts.after(Optional.of("1-2026-12-04T10:00:00Z"), () -> ran.add("after reconnecting"));

    assertEquals(List.of("after reconnecting"), ran);
  }
}
