package dev.kilowatt.core.ledger;

import static dev.kilowatt.core.ledger.QueuedMessage.Kind.CLOCK_SAMPLE;
import static dev.kilowatt.core.ledger.QueuedMessage.Kind.PERIODIC_SAMPLE;
import static dev.kilowatt.core.ledger.QueuedMessage.Kind.START;
import static dev.kilowatt.core.ledger.QueuedMessage.Kind.STOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampleThinningTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private long sequence;

  private QueuedMessage message(String transaction, QueuedMessage.Kind kind, int minute) {
    return new QueuedMessage(++sequence, transaction, kind, T0.plus(Duration.ofMinutes(minute)));
  }

  @Test
  void withinTheLimitNothingIsDropped() {
    SampleThinning bound = new SampleThinning(2);
    List<QueuedMessage> queue = List.of(message("1", START, 0), message("1", PERIODIC_SAMPLE, 1),
        message("1", PERIODIC_SAMPLE, 2), message("1", STOP, 3));

    assertEquals(List.of(), bound.thin(queue));
  }

  @Test
  void startsStopsAndClockAlignedSamplesAreNeverDropped() {
    SampleThinning bound = new SampleThinning(1);
    List<QueuedMessage> queue = new ArrayList<>();
    for (int transaction = 1; transaction <= 3; transaction++) {
      queue.add(message("t" + transaction, START, transaction * 100));
      for (int minute = 1; minute <= 20; minute++) {
        queue.add(message("t" + transaction, minute % 5 == 0 ? CLOCK_SAMPLE : PERIODIC_SAMPLE, transaction * 100 + minute));
      }
      queue.add(message("t" + transaction, STOP, transaction * 100 + 21));
    }

    List<QueuedMessage> dropped = bound.thin(queue);

    assertTrue(dropped.stream().allMatch(m -> m.kind() == PERIODIC_SAMPLE));
    assertEquals(3 * 16 - 1, dropped.size());
    List<QueuedMessage> kept = queue.stream().filter(m -> !dropped.contains(m)).toList();
    assertEquals(3, kept.stream().filter(m -> m.kind() == START).count());
    assertEquals(3, kept.stream().filter(m -> m.kind() == STOP).count());
    assertEquals(12, kept.stream().filter(m -> m.kind() == CLOCK_SAMPLE).count());
  }

  @Test
  void thinsEvenlySoTheKeptSamplesAreSpreadOverTheTransaction() {
    SampleThinning bound = new SampleThinning(4);
    List<QueuedMessage> queue = new ArrayList<>();
    queue.add(message("1", START, 0));
    IntStream.rangeClosed(1, 15).forEach(minute -> queue.add(message("1", PERIODIC_SAMPLE, minute)));
    queue.add(message("1", STOP, 16));

    List<QueuedMessage> dropped = bound.thin(queue);

    List<Integer> keptMinutes = queue.stream()
        .filter(m -> m.kind() == PERIODIC_SAMPLE && !dropped.contains(m))
        .map(m -> (int) Duration.between(T0, m.time()).toMinutes())
        .toList();
    assertEquals(List.of(4, 8, 12, 14), keptMinutes);
    assertEquals(11, dropped.size());
  }

  @Test
  void theLatestReadingOfARunningTransactionStaysWhileOlderSamplesCanGo() {
    SampleThinning bound = new SampleThinning(1);
    QueuedMessage older = message("1", PERIODIC_SAMPLE, 1);
    QueuedMessage latest = message("1", PERIODIC_SAMPLE, 2);

    assertEquals(List.of(older), bound.thin(List.of(older, latest)));
  }

  @Test
  void eachCallThinsTheQueueItIsGivenAndALimitBelowOneIsRefused() {
    SampleThinning bound = new SampleThinning(1);
    QueuedMessage first = message("1", PERIODIC_SAMPLE, 1);
    QueuedMessage third = message("1", PERIODIC_SAMPLE, 3);

    assertEquals(List.of(first), bound.thin(List.of(first, message("2", PERIODIC_SAMPLE, 2))));
    assertEquals(List.of(third), bound.thin(List.of(third, message("2", PERIODIC_SAMPLE, 4))));
    assertThrows(IllegalArgumentException.class, () -> new SampleThinning(0));
  }
}
