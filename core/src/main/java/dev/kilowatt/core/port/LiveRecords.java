package dev.kilowatt.core.port;

import dev.kilowatt.core.port.Journal.Entry;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The live set of a {@link Journal}: what replay yields and compaction keeps. Applying the log's records in
 * order, a record replaces an earlier one with the same key and a forget drops every record under its
 * prefix. Every journal implementation replays through this class, so they cannot disagree on the rules.
 */
public final class LiveRecords {

  /** An empty live set, before the first record is applied. */
  public LiveRecords() {}

  private final NavigableMap<String, Entry> byKey = new TreeMap<>();
  private final NavigableMap<Long, Entry> bySequence = new TreeMap<>();

  /**
   * Applies an appended record.
   *
   * @param entry the appended record
   */
  public void put(Entry entry) {
    Entry replaced = byKey.put(entry.key(), entry);
    if (replaced != null) {
      bySequence.remove(replaced.sequence());
    }
    bySequence.put(entry.sequence(), entry);
  }

  /**
   * Applies a forget of {@code keyPrefix}.
   *
   * @param keyPrefix the prefix of the keys to drop
   */
  public void forget(String keyPrefix) {
    var under = byKey.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, false);
    under.values().forEach(entry -> bySequence.remove(entry.sequence()));
    under.clear();
  }

  /** {@return the live records, in the order they were appended} */
  public List<Entry> entries() {
    return List.copyOf(bySequence.values());
  }

  /** {@return how many records are live} */
  public int size() {
    return byKey.size();
  }
}
