package dev.kilowatt.core.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bound of the offline transaction queue: at most {@code sampleLimit} periodic samples wait; every
 * start, stop and clock-aligned sample is kept, since billing rests on them. When the queue holds more,
 * periodic samples are thinned where they are densest, so what remains is spread evenly over each
 * transaction and the interval between the kept samples grows as the time offline grows. The newest
 * message of a running transaction is its latest reading and is dropped only when no other sample can be.
 * The caller counts what is dropped ({@code transaction.samplesThinned}). See {@code docs/ledger.md}.
 */
public final class SampleThinning {

  private final int sampleLimit;

  /**
   * A bound that keeps at most {@code sampleLimit} periodic samples waiting.
   *
   * @param sampleLimit how many periodic MeterValues may wait at most, over all transactions; at least 1
   * @throws IllegalArgumentException if {@code sampleLimit} is below 1
   */
  public SampleThinning(int sampleLimit) {
    if (sampleLimit < 1) {
      throw new IllegalArgumentException("the queue keeps at least one periodic sample: " + sampleLimit);
    }
    this.sampleLimit = sampleLimit;
  }

  /**
   * The messages to drop from {@code queue} (oldest first in the queue) so that at most the limit of
   * periodic samples stays; only periodic samples are ever returned.
   *
   * @param queue the transaction messages waiting to be sent, in any order
   * @return the periodic samples to drop, oldest first; empty while the queue is within the limit
   */
  public List<QueuedMessage> thin(List<QueuedMessage> queue) {
    List<QueuedMessage> remaining = new ArrayList<>(queue);
    remaining.sort(Comparator.comparingLong(QueuedMessage::sequence));
    long samples = remaining.stream().filter(SampleThinning::isPeriodic).count();
    List<QueuedMessage> dropped = new ArrayList<>();
    while (samples > sampleLimit) {
      QueuedMessage victim = cheapestToDrop(remaining);
      remaining.remove(victim);
      dropped.add(victim);
      samples--;
    }
    return List.copyOf(dropped);
  }

  private static QueuedMessage cheapestToDrop(List<QueuedMessage> queue) {
    Map<String, List<QueuedMessage>> byTransaction = new HashMap<>();
    queue.forEach(message -> byTransaction.computeIfAbsent(message.transaction(), t -> new ArrayList<>()).add(message));
    QueuedMessage best = null;
    Duration bestGap = null;
    for (List<QueuedMessage> transaction : byTransaction.values()) {
      for (int i = 1; i < transaction.size() - 1; i++) {
        QueuedMessage sample = transaction.get(i);
        if (!isPeriodic(sample)) {
          continue;
        }
        // The gap that dropping it leaves between its neighbours; the smallest costs the least detail.
        Duration gap = Duration.between(transaction.get(i - 1).time(), transaction.get(i + 1).time());
        int byGap = bestGap == null ? -1 : gap.compareTo(bestGap);
        if (byGap < 0 || byGap == 0 && sample.sequence() < best.sequence()) {
          best = sample;
          bestGap = gap;
        }
      }
    }
    return Optional.ofNullable(best).orElseGet(() -> oldestSample(queue, byTransaction));
  }

  /** Without a sample between two others: the oldest that is not its transaction's newest, else the oldest. */
  private static QueuedMessage oldestSample(List<QueuedMessage> queue, Map<String, List<QueuedMessage>> byTransaction) {
    return queue.stream()
        .filter(SampleThinning::isPeriodic)
        .filter(sample -> byTransaction.get(sample.transaction()).getLast() != sample)
        .findFirst()
        .orElseGet(() -> queue.stream().filter(SampleThinning::isPeriodic).findFirst().orElseThrow());
  }

  private static boolean isPeriodic(QueuedMessage message) {
    return message.kind() == QueuedMessage.Kind.PERIODIC_SAMPLE;
  }
}
