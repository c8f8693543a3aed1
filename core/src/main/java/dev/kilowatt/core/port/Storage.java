package dev.kilowatt.core.port;

import java.util.List;
import java.util.Optional;

/**
 * Durable, crash-safe storage for the domain's state: configuration, queued transaction messages, the
 * open transaction, availability, reservations, charging profiles, the local authorization list.
 *
 * <p>Values are the domain's own immutable records (components of records, lists, {@link Optional},
 * {@link java.time.Instant}, enums, and sealed interfaces implemented by records). {@link #save} returns
 * only once the value survives a power cut; a crash during a save leaves the old value or the new one,
 * never a mix. Calls are made from the event loop and are expected to be quick (small values, local
 * flash); the domain keeps writes rare.
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
