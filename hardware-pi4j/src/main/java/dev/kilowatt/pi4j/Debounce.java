package dev.kilowatt.pi4j;

import java.util.Optional;

/** Accepts a new value only once it has been read a number of times in a row. */
final class Debounce<T> {

  private final int needed;
  private Optional<T> stable;
  private Optional<T> candidate = Optional.empty();
  private int seen;

  Debounce(int needed, Optional<T> initial) {
    this.needed = needed;
    this.stable = initial;
  }

  /** Feeds one reading; returns the new stable value when this reading made it change. */
  Optional<T> feed(T reading) {
    if (stable.equals(Optional.of(reading))) {
      candidate = Optional.empty();
      seen = 0;
      return Optional.empty();
    }
    if (candidate.equals(Optional.of(reading))) {
      seen++;
    } else {
      candidate = Optional.of(reading);
      seen = 1;
    }
    if (seen < needed) {
      return Optional.empty();
    }
    stable = candidate;
    candidate = Optional.empty();
    seen = 0;
    return stable;
  }

  /** Makes {@code value} (or nothing) the stable value at once, forgetting any candidate. */
  void reset(Optional<T> value) {
    stable = value;
    candidate = Optional.empty();
    seen = 0;
  }

  Optional<T> stable() {
    return stable;
  }
}
