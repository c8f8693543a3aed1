package dev.kilowatt.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the errors and odd events the charge point logs, so that a fleet can watch them. */
final class Counters {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void increment(String name) {
    counts.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  long get(String name) {
    LongAdder adder = counts.get(name);
    return adder == null ? 0 : adder.sum();
  }

  Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
