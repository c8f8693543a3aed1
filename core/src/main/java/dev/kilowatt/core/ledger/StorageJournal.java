package dev.kilowatt.core.ledger;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.LiveRecords;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link Journal} kept in {@link Storage}, one value per record, for a charge point built without a
 * journal of its own. Every write is a save on the calling thread, so the event loop waits for the medium
 * as {@code Storage} always made it; a board wires {@code FileJournal}, which writes on its own thread.
 */
public final class StorageJournal implements Journal {

  private static final String PREFIX = "journal/";

  /**
   * One record as stored: an append with a payload, a forget of the prefix {@code key} without.
   *
   * @param sequence the record's place in the journal, from 1, also its storage key
   * @param key the record's key, or for a forget the prefix of the keys it drops
   * @param payload the appended record; empty for a forget
   */
  public record Line(long sequence, String key, Optional<Record> payload) {}

  private final Storage storage;
  private final Scheduler loop;
  private long last;
  private boolean faulted;

  /**
   * A journal on {@code storage}, one key per record, that goes on after the last record saved.
   *
   * @param storage where the records are saved, under {@code journal/}
   * @param loop the event loop, on which every write's outcome is reported
   */
  public StorageJournal(Storage storage, Scheduler loop) {
    this.storage = storage;
    this.loop = loop;
    List<String> keys = storage.keys(PREFIX);
    last = keys.isEmpty() ? 0 : Long.parseLong(keys.getLast().substring(PREFIX.length()));
  }

  @Override
  public List<Entry> replay() {
    return live(lines()).entries();
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
    List<Line> lines = lines();
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
      loop.execute(() -> whenDone.accept(new Outcome.Durable(last)));
    } catch (RuntimeException e) {
      loop.execute(() -> whenDone.accept(new Outcome.Failed("compaction: " + e.getMessage())));
    }
  }

  @Override
  public void retry(Consumer<Outcome> whenDone) {
    faulted = false;
    loop.execute(() -> whenDone.accept(new Outcome.Durable(last)));
  }

  private void write(Line line, Consumer<Outcome> whenDone) {
    if (faulted) {
      loop.execute(() -> whenDone.accept(new Outcome.Refused("an earlier write failed")));
      return;
    }
    try {
      storage.save(name(line.sequence()), line);
      loop.execute(() -> whenDone.accept(new Outcome.Durable(line.sequence())));
    } catch (RuntimeException e) {
      faulted = true;
      loop.execute(() -> whenDone.accept(new Outcome.Failed(String.valueOf(e.getMessage()))));
    }
  }

  private List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    storage.keys(PREFIX).forEach(key -> storage.load(key, Line.class).ifPresent(lines::add));
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
