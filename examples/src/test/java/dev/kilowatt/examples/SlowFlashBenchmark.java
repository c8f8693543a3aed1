package dev.kilowatt.examples;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.LinkOptions;
import dev.kilowatt.ocpp.OcppJsonLink;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedControlPilot;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.storage.FileJournal;
import dev.kilowatt.storage.FileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The event loop on slow flash, on real threads: a charge point wired as the simulator wires it (FileStorage,
 * FileJournal in the data directory, the OCPP-J link to a loopback central system, the simulated connector,
 * card reader and meter on a wall-clock event loop) whose every durable write takes 200 ms, driven through
 * charging sessions while pilot events arrive: the EV asks for energy, pauses and asks again, and leaves.
 * It prints how long after each pilot event the relay was commanded, the slow writes made and how many of
 * them on the loop's own thread (each a 200 ms stall), and the loop's longest stall: how late at worst a 1 ms
 * timer on the loop ran, which on a loaded machine includes waiting for a core. Not a test.
 *
 * <p>The journal's 200 ms is a flush of its group commit: each outcome of the real FileJournal reaches the
 * loop 200 ms after the previous group, records that arrive meanwhile sharing the next one, as on a medium
 * whose every fdatasync takes 200 ms. The settings store's 200 ms is a sleep in every save and delete, in
 * the caller's thread, as FileStorage's own writes are. Three runs: nothing slowed (what the machine's own
 * load costs), only the journal slow, both slow. The loop is watched from the boot's end on.
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package &amp;&amp; mvn -q -pl examples test-compile
 * java -cp examples/target/test-classes:examples/target/kilowatt-simulator.jar \
 *     dev.kilowatt.examples.SlowFlashBenchmark [SESSIONS]
 * </pre>
 */
public final class SlowFlashBenchmark {

  private static final Duration WRITE = Duration.ofMillis(200);
  private static final String CARD = "04SLOW";

  private SlowFlashBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int sessions = args.length == 0 ? 5 : Integer.parseInt(args[0]);
    System.out.printf("slow flash: %d ms per durable write, %d sessions a run, Java %s, %d cores%n", WRITE.toMillis(), sessions,
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    System.out.printf("%-32s %6s %10s %10s %7s %6s %8s %11s %11s %8s%n", "run", "pilot", "relay p50", "relay max", "commits",
        "saves", "on loop", "loop stall", "stall p99.9", "> 10 ms");
    run("fast flash (baseline)", sessions, false, false);
    run("200 ms journal, fast settings", sessions, true, false);
    run("200 ms journal and settings", sessions, true, true);
  }

