package dev.kilowatt.core.storage;

import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The event loop's side of an embedder's {@link SecretStore}: a file with an fsync or a secure element takes its
 * time, so each write and erase runs on the storage writer, off the loop, and its outcome comes back on the loop.
 * One change is in flight at a time and the others wait their turn, so the store sees them, and the loop hears
 * their outcomes, in the order they were made; each is tried, none merged with another.
 *
 * <p>A change the store refuses leaves the old secret in place (the port's promise) and is a fault the listener
 * hears of once; the next change the store takes clears it. Reads go to the store at once, on the caller's
 * thread: the charge point reads its secrets at start only. The synchronous {@link #write(String, Secret)} and
 * {@link #erase(String)} go straight to the store as well; the charge point makes only the calls that tell.
 */
public final class SecretsOffTheLoop implements SecretStore {

  private static final System.Logger LOG = System.getLogger(SecretsOffTheLoop.class.getName());

  /** A change waiting for the writer: the secret's new value (empty: erased) and whom to tell. */
  private record Change(String name, Optional<Secret> secret, Consumer<Journal.Outcome> whenDone) {}

  private final SecretStore store;
  private final Executor writer;
  private final Scheduler loop;
  private final Ledger.FaultListener faults;
  /** The changes not yet handed to the writer, oldest first; touched on the loop only. */
  private final Deque<Change> waiting = new ArrayDeque<>();
  private boolean inFlight;
  private boolean faulted;

  /**
   * The embedder's {@code store}, changed on {@code writer} and heard back on {@code loop}.
   *
   * @param store the embedder's secret store
   * @param writer runs each change; {@code Runnable::run} changes on the caller's thread, as deterministic tests want
   * @param loop the event loop, on which every outcome runs
   * @param faults told when the store starts refusing changes and when it takes one again
   */
  public SecretsOffTheLoop(SecretStore store, Executor writer, Scheduler loop, Ledger.FaultListener faults) {
    this.store = store;
    this.writer = writer;
    this.loop = loop;
    this.faults = faults;
  }

  @Override
  public Optional<Secret> read(String name) {
    return store.read(name);
  }

  @Override
  public void write(String name, Secret secret) {
    store.write(name, secret);
  }

  @Override
  public void erase(String name) {
    store.erase(name);
  }

  /**
   * Queues the write and returns at once; {@code whenDone} runs on the loop once the store has told its outcome.
   * Call it on the loop.
   */
  @Override
  public void write(String name, Secret secret, Consumer<Journal.Outcome> whenDone) {
    change(new Change(Journal.requireKey(name), Optional.of(secret), whenDone));
  }

  /**
   * Queues the erasure and returns at once; {@code whenDone} runs on the loop once the store has told its outcome.
   * Call it on the loop.
   */
  @Override
  public void erase(String name, Consumer<Journal.Outcome> whenDone) {
    change(new Change(Journal.requireKey(name), Optional.empty(), whenDone));
  }

  @Override
  public String toString() {
    return "SecretsOffTheLoop[" + store + "]";
  }

  private void change(Change change) {
    waiting.add(change);
    if (!inFlight) {
      dispatch();
    }
  }

  private void dispatch() {
    Change next = waiting.poll();
    inFlight = next != null;
    if (next == null) {
      return;
    }
    writer.execute(() -> {
      Consumer<Journal.Outcome> back = outcome -> loop.execute(() -> done(next, outcome));
      try {
        next.secret().ifPresentOrElse(secret -> store.write(next.name(), secret, back), () -> store.erase(next.name(), back));
      } catch (RuntimeException e) {
        back.accept(new Journal.Outcome.Failed(String.valueOf(e.getMessage())));
      }
    });
  }

  private void done(Change change, Journal.Outcome outcome) {
    boolean durable = outcome instanceof Journal.Outcome.Durable;
    if (!durable) {
      String reason = outcome instanceof Journal.Outcome.Failed failed ? failed.reason() : outcome.toString();
      LOG.log(Level.ERROR, "the secret store refused to change \"{0}\" ({1}); the secret kept before stays", change.name(), reason);
      if (!faulted) {
        faulted = true;
        faults.onFault(reason);
      }
    } else if (faulted) {
      faulted = false;
      LOG.log(Level.INFO, "the secret store takes changes again");
      faults.onCleared();
    }
    // the next change goes out before this one's caller hears, so a caller that fails does not stall the rest
    dispatch();
    change.whenDone().accept(outcome);
  }
}
