package dev.kilowatt.examples;

import dev.kilowatt.examples.DemoBackOffice.Answered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The calls the demo central system answered, in order, with a cursor that the demo moves past what it has
 * already waited for.
 */
final class Exchange {

  private final List<Answered> answered = new ArrayList<>();
  private int cursor;

  synchronized void add(Answered call) {
    answered.add(call);
    notifyAll();
  }

  /**
   * Waits for the first call after the cursor that passes {@code test} and moves the cursor past it.
   *
   * @throws IllegalStateException if none arrives within {@code timeout}
   */
  synchronized Answered next(Duration timeout, String what, Predicate<Answered> test) {
    int index = awaitIndex(timeout, what, test);
    cursor = index + 1;
    return answered.get(index);
  }

  /**
   * Waits for a call after the cursor that passes {@code test}, leaving the cursor where it is (for calls
   * whose order among each other does not matter).
   *
   * @throws IllegalStateException if none arrives within {@code timeout}
   */
  synchronized Answered seen(Duration timeout, String what, Predicate<Answered> test) {
    return answered.get(awaitIndex(timeout, what, test));
  }

  private int awaitIndex(Duration timeout, String what, Predicate<Answered> test) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Integer> found = find(test);
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("no " + what + " within " + timeout.toSeconds() + " s");
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what);
      }
    }
  }

  private Optional<Integer> find(Predicate<Answered> test) {
    for (int i = cursor; i < answered.size(); i++) {
      if (test.test(answered.get(i))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