  private static void run(String name, int sessions, boolean slowJournal, boolean slowSettings) throws Exception {
    Path dataDir = Files.createTempDirectory("kilowatt-slow-flash-");
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger commits = new AtomicInteger();
    AtomicInteger starts = new AtomicInteger();
    CountDownLatch available = new CountDownLatch(1);
    try (DemoCentralSystem centralSystem = DemoCentralSystem.open(new DemoBackOffice(answered -> {
          if (answered.is("StartTransaction")) {
            starts.incrementAndGet();
          }
          if (answered.isStatus(1, "Available")) {
            available.countDown();
          }
        })::answer);
        EventLoop loop = new EventLoop();
        SimulatedConnector connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
        FileJournal files = FileJournal.open(dataDir.resolve("journal"), loop)) {
      Storage fileStorage = FileStorage.open(dataDir);
      AtomicReference<Thread> loopThread = new AtomicReference<>();
      loop.execute(() -> loopThread.set(Thread.currentThread()));
      Map<String, Integer> onLoop = new ConcurrentSkipListMap<>();
      Storage storage = slowSettings ? new SlowStorage(fileStorage, writes, loopThread, onLoop) : fileStorage;
      Journal journal = slowJournal ? new SlowJournal(files, loop, commits) : files;
      TimedRelay relay = new TimedRelay(connector.relay());
      SimulatedRfidReader reader = new SimulatedRfidReader();
      OcppJsonLink link = new OcppJsonLink(new CentralSystemAddress(centralSystem.url(), "KW-SLOW"), loop, LinkOptions.defaults());
      ChargePoint chargePoint = ChargePoint.builder(loop, storage, link, new ProcessPlatform())
          .journal(journal)
          .identity(SimulatedChargerModule.IDENTITY)
          .limits(SimulatedChargerModule.LIMITS)
          .rfidReader(reader)
          .connector(new ConnectorHardware(relay, connector.pilot(), connector.meter(),
              SimulatedChargerModule.CONNECTOR_MAX_CURRENT_A, 1, true))
          .configuration("MeterValueSampleInterval", "1")
          .build();
      chargePoint.start();
      if (!available.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + ": no StatusNotification Available within 30 s of the start");
      }
      // the loop is watched from the boot on: start-up (class loading, the first compilations) is not flash
      Thread.sleep(1000);
      LoopWatch watch = LoopWatch.start(loop);
      List<Long> reactions = new ArrayList<>();
      SimulatedControlPilot pilot = connector.pilot();
      for (int session = 0; session < sessions; session++) {
        reader.present(CARD);
        Thread.sleep(300);
        pilot.setEvState(PilotState.B);
        Thread.sleep(300);
        reactions.add(relay.reactionTo(() -> pilot.setEvState(PilotState.C)));
        for (int pause = 0; pause < 3; pause++) {
          Thread.sleep(1100);
          reactions.add(relay.reactionTo(() -> pilot.setEvState(PilotState.B)));
          Thread.sleep(300);
          reactions.add(relay.reactionTo(() -> pilot.setEvState(PilotState.C)));
        }
        Thread.sleep(1100);
        reactions.add(relay.reactionTo(() -> pilot.setEvState(PilotState.A)));
        Thread.sleep(700);
      }
      Thread.sleep(1000);
      long[] stalls = watch.stop();
      chargePoint.stop();
      long[] sorted = reactions.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("%-32s %6d %7.2f ms %7.2f ms %7d %6d %8d %8.1f ms %8.1f ms %8d   (%d StartTransaction)%n", name,
          sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, commits.get(), writes.get(),
          onLoop.values().stream().mapToInt(Integer::intValue).sum(),
          stalls[stalls.length - 1] / 1e6,
          stalls[(int) (stalls.length * 0.999)] / 1e6, Arrays.stream(stalls).filter(n -> n > 10_000_000).count(), starts.get());
      if (!onLoop.isEmpty()) {
        System.out.println("    saves on the loop's thread, by key: " + onLoop);
      }
    }
  }

  /** Sleeps, as a blocked thread does. */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A settings store whose every save and delete takes {@link #WRITE} on the caller's thread; counts the
   * writes made on the loop's thread, each a stall of the loop.
   */
  private record SlowStorage(Storage files, AtomicInteger writes, AtomicReference<Thread> loopThread,
      Map<String, Integer> onLoop) implements Storage {
    @Override
    public <T extends Record> Optional<T> load(String key, Class<T> type) {
      return files.load(key, type);
    }

    @Override
    public void save(String key, Record value) {
      write(key);
      files.save(key, value);
    }

    @Override
    public void delete(String key) {
      write(key);
      files.delete(key);
    }

    @Override
    public List<String> keys(String prefix) {
      return files.keys(prefix);
    }

    private void write(String key) {
      writes.incrementAndGet();
      if (Thread.currentThread() == loopThread.get()) {
        onLoop.merge(key, 1, Integer::sum);
      }
      pause(WRITE);
    }
  }

  /**
   * The FileJournal with a 200 ms flush: its outcomes wait on a thread of their own, which takes what has
   * gathered, waits {@link #WRITE} and hands the lot to the loop, in order.
   */
  private static final class SlowJournal implements Journal {
    private final Journal files;
    private final EventLoop loop;
    private final AtomicInteger commits;
    private final LinkedBlockingQueue<Runnable> waiting = new LinkedBlockingQueue<>();

    SlowJournal(Journal files, EventLoop loop, AtomicInteger commits) {
      this.files = files;
      this.loop = loop;
      this.commits = commits;
      Thread.ofPlatform().daemon().name("slow-flash").start(this::flush);
    }

    private void flush() {
      while (true) {
        List<Runnable> group = new ArrayList<>();
        try {
          group.add(waiting.take());
        } catch (InterruptedException e) {
          return;
        }
        waiting.drainTo(group);
        commits.incrementAndGet();
        pause(WRITE);
        group.forEach(loop::execute);
      }
    }

    private Consumer<Outcome> slowed(Consumer<Outcome> whenDone) {
      return outcome -> waiting.add(() -> whenDone.accept(outcome));
    }

    @Override
    public List<Entry> replay() {
      return files.replay();
    }

    @Override
    public void append(String key, Record payload, Consumer<Outcome> whenDone) {
      files.append(key, payload, slowed(whenDone));
    }

    @Override
    public void forget(String keyPrefix, Consumer<Outcome> whenDone) {
      files.forget(keyPrefix, slowed(whenDone));
    }

    @Override
    public void compact(Consumer<Outcome> whenDone) {
      files.compact(slowed(whenDone));
    }

    @Override
    public void retry(Consumer<Outcome> whenDone) {
      files.retry(slowed(whenDone));
    }
  }

  /** The simulated relay, noting when the charge point last commanded it. */
  private static final class TimedRelay implements Relay {
    private final Relay relay;
    private final AtomicLong lastCommand = new AtomicLong();

    TimedRelay(Relay relay) {
      this.relay = relay;
    }

    /** Runs the pilot event and returns how long after it the relay was commanded (at most 5 s, else the 5 s). */
    long reactionTo(Runnable pilotEvent) {
      long before = System.nanoTime();
      pilotEvent.run();
      long deadline = before + 5_000_000_000L;
      while (lastCommand.get() < before && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      return Math.min(lastCommand.get(), deadline) - before;
    }

    @Override
    public void start(Listener listener) {
      relay.start(listener);
    }

    @Override
    public void close() {
      lastCommand.set(System.nanoTime());
      relay.close();
    }

    @Override
    public void open() {
      lastCommand.set(System.nanoTime());
      relay.open();
    }
  }

  /** A timer every millisecond on the loop, as pilot and meter events would be; records how late each ran. */
  private static final class LoopWatch implements Runnable {
    private final EventLoop loop;
    private final List<Long> late = new ArrayList<>();
    private volatile boolean stopped;
    private long due;

    private LoopWatch(EventLoop loop) {
      this.loop = loop;
    }

    static LoopWatch start(EventLoop loop) {
      LoopWatch watch = new LoopWatch(loop);
      loop.execute(() -> {
        watch.due = System.nanoTime() + 1_000_000;
        loop.schedule(Duration.ofMillis(1), watch);
      });
      return watch;
    }

    @Override
    public void run() {
      synchronized (late) {
        late.add(Math.max(0, System.nanoTime() - due));
      }
      if (!stopped) {
        due = System.nanoTime() + 1_000_000;
        loop.schedule(Duration.ofMillis(1), this);
      }
    }

    /** Stops the timer; returns every lateness, sorted. */
    long[] stop() {
      stopped = true;
      synchronized (late) {
        return late.stream().mapToLong(Long::longValue).sorted().toArray();
      }
    }
  }
}
