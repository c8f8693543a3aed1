package dev.kilowatt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestLoopTest {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  @Test
  void whatAnAdaptersThreadPostsRunsOnTheTestsThreadWhileTheTimeMovesInSteps() throws Exception {
    TestLoop loop = new TestLoop(START);
    List<String> ran = new ArrayList<>();
    Thread adapter = Thread.ofVirtual().start(() -> loop.execute(() -> ran.add(Thread.currentThread().getName() + "@" + loop.now())));
    adapter.join();
    loop.schedule(Duration.ofSeconds(30), () -> ran.add("timer@" + loop.now()));

    loop.awaitUntil("the timer", Duration.ofSeconds(10), () -> ran.size() == 2);

    assertEquals(List.of(Thread.currentThread().getName() + "@" + START, "timer@" + START.plusSeconds(30)), ran);
    assertEquals(START.plusSeconds(30), loop.now(), "three steps of 10 s");
  }
}
