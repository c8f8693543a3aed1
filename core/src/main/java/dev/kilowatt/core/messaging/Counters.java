package dev.kilowatt.core.messaging;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the errors and odd events the charge point logs, so that a fleet can watch them. */
public final class Counters {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** No counts yet; every name starts at zero. */
  public Counters() {}

  /**
   * Counts one more {@code name}; safe from any thread.
   *
   * @param name what happened, e.g. {@code call.ignoredWhileRejected}
   */
  public void increment(String name) {
    counts.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  /**
   * How many {@code name} were counted so far.
   *
   * @param name what happened
   * @return its count since start, 0 if it never happened
   */
  public long get(String name) {
    LongAdder adder = counts.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** {@return every count so far, by name in alphabetical order; a copy, not a live view} */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
