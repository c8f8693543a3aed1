package dev.kilowatt.core.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable, crash-safe storage for the domain's state: configuration, queued transaction messages, the
 * open transaction, availability, reservations, charging profiles, the local authorization list.
 *
 * <p>Values are the domain's own immutable records (components of records, lists, {@link Optional},
 * {@link java.time.Instant}, enums, and sealed interfaces implemented by records). {@link #save} returns
 * only once the value survives a power cut; a crash during a save leaves the old value or the new one,
 * never a mix. The charge point makes every save and delete on a writer of its own, off the event loop
 * ({@code ChargePoint.Builder.storageWriter}); it reads on the loop, so a read should not wait for a write of
 * another key.
 */
public interface Storage {

  /**
   * The value saved under {@code key}, if any. A value that can no longer be read is reported as absent.
   *
   * @param <T> the value's type
   * @param key what the value was saved under
   * @param type the value's record class
   * @return the value, or empty
   */
  <T extends Record> Optional<T> load(String key, Class<T> type);

  /**
   * Saves {@code value} under {@code key}, replacing what was there, durably and atomically.
   *
   * @param key what the value is saved under
   * @param value the record to keep
   */
  void save(String key, Record value);

  /**
   * Saves {@code value} under {@code key} as {@link #save(String, Record)} does, then tells {@code whenDone} how it
   * went, in the shape the {@link Journal} tells it: {@link Journal.Outcome.Durable} once the value survives a
   * power cut, {@link Journal.Outcome.Failed} if the medium refused it (the old value is still in place). This
   * default saves on the calling thread and tells at once; a store that writes later tells later, on the loop.
   *
   * @param key what the value is saved under
   * @param value the record to keep
   * @param whenDone told the outcome, once
   */
  default void save(String key, Record value, Consumer<Journal.Outcome> whenDone) {
    Journal.Outcome outcome;
    try {
      save(key, value);
      outcome = new Journal.Outcome.Durable(0);
    } catch (RuntimeException e) {
      outcome = new Journal.Outcome.Failed(String.valueOf(e.getMessage()));
    }
    whenDone.accept(outcome);
  }

  /**
   * Removes {@code key}; removing a missing key is harmless.
   *
   * @param key what the value was saved under
   */
  void delete(String key);

  /**
   * The keys that start with {@code prefix}, in ascending order.
   *
   * @param prefix the start of the keys wanted; empty for all
   * @return the keys, sorted
   */
  List<String> keys(String prefix);
}
