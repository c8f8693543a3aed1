package dev.kilowatt.core.storage;

import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The event loop's side of the {@link Storage}: saves and deletes return at once and are written by a writer
 * {@link Executor}, off the loop, so a flash write of hundreds of milliseconds never holds up the pilot, the relay
 * or the meter. Reads see every save at once (an overlay in memory holds what is not yet written), so the blocks
 * behave as on a storage that writes at once.
 *
 * <p>One write is in flight at a time. Keys are written in the order of their first change not yet written, and a
 * key saved again before its turn is written once, with its latest value: ten saves of one key make at most two
 * writes. Each key on the medium holds a value the loop saved under it (the port's atomic save), so what a power
 * cut leaves is, key by key, a state the loop was in. {@link #save(String, Record, Consumer)} tells when a value
 * is durable.
 *
 * <p>A write the medium refuses is a fault: the listener hears of it once, every caller waiting for an outcome
 * is told {@link Journal.Outcome.Failed}, nothing more is written (so no later change lands behind a missing one)
 * and the waiting keys are tried again every {@link #RETRY_EVERY}; new saves wait in memory meanwhile, and a
 * caller who needs the outcome is told {@link Journal.Outcome.Refused} at once. Outcomes run on the loop.
 */
public final class WriteBehind implements Storage {

  private static final System.Logger LOG = System.getLogger(WriteBehind.class.getName());
  /** How long a faulted storage rests before its waiting writes are tried again, as the journal does. */
  public static final Duration RETRY_EVERY = Duration.ofSeconds(30);

  /**
   * The writer a charge point gets when its builder names none: each write on a virtual thread of its own. A
   * charge point has at most one write in flight, so this costs one virtual thread while it writes and none when
   * idle: a fleet of 10,000 charge points in one JVM needs no platform thread per charge point (as a thread of
   * its own would), and no station's slow flush waits behind another's (as one shared writer thread would). The
   * JDK lends the virtual threads' pool a carrier while one blocks in file I/O.
   */
  public static final Executor VIRTUAL_THREADS = task -> Thread.ofVirtual().name("kilowatt-storage").start(task);

  /** A key's change that is not on the medium yet: its latest value (empty: deleted), and when it was made. */
  private record Change(String key, Optional<Record> value, long generation) {}

  /** A caller waiting for the change of {@code key} made at {@code generation}, or a later one, to be written. */
  private record Waiter(String key, long generation, Consumer<Journal.Outcome> whenDone) {}

  private final Storage target;
  private final Executor writer;
  private final Scheduler loop;
  private final Ledger.FaultListener faults;
  /** The latest value of every key whose change is not yet written (empty: deleted); what reads see first. */
  private final Map<String, Optional<Record>> latest = new HashMap<>();
  /** The changes waiting for the writer, in the order of their first change not yet written. */
  private LinkedHashMap<String, Change> waiting = new LinkedHashMap<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private Optional<Change> inFlight = Optional.empty();
  private Optional<String> fault = Optional.empty();
  private boolean retrying;
  /** A write runs on the writer now; {@link #drain} waits for it, not for one the writer has not started. */
  private boolean writing;
  private boolean drained;
  private long generation;
  private long writes;

  /**
   * A storage that writes {@code target} on {@code writer}, reporting to {@code loop}.
   *
   * @param target the medium, written only on the writer
   * @param writer runs each write; {@code Runnable::run} writes on the caller's thread, as deterministic tests want
   * @param loop the event loop, on which every outcome runs and the retries are timed
   * @param faults told when the medium starts refusing writes and when it takes them again
   */
  public WriteBehind(Storage target, Executor writer, Scheduler loop, Ledger.FaultListener faults) {
    this.target = target;
    this.writer = writer;
    this.loop = loop;
    this.faults = faults;
  }

  @Override
  public <T extends Record> Optional<T> load(String key, Class<T> type) {
    Optional<Record> pending;
    synchronized (this) {
      pending = latest.get(key);
    }
    if (pending != null) {
      return pending.filter(type::isInstance).map(type::cast);
    }
    return target.load(key, type);
  }

  @Override
  public void save(String key, Record value) {
    change(key, Optional.of(value), Optional.empty());
  }

  /**
   * Saves {@code value} under {@code key} as {@link #save(String, Record)} does; {@code whenDone} runs on the loop
   * with {@link Journal.Outcome.Durable} once the value (or a later one of the key) is durable,
   * {@link Journal.Outcome.Failed} if the medium refused a write before that, or {@link Journal.Outcome.Refused}
   * at once while a fault lasts. The value stays saved in memory and is written
   * once the fault clears, whatever the outcome: a caller who must not keep it saves what it wants instead.
   *
   * @param key what the value is saved under
   * @param value the record to keep
   * @param whenDone what runs on the loop with the outcome
   */
  @Override
  public void save(String key, Record value, Consumer<Journal.Outcome> whenDone) {
    change(key, Optional.of(value), Optional.of(whenDone));
  }

  @Override
  public void delete(String key) {
    change(key, Optional.empty(), Optional.empty());
  }

  @Override
  public synchronized List<String> keys(String prefix) {
    TreeSet<String> keys = new TreeSet<>(target.keys(prefix));
    latest.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        if (value.isPresent()) {
          keys.add(key);
        } else {
          keys.remove(key);
        }
      }
    });
    return List.copyOf(keys);
  }

  /** {@return whether writes reach the medium now; while not, nothing that needs a durable answer should be started} */
  public synchronized boolean writable() {
    return fault.isEmpty();
  }

  /** {@return how many writes reached the medium since start} */
  public synchronized long writes() {
    return writes;
  }

  private void change(String key, Optional<Record> value, Optional<Consumer<Journal.Outcome>> whenDone) {
    Optional<String> refused;
    synchronized (this) {
      generation++;
      latest.put(key, value);
      // put keeps a waiting key in its place: its first change sets its turn
      waiting.put(key, new Change(key, value, generation));
      refused = fault;
      if (refused.isEmpty()) {
        whenDone.ifPresent(w -> waiters.add(new Waiter(key, generation, w)));
        if (inFlight.isEmpty()) {
          dispatch();
        }
      }
    }
    refused.ifPresent(reason -> whenDone.ifPresent(w -> loop.execute(() -> w.accept(new Journal.Outcome.Refused(reason)))));
  }

  /** Hands the oldest waiting change to the writer; its outcome comes back on the loop. */
  private void dispatch() {
    if (drained || waiting.isEmpty()) {
      return;
    }
    Change next = waiting.pollFirstEntry().getValue();
    inFlight = Optional.of(next);
    writer.execute(() -> {
      synchronized (this) {
        if (drained) {
          // not started before the stop: the drain writes it on the stopping thread
          return;
        }
        writing = true;
      }
      try {
        write(next);
        loop.execute(() -> written(next));
      } catch (RuntimeException e) {
        String reason = String.valueOf(e.getMessage());
        loop.execute(() -> failed(next, reason));
      } finally {
        synchronized (this) {
          writing = false;
          notifyAll();
        }
      }
    });
  }

  private void write(Change change) {
    change.value().ifPresentOrElse(v -> target.save(change.key(), v), () -> target.delete(change.key()));
  }

  /**
   * Writes what still waits, on the calling thread, once the write in flight is done, so an orderly stop loses
   * no change (the writer's own outcome would come back on a loop that no longer runs). Nothing is written
   * after it.
   */
  public void drain() {
    List<Change> left = new ArrayList<>();
    synchronized (this) {
      drained = true;
      while (writing) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      // the write in flight may have failed, and its outcome not reached the loop: written again, it does no harm
      inFlight.filter(c -> !waiting.containsKey(c.key())).ifPresent(left::add);
      left.addAll(waiting.values());
      waiting.clear();
    }
    for (Change change : left) {
      try {
        write(change);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "{0} not written at the stop: {1}", change.key(), e.getMessage());
      }
    }
  }

  private void written(Change done) {
    List<Waiter> durable;
    boolean cleared;
    int left;
    synchronized (this) {
      inFlight = Optional.empty();
      writes++;
      if (!waiting.containsKey(done.key())) {
        latest.remove(done.key());
      }
      cleared = fault.isPresent();
      fault = Optional.empty();
      retrying = false;
      durable = release(done);
      left = waiting.size();
      dispatch();
    }
    if (cleared) {
      LOG.log(Level.INFO, "the storage takes writes again; {0} more waiting keys go out", left);
      faults.onCleared();
    }
    durable.forEach(w -> w.whenDone().accept(new Journal.Outcome.Durable(w.generation())));
  }

  /** Takes out the waiters of {@code done}'s key whose change it wrote. */
  private List<Waiter> release(Change done) {
    List<Waiter> released = new ArrayList<>();
    waiters.removeIf(w -> {
      boolean written = w.key().equals(done.key()) && w.generation() <= done.generation();
      if (written) {
        released.add(w);
      }
      return written;
    });
    return released;
  }

  private void failed(Change change, String reason) {
    List<Waiter> told;
    boolean first;
    int left;
    synchronized (this) {
      inFlight = Optional.empty();
      // the failed change goes first again, merged with a later change of its key, so the order stays the same
      LinkedHashMap<String, Change> again = new LinkedHashMap<>();
      Change later = waiting.remove(change.key());
      again.put(change.key(), later == null ? change : later);
      again.putAll(waiting);
      waiting = again;
      first = fault.isEmpty();
      fault = Optional.of(reason);
      left = waiting.size();
      told = new ArrayList<>(waiters);
      waiters.clear();
      if (!retrying) {
        retrying = true;
        loop.schedule(RETRY_EVERY, this::retry);
      }
    }
    if (first) {
      LOG.log(Level.ERROR, "the storage refused a write ({0}); {1} changes wait in memory", reason, left);
      faults.onFault(reason);
    }
    told.forEach(w -> w.whenDone().accept(new Journal.Outcome.Failed(reason)));
  }

  private synchronized void retry() {
    retrying = false;
    if (inFlight.isEmpty()) {
      dispatch();
    }
  }
}
