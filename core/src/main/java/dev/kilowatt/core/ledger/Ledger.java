package dev.kilowatt.core.ledger;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The loop's side of the {@link Journal}: every write is eventually durable, in the order it was made, and
 * its action runs only then. A write the medium refuses is a fault: it is reported once, the writes made
 * meanwhile wait in memory (the action of none of them is taken), and the journal is retried every
 * {@link #RETRY_EVERY} until it accepts writes again; then they go out in their order. Nothing is ever half
 * applied: an action waits for its record, and no record is written behind a missing one.
 */
public final class Ledger {

  private static final System.Logger LOG = System.getLogger(Ledger.class.getName());
  /** How long a faulted journal rests before it is tried again. */
  static final Duration RETRY_EVERY = Duration.ofSeconds(30);
  /** Records written since the last compaction after which a finished transaction triggers one. */
  private static final int COMPACT_AFTER = 512;

  /** Whether the journal takes writes; {@code reason} says why not. */
  public interface FaultListener {
    /**
     * The journal refused a write; the ledger keeps what it could not write and tries again.
     *
     * @param reason the medium's own words for the failure, for the log and the embedder
     */
    void onFault(String reason);

    /** The journal takes writes again. */
    void onCleared();
  }

  private record Write(String key, Optional<Record> payload, Runnable whenDurable, Runnable whenHeld) {
    /** The same write, its writer told that it waits: a second fault does not tell it again. */
    Write told() {
      return new Write(key, payload, whenDurable, () -> {});
    }
  }

  private final Journal journal;
  private final Scheduler scheduler;
  private final FaultListener faults;
  /** Submitted to the journal, outcome not yet in; outcomes arrive in this order. */
  private final Deque<Write> submitted = new ArrayDeque<>();
  /** Came back failed or refused, oldest first. */
  private final Deque<Write> held = new ArrayDeque<>();
  /** Made while the fault lasts, after every held one. */
  private final Deque<Write> later = new ArrayDeque<>();
  private Optional<String> fault = Optional.empty();
  private boolean retrying;
  private int sinceCompaction;
  private long failures;

  /**
   * A ledger on {@code journal}, which it tries again on the {@code scheduler} while it refuses writes.
   *
   * @param journal the durable medium the transaction records go to
   * @param scheduler the event loop's scheduler, for the retries every {@link #RETRY_EVERY}
   * @param faults told when the journal starts and stops refusing writes
   */
  public Ledger(Journal journal, Scheduler scheduler, FaultListener faults) {
    this.journal = journal;
    this.scheduler = scheduler;
    this.faults = faults;
  }

  /** {@return the records that survived the last power cut, oldest first; read at start-up only} */
  public List<Journal.Entry> replay() {
    return journal.replay();
  }

  /** {@return the records the journal could not read at start and set aside, which replay skipped; read at start-up only} */
  public List<Journal.Unreadable> unreadable() {
    return journal.unreadable();
  }

  /**
   * Writes {@code payload} under {@code key}; {@code whenDurable} runs on the loop once it survives a cut.
   *
   * @param key the record's key; a later write under the same key supersedes it
   * @param payload the record to keep
   * @param whenDurable the action that waits for the record, run on the loop once it is durable
   */
  public void write(String key, Record payload, Runnable whenDurable) {
    write(key, payload, whenDurable, () -> {});
  }

  /**
   * Writes {@code payload} under {@code key} as {@link #write(String, Record, Runnable)} does, and tells
   * {@code whenHeld} once if a fault makes the write wait: a writer that answers someone in the meantime
   * need not keep them waiting for the medium to recover. {@code whenDurable} still runs once it is durable.
   *
   * @param key the record's key; a later write under the same key supersedes it
   * @param payload the record to keep
   * @param whenDurable the action that waits for the record, run on the loop once it is durable
   * @param whenHeld run on the loop, at most once, when the write waits for a fault to clear
   */
  public void write(String key, Record payload, Runnable whenDurable, Runnable whenHeld) {
    submit(new Write(Journal.requireKey(key), Optional.of(payload), whenDurable, whenHeld));
  }

  /**
   * Drops every record under {@code keyPrefix}; {@code whenDurable} runs once that survives a cut.
   *
   * @param keyPrefix the prefix of the keys to drop, such as one transaction's
   * @param whenDurable the action that waits for the forget, run on the loop once it is durable
   */
  public void forget(String keyPrefix, Runnable whenDurable) {
    submit(new Write(Journal.requireKey(keyPrefix), Optional.empty(), whenDurable, () -> {}));
  }

  /** {@return whether writes are durable now; while not, nothing new should be started on them} */
  public boolean writable() {
    return fault.isEmpty();
  }

  /** {@return how many times the medium went from taking writes to refusing them since start} */
  public long failures() {
    return failures;
  }

  /** Rewrites the live set once enough has been superseded or forgotten; a finished transaction asks. */
  public void compactIfWorthIt() {
    if (sinceCompaction >= COMPACT_AFTER && fault.isEmpty()) {
      sinceCompaction = 0;
      journal.compact(outcome -> {
        if (!(outcome instanceof Journal.Outcome.Durable)) {
          LOG.log(Level.WARNING, "journal compaction did not complete: {0}", outcome);
        }
      });
    }
  }

  private void submit(Write write) {
    if (fault.isPresent()) {
      later.add(write.told());
      write.whenHeld().run();
      return;
    }
    send(write);
  }

  private void send(Write write) {
    submitted.add(write);
    sinceCompaction++;
    Consumer<Journal.Outcome> whenDone = outcome -> outcome(outcome);
    write.payload().ifPresentOrElse(p -> journal.append(write.key(), p, whenDone), () -> journal.forget(write.key(), whenDone));
  }

  private void outcome(Journal.Outcome outcome) {
    Write write = submitted.poll();
    switch (outcome) {
      case Journal.Outcome.Durable durable -> write.whenDurable().run();
      case Journal.Outcome.Failed failed -> hold(write, failed.reason());
      case Journal.Outcome.Refused refused -> hold(write, refused.reason());
    }
  }

  /** Keeps a write that did not make it, in its place before the ones made after it. */
  private void hold(Write write, String reason) {
    held.add(write.told());
    write.whenHeld().run();
    if (fault.isEmpty()) {
      failures++;
      fault = Optional.of(reason);
      LOG.log(Level.ERROR, "the journal refused a write ({0}); transaction records wait in memory", reason);
      faults.onFault(reason);
    }
    if (submitted.isEmpty() && !retrying) {
      // Every outcome is in, so held holds all that was submitted after the failed write, in call order.
      retrying = true;
      scheduler.schedule(RETRY_EVERY, this::retry);
    }
  }

  private void retry() {
    journal.retry(outcome -> {
      if (outcome instanceof Journal.Outcome.Durable) {
        retrying = false;
        fault = Optional.empty();
        Deque<Write> waiting = new ArrayDeque<>(held);
        waiting.addAll(later);
        held.clear();
        later.clear();
        LOG.log(Level.INFO, "the journal takes writes again; {0} waiting records go out", waiting.size());
        waiting.forEach(this::send);
        faults.onCleared();
      } else {
        scheduler.schedule(RETRY_EVERY, this::retry);
      }
    });
  }
}
