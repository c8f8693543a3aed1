package dev.kilowatt.examples;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Whether the simulated charger is connected to its central system, and which of its calls still wait for
 * an answer. Kept across reboots, so that the console can say when the link comes and goes, and a script or
 * a test can wait for it.
 */
final class LinkState {

  private final Consumer<String> announce;
  private final Set<String> unanswered = new HashSet<>();
  private boolean connected;

  /** @param announce hears one line of text for people on every change */
  LinkState(Consumer<String> announce) {
    this.announce = announce;
  }

  synchronized void connected(String endpoint) {
    connected = true;
    notifyAll();
    announce.accept("connected to " + endpoint);
  }

  synchronized void disconnected(String reason) {
    connected = false;
    // Answers never come over a later connection.
    unanswered.clear();
    notifyAll();
    announce.accept("disconnected: " + reason);
  }

  synchronized boolean isConnected() {
    return connected;
  }

  synchronized void sent(String callId) {
    if (connected) {
      unanswered.add(callId);
    }
  }

  /** The domain has received the answer to {@code callId}. */
  synchronized void answered(String callId) {
    unanswered.remove(callId);
    notifyAll();
  }

  /**
   * Waits until the link is {@code up} (or down).
   *
   * @throws IllegalStateException if it is not within {@code timeout}
   */
  synchronized void await(boolean up, Duration timeout) {
    await(() -> connected == up, timeout, "the link is still " + (up ? "down" : "up"));
  }

  /**
   * Waits until the charge point has the answer to every call it made on this connection.
   *
   * @throws IllegalStateException if some are still unanswered after {@code timeout}
   */
  synchronized void awaitAnswers(Duration timeout) {
    await(unanswered::isEmpty, timeout, "calls still unanswered: " + unanswered);
  }

  private void await(BooleanSupplier condition, Duration timeout, String failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(failure + " after " + timeout.toSeconds() + " s");
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting: " + failure);
      }
    }
  }
}
