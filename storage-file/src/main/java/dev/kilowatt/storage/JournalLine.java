package dev.kilowatt.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * One record of a journal segment as it is written: an append when it has a payload, a forget of every
 * key under {@code key} when it has none.
 */
record JournalLine(long sequence, String key, Optional<Record> payload) {

  JournalLine {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
  }
}
