package dev.kilowatt.core.ledger;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.LiveRecords;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link Journal} kept in {@link Storage}, one value per record, for a charge point built without a
 * journal of its own (the fleet's stations). The loop's calls return at once: each write is queued and done
 * on a writer {@link Executor}, one at a time and in the order the calls were made, and its outcome is posted
 * to the loop only once the save returned. So outcomes come in call order, and a cut leaves a prefix of what
 * was appended, as the port asks; the loop never waits for the medium.
 *
 * <p>After a failed save every later write is answered {@link Outcome.Refused} until {@link #retry} runs on
 * the writer, in its turn. {@link #drain()} finishes what is queued at an orderly stop.
 */
public final class StorageJournal implements Journal {

  private static final System.Logger LOG = System.getLogger(StorageJournal.class.getName());
  private static final String PREFIX = "journal/";

  /**
   * One record as stored: an append with a payload, a forget of the prefix {@code key} without.
   *
   * @param sequence the record's place in the journal, from 1, also its storage key
   * @param key the record's key, or for a forget the prefix of the keys it drops
   * @param payload the appended record; empty for a forget
   */
  public record Line(long sequence, String key, Optional<Record> payload) {}

  /** A call of the loop's, in its turn on the writer: what it does there, and who hears of it on the loop. */
  private record Task(Supplier<Outcome> work, Consumer<Outcome> whenDone) {}

  private final Storage storage;
  private final Executor writer;
  private final Scheduler loop;
  /** The last sequence handed out; the loop's alone, so sequences follow the order of the calls. */
  private long last;
  private boolean written;
  /** The calls not yet taken by the writer, oldest first. */
  private final Deque<Task> waiting = new ArrayDeque<>();
  /** The writer was handed the queue and has not given it back. */
  private boolean scheduled;
  /** A task runs on the writer now; {@link #drain} waits for it. */
  private boolean running;
  private boolean drained;
  /** A save failed and no retry has run since; read and set by the tasks only, one at a time. */
  private boolean faulted;
  private List<Unreadable> unreadable = List.of();

  /**
   * A journal on {@code storage}, one key per record, that goes on after the last record saved.
   *
   * @param storage where the records are saved, under {@code journal/}; read here, written only on the writer
   * @param writer runs the saves, one at a time; {@code Runnable::run} saves on the caller's thread, as
   *     deterministic tests want
   * @param loop the event loop, on which every write's outcome is reported
   */
  public StorageJournal(Storage storage, Executor writer, Scheduler loop) {
    this.storage = storage;
    this.writer = writer;
    this.loop = loop;
    List<String> keys = storage.keys(PREFIX);
    last = keys.isEmpty() ? 0 : Long.parseLong(keys.getLast().substring(PREFIX.length()));
  }

  /**
   * {@inheritDoc} It reads the storage on the calling thread: at start-up nothing else writes it.
   *
   * @throws IllegalStateException once the journal has been written to, since a save may then be in progress
   */
  @Override
  public List<Entry> replay() {
    if (written) {
      throw new IllegalStateException("replay is for start-up, before the journal is written to");
    }
    List<Unreadable> skipped = new ArrayList<>();
    List<Entry> entries = live(lines(key -> skipped.add(new Unreadable(key, "wherever the storage keeps a value it cannot read",
        "not a readable journal record")))).entries();
    unreadable = List.copyOf(skipped);
    return entries;
  }

  /**
   * {@inheritDoc} Here they are the keys the last {@link #replay()} could not load: the storage keeps such a value
   * aside as it does any it cannot read, and no longer lists it, so the next start does not find it again.
   */
  @Override
  public List<Unreadable> unreadable() {
    return unreadable;
  }

  @Override
  public void append(String key, Record payload, Consumer<Outcome> whenDone) {
    write(new Line(++last, Journal.requireKey(key), Optional.of(payload)), whenDone);
  }

  @Override
  public void forget(String keyPrefix, Consumer<Outcome> whenDone) {
    write(new Line(++last, Journal.requireKey(keyPrefix), Optional.empty()), whenDone);
  }

  /** Deletes what no longer counts: superseded and forgotten records first, then the forgets, so a cut resurrects nothing. */
  @Override
  public void compact(Consumer<Outcome> whenDone) {
    long upTo = last;
    post(new Task(() -> faulted ? refused() : compact(upTo), whenDone));
  }

  @Override
  public void retry(Consumer<Outcome> whenDone) {
    long upTo = last;
    post(new Task(() -> {
      faulted = false;
      return new Outcome.Durable(upTo);
    }, whenDone));
  }

  /**
   * Finishes an orderly stop: waits for the save in progress, then saves what is still queued on the calling
   * thread, as the writer would have (nothing behind a failed save), without outcomes, since the loop no
   * longer runs. Nothing is saved after it; a later call is answered {@link Outcome.Refused}.
   */
  public void drain() {
    List<Task> left;
    synchronized (this) {
      drained = true;
      while (running) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      left = new ArrayList<>(waiting);
      waiting.clear();
    }
    left.forEach(task -> {
      Outcome outcome = task.work().get();
      if (!(outcome instanceof Outcome.Durable)) {
        LOG.log(Level.ERROR, "a journal record was not saved at the stop: {0}", outcome);
      }
    });
  }

  private void write(Line line, Consumer<Outcome> whenDone) {
    post(new Task(() -> faulted ? refused() : save(line), whenDone));
  }

  private void post(Task task) {
    written = true;
    boolean start;
    boolean stopped;
    synchronized (this) {
      stopped = drained;
      start = !stopped && !scheduled;
      if (!stopped) {
        waiting.add(task);
        scheduled = true;
      }
    }
    if (stopped) {
      loop.execute(() -> task.whenDone().accept(new Outcome.Refused("the charge point has stopped")));
    } else if (start) {
      writer.execute(this::writeWaiting);
    }
  }

  /** Runs on the writer: the queued tasks in their order, each outcome posted once its save returned. */
  private void writeWaiting() {
    while (true) {
      Task task;
      synchronized (this) {
        task = drained ? null : waiting.poll();
        if (task == null) {
          scheduled = false;
          return;
        }
        running = true;
      }
      try {
        Outcome outcome = task.work().get();
        loop.execute(() -> task.whenDone().accept(outcome));
      } finally {
        synchronized (this) {
          running = false;
          notifyAll();
        }
      }
    }
  }

  private Outcome save(Line line) {
    try {
      storage.save(name(line.sequence()), line);
      return new Outcome.Durable(line.sequence());
    } catch (RuntimeException e) {
      faulted = true;
      return new Outcome.Failed(String.valueOf(e.getMessage()));
    }
  }

  private Outcome compact(long upTo) {
    List<Line> lines = lines(key -> {});
    Set<Long> live = new HashSet<>();
    live(lines).entries().forEach(e -> live.add(e.sequence()));
    List<Line> forgets = new ArrayList<>();
    try {
      for (Line line : lines) {
        if (line.payload().isEmpty()) {
          forgets.add(line);
        } else if (!live.contains(line.sequence())) {
          storage.delete(name(line.sequence()));
        }
      }
      forgets.forEach(line -> storage.delete(name(line.sequence())));
      return new Outcome.Durable(upTo);
    } catch (RuntimeException e) {
      return new Outcome.Failed("compaction: " + e.getMessage());
    }
  }

  private static Outcome refused() {
    return new Outcome.Refused("an earlier write failed");
  }

  /** The records saved, in their order; {@code unloadable} hears of each key whose value cannot be loaded. */
  private List<Line> lines(Consumer<String> unloadable) {
    List<Line> lines = new ArrayList<>();
    storage.keys(PREFIX).forEach(key -> storage.load(key, Line.class).ifPresentOrElse(lines::add, () -> unloadable.accept(key)));
    return lines;
  }

  private static LiveRecords live(List<Line> lines) {
    LiveRecords live = new LiveRecords();
    for (Line line : lines) {
      line.payload().ifPresentOrElse(p -> live.put(new Entry(line.sequence(), line.key(), p)), () -> live.forget(line.key()));
    }
    return live;
  }

  private static String name(long sequence) {
    return PREFIX + String.format("%020d", sequence);
  }
}
