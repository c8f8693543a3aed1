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

  /** The value saved under {@code key}, if any. A value that can no longer be read is reported as absent. */
  <T extends Record> Optional<T> load(String key, Class<T> type);

  /** Saves {@code value} under {@code key}, replacing what was there, durably and atomically. */
  void save(String key, Record value);

  /** Removes {@code key}; removing a missing key is harmless. */
  void delete(String key);

  /** The keys that start with {@code prefix}, in ascending order. */
  List<String> keys(String prefix);
}
