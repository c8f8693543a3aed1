package dev.kilowatt.core.ledger;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.LiveRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Journal} on simulated flash, for crash-point and slow-storage tests on virtual time. The
 * {@link Flash} outlives the journal: open a new journal on it to "reboot" and replay what survived.
 *
 * <p>Group commit as on the board: the records appended while a write is under way, or within the same
 * loop task, go to the medium together as one write. A write takes {@link Flash#slow(Duration) the flash's
 * delay} of virtual time, during which the loop runs on.
 */
public final class MemoryJournal implements Journal {

  private final Flash flash;
  private final Scheduler loop;
  private final List<Pending> pending = new ArrayList<>();
  private boolean writing;
  private boolean written;
  private boolean faulted;
  private long lastSequence;

  private final long boot;

  private MemoryJournal(Flash flash, Scheduler loop) {
    this.flash = flash;
    this.boot = flash.boots;
    this.loop = loop;
    this.lastSequence = flash.lastSequence;
  }

  @Override
  public List<Entry> replay() {
    if (written) {
      throw new IllegalStateException("replay is for start-up, before the journal is written to");
    }
    return flash.live().entries();
  }

  @Override
  public void append(String key, Record payload, Consumer<Outcome> whenDone) {
    Objects.requireNonNull(payload, "payload");
    submit(Call.WRITE, new Line(++lastSequence, Journal.requireKey(key), payload), whenDone);
  }

  @Override
  public void forget(String keyPrefix, Consumer<Outcome> whenDone) {
    submit(Call.WRITE, new Line(++lastSequence, Journal.requireKey(keyPrefix), null), whenDone);
  }

  @Override
  public void compact(Consumer<Outcome> whenDone) {
    submit(Call.COMPACT, null, whenDone);
  }

  @Override
  public void retry(Consumer<Outcome> whenDone) {
    submit(Call.RETRY, null, whenDone);
  }

  private void submit(Call call, Line line, Consumer<Outcome> whenDone) {
    Objects.requireNonNull(whenDone, "whenDone");
    written = true;
    pending.add(new Pending(call, line, whenDone));
    if (!writing) {
      writing = true;
      loop.execute(this::beginWrite);
    }
  }

  /** Writes what waits up to the next retry, which is answered once the writes before it are done. */
  private void beginWrite() {
    if (pending.getFirst().call() == Call.RETRY) {
      Pending retry = pending.removeFirst();
      faulted = flash.failing;
      retry.whenDone().accept(faulted ? new Outcome.Failed("the flash still refuses writes") : new Outcome.Durable(lastDurable()));
      next();
      return;
    }
    List<Pending> batch = new ArrayList<>();
    while (!pending.isEmpty() && pending.getFirst().call() != Call.RETRY) {
      batch.add(pending.removeFirst());
    }
    if (faulted) {
      batch.forEach(p -> p.whenDone().accept(new Outcome.Refused("an earlier write failed")));
      next();
    } else if (flash.delay.isZero()) {
      finishWrite(batch);
    } else {
      loop.schedule(flash.delay, () -> finishWrite(batch));
    }
  }

  private void finishWrite(List<Pending> batch) {
    // a journal of a charger that lost power writes nothing, also once the flash is booted again
    if (boot != flash.boots || !flash.write(batch)) {
      return;
    }
    faulted = flash.failing;
    if (faulted) {
      batch.forEach(p -> p.whenDone().accept(new Outcome.Failed("the flash refused the write")));
    } else {
      long durable = lastDurable();
      batch.forEach(p -> p.whenDone().accept(new Outcome.Durable(p.line() == null ? durable : p.line().sequence())));
    }
    next();
  }

  private void next() {
    writing = !pending.isEmpty();
    if (writing) {
      loop.execute(this::beginWrite);
    }
  }

  private long lastDurable() {
    return flash.lastSequence;
  }

  /** One record on the flash: an append when it has a payload, a forget of its key as prefix when not. */
  private record Line(long sequence, String key, Record payload) {}

  private enum Call { WRITE, COMPACT, RETRY }

  /** A call waiting for the flash; only a write has a line. */
  private record Pending(Call call, Line line, Consumer<Outcome> whenDone) {}

  /** The simulated medium: what it holds survives the journals opened on it. */
  public static final class Flash {

    private final List<Line> lines = new ArrayList<>();
    private Duration delay = Duration.ZERO;
    private long writesBeforeCut = Long.MAX_VALUE;
    private long writes;
    private long lastSequence;
    private boolean powerCut;
    private boolean failing;
    private long boots;

    /** Every group commit takes {@code perWrite} of virtual time. */
    public Flash slow(Duration perWrite) {
      if (perWrite.isNegative()) {
        throw new IllegalArgumentException("a write cannot take negative time: " + perWrite);
      }
      delay = perWrite;
      return this;
    }

    /** The power goes after the {@code k}-th write from now: the first k writes stay, later ones are lost. */
    public Flash losePowerAfter(long k) {
      if (k < 0) {
        throw new IllegalArgumentException("a write count is 0 or more: " + k);
      }
      writesBeforeCut = writes + k;
      return this;
    }

    /** From now on writes fail (or succeed again): a worn or full medium. */
    public Flash failWrites(boolean fail) {
      failing = fail;
      return this;
    }

    /** Whether the power has been cut: nothing written since counts and no outcome is delivered. */
    public boolean powerCut() {
      return powerCut;
    }

    /** How many writes reached the medium. */
    public long writes() {
      return writes;
    }

    /** Boots, with the power back if it was cut: a new journal on what the flash holds. */
    public MemoryJournal open(Scheduler loop) {
      if (powerCut) {
        powerCut = false;
        writesBeforeCut = Long.MAX_VALUE;
      }
      boots++;
      return new MemoryJournal(this, loop);
    }

    /** Applies a write of {@code batch}; false if it never happened because the power is gone. */
    private boolean write(List<Pending> batch) {
      if (powerCut || writes >= writesBeforeCut) {
        powerCut = true;
        return false;
      }
      if (failing) {
        return true;
      }
      writes++;
      for (Pending call : batch) {
        Line line = call.line();
        if (call.call() == Call.COMPACT) {
          List<Line> compacted = live().entries().stream()
              .map(e -> new Line(e.sequence(), e.key(), e.payload())).toList();
          lines.clear();
          lines.addAll(compacted);
        } else {
          lines.add(line);
          lastSequence = line.sequence();
        }
      }
      return true;
    }

    private LiveRecords live() {
      LiveRecords live = new LiveRecords();
      for (Line line : lines) {
        if (line.payload() == null) {
          live.forget(line.key());
        } else {
          live.put(new Entry(line.sequence(), line.key(), line.payload()));
        }
      }
      return live;
    }
  }
}
