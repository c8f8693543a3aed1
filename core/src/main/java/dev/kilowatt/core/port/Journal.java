package dev.kilowatt.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An append-only, durable log of keyed records: where the charger writes what it must not forget across a
 * power cut (transaction starts, the central system's answers, samples, stops) without waiting for flash.
 *
 * <p>The event loop calls {@link #append}, {@link #forget}, {@link #compact} and {@link #retry}; each
 * returns at once, and its {@link Outcome} is later run on the event loop through the {@link Scheduler}.
 * Outcomes arrive in the order the calls were made, and a record is durable only if every record appended
 * before it is: after a power cut the log holds a prefix of what was appended, never a record without its
 * predecessors. An implementation commits many waiting records with one flush (group commit).
 *
 * <p>Payloads are the domain's immutable records, the same kinds of values {@link Storage} takes. A later
 * record with the same key supersedes an earlier one, and {@link #forget} drops every record whose key
 * starts with a prefix; {@link #replay()} and compaction apply both rules, so the log keeps only the live
 * set. Keys follow the storage key rules ({@link #isKey}).
 *
 * <p>A write the medium refuses is reported as {@link Outcome.Failed} for every record in that commit
 * (none of them counts as durable), and from then on every call is answered {@link Outcome.Refused} until
 * {@link #retry} clears the fault.
 */
public interface Journal {

  /**
   * The live records found at start, in the order they were appended. Called at start-up, before the
   * event loop runs and before the first append; it reads synchronously.
   *
   * @return the live records, oldest first
   * @throws IllegalStateException once the journal has been written to since it was opened
   */
  List<Entry> replay();

  /**
   * The intact records found at start that could not be read (a type this version does not know, bytes that
   * are not a record), which {@link #replay()} skipped: the journal keeps their bytes aside for a person or a
   * later version to read, and the charge point reports them as its fault. Read at start-up, as
   * {@code replay} is.
   *
   * @return what was set aside, in the order it was found; empty when every record was read
   */
  default List<Unreadable> unreadable() {
    return List.of();
  }

  /**
   * Appends {@code payload} under {@code key}; {@code whenDone} runs on the loop once it is durable or failed.
   *
   * @param key what the record is about; a later record with the same key replaces it
   * @param payload the record to keep
   * @param whenDone what runs on the loop with the outcome
   */
  void append(String key, Record payload, Consumer<Outcome> whenDone);

  /**
   * Durably drops every record whose key starts with {@code keyPrefix}, as far as replay is concerned.
   *
   * @param keyPrefix the prefix of the keys to drop
   * @param whenDone what runs on the loop with the outcome
   */
  void forget(String keyPrefix, Consumer<Outcome> whenDone);

  /**
   * Rewrites the live set and drops the segments it replaces, so the log stays as large as what it holds.
   * Records appended meanwhile wait for it; none is lost. {@link Outcome.Durable} carries the last sequence.
   *
   * @param whenDone what runs on the loop with the outcome
   */
  void compact(Consumer<Outcome> whenDone);

  /**
   * Tries to clear a write fault: puts the log back to its last durable state and accepts writes again if
   * the medium allows. Answered {@link Outcome.Durable} (with the last durable sequence) when writable again,
   * {@link Outcome.Failed} when the medium still refuses. Harmless without a fault.
   *
   * @param whenDone what runs on the loop with the outcome
   */
  void retry(Consumer<Outcome> whenDone);

  /**
   * One live record.
   *
   * @param sequence its position in the log, increasing with each append (gaps are possible)
   * @param key what it is about; a later record with the same key replaces it
   * @param payload the record itself
   */
  record Entry(long sequence, String key, Record payload) {

    /** Rejects a key that is not a journal key and a null payload. */
    public Entry {
      requireKey(key);
      Objects.requireNonNull(payload, "payload");
    }

    /**
     * The payload if it is a {@code type}.
     *
     * @param <T> the expected payload type
     * @param type the expected payload type's class
     * @return the payload, or empty if it is of another type
     */
    public <T extends Record> Optional<T> payload(Class<T> type) {
      return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
    }
  }

  /**
   * A record the journal found at start and could not read, kept aside rather than lost.
   *
   * @param where where it was, such as its segment and the byte offset of its frame
   * @param keptIn where its bytes are kept now
   * @param reason why it could not be read
   */
  record Unreadable(String where, String keptIn, String reason) {

    /** Rejects null components. */
    public Unreadable {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(keptIn, "keptIn");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** What became of a write. */
  sealed interface Outcome {

    /**
     * On the medium: it survives a power cut.
     *
     * @param sequence the sequence of the last record written
     */
    record Durable(long sequence) implements Outcome {}

    /**
     * The medium refused the write; nothing of it counts, and the journal refuses writes until retried.
     *
     * @param reason what the medium reported, for the log
     */
    record Failed(String reason) implements Outcome {
      /** Rejects a null reason. */
      public Failed {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /**
     * Not attempted, because an earlier write failed and the fault is not cleared.
     *
     * @param reason the fault that is still in the way, for the log
     */
    record Refused(String reason) implements Outcome {
      /** Rejects a null reason. */
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * Whether {@code key} is a journal key: 1 to 200 of {@code [A-Za-z0-9._/-]}, not starting with {@code /}, without
   * {@code ..}.
   *
   * @param key the candidate key
   * @return whether it may name a journal record
   */
  static boolean isKey(String key) {
    if (key == null || key.isEmpty() || key.length() > 200 || key.startsWith("/") || key.contains("..")) {
      return false;
    }
    return key.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '.' || c == '_' || c == '/' || c == '-');
  }

  /**
   * {@code key} if it is a journal key.
   *
   * @param key the candidate key
   * @return the key itself
   * @throws IllegalArgumentException if it is not
   */
  static String requireKey(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("not a journal key: \"" + key + "\"");
    }
    return key;
  }
}
