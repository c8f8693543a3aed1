package dev.kilowatt.examples.fleet;

import dev.kilowatt.ocpp.SharedWebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated stations in this process, coming up at the fleet's ramp. Threads: virtual threads
 * for the stations' loops on a carrier per core, one timer, and two threads plus the JDK's selector for
 * every WebSocket.
 */
final class Fleet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
  private static final Duration RAMP_TICK = Duration.ofMillis(100);
  private static final int LINK_THREADS = 2;
  private static final Duration POLL = Duration.ofMillis(50);
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private final FleetFile file;
  private final Path dataRoot;
  private final FleetStats stats = new FleetStats();
  private final LoopPool loops;
  private final ExecutorService linkThreads;
  private final FleetRuntime runtime;
  private final long startedNanos = System.nanoTime();
  /** Guarded by this. */
  private final List<FleetStation> stations = new ArrayList<>();
  private final ScheduledFuture<?> ramp;
  private boolean closed;
  private double due;

  private Fleet(FleetFile file, URI centralSystem, Path dataRoot, Map<String, String> factoryConfiguration) {
    this.file = file;
    this.dataRoot = dataRoot;
    this.loops = new LoopPool(Clock.systemUTC());
    this.linkThreads = Executors.newFixedThreadPool(LINK_THREADS, task -> {
      Thread thread = new Thread(task, "fleet-link");
      thread.setDaemon(true);
      return thread;
    });
    Map<String, String> configuration = new HashMap<>(factoryConfiguration);
    configuration.putIfAbsent("WebSocketPingInterval", Long.toString(file.ping().toSeconds()));
    this.runtime = new FleetRuntime(loops, SharedWebSocketClient.create(linkThreads, Optional.empty()), centralSystem,
        file, stats, configuration);
    try {
      FleetStation.tryConfiguration(runtime);
    } catch (IllegalArgumentException e) {
      loops.close();
      linkThreads.shutdown();
      throw new FleetCommand.RefusedConfiguration(e);
    }
    // the timer only says when; each station then boots on its own loop
    this.ramp = loops.timer().scheduleAtFixedRate(() -> loops.workers().execute(this::rampUp), 0,
        RAMP_TICK.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Starts the fleet: station n gets the identity {@link FleetFile#chargePointId(int)} and the data
   * directory {@code dataRoot/<id>}, and each charge point starts with {@code factoryConfiguration}.
   *
   * @throws FleetCommand.RefusedConfiguration before any station starts, when a charge point refuses {@code factoryConfiguration}
   */
  static Fleet start(FleetFile file, URI centralSystem, Path dataRoot, Map<String, String> factoryConfiguration) {
    return new Fleet(file, centralSystem, dataRoot, factoryConfiguration);
  }

  private synchronized void rampUp() {
    if (closed || stations.size() >= file.stations()) {
      ramp.cancel(false);
      return;
    }
    due += file.rampPerSecond() * RAMP_TICK.toNanos() / 1e9;
    List<FleetStation> batch = new ArrayList<>();
    while (due >= 1 && stations.size() < file.stations()) {
      int number = file.offset() + stations.size();
      String id = file.chargePointId(number);
      FleetStation station = new FleetStation(id, number, dataRoot.resolve(id), runtime);
      due--;
      stations.add(station);
      batch.add(station);
    }
    createDataDirectories(batch);
    batch.forEach(FleetStation::start);
  }

  /**
   * Creates the data directories of a tick's new stations with one flush of the fleet's root for all of
   * them. The storage flushes the parent of a directory it creates, so that the directory outlives a power
   * cut with what is saved in it; found in place, it is left as it is. Ten thousand flushes of the one
   * root, one per station, held up the boot on a busy disk; one per tick makes every directory as durable
   * before its station saves anything. Where this fails, each station's storage creates its own.
   */
  private void createDataDirectories(List<FleetStation> batch) {
    List<Path> created = new ArrayList<>();
    try {
      Files.createDirectories(dataRoot);
      for (FleetStation station : batch) {
        if (!Files.isDirectory(station.dataDirectory())) {
          Files.createDirectory(station.dataDirectory(), OWNER_ONLY);
          created.add(station.dataDirectory());
        }
      }
      if (!created.isEmpty()) {
        try (FileChannel root = FileChannel.open(dataRoot, StandardOpenOption.READ)) {
          root.force(true);
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot create the stations' data directories together; each creates its own", e);
      // an unflushed empty directory would pass for a durable one
      for (Path directory : created) {
        try {
          Files.deleteIfExists(directory);
        } catch (IOException left) {
          LOG.warn("cannot remove the unflushed data directory {}", directory, left);
        }
      }
    }
  }

  FleetFile file() {
    return file;
  }

  /** The figures now, with rates and latencies since {@code previous} (null: since the start). */
  Summary summary(Summary previous) {
    return stats.snapshot(System.nanoTime() - startedNanos, previous);
  }

  /**
   * Waits until the summary satisfies {@code condition}, checking every 50 ms.
   *
   * @return the summary that did
   * @throws IllegalStateException with the last summary if none did within {@code timeout}
   */
  Summary await(Predicate<Summary> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Summary now = summary(null);
      if (condition.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not reached within " + timeout.toSeconds() + " s: " + now.line());
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Stops every station and the fleet's threads. */
  @Override
  public void close() {
    List<FleetStation> running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      ramp.cancel(false);
      running = List.copyOf(stations);
    }
    running.forEach(FleetStation::stop);
    loops.close();
    linkThreads.shutdown();
  }
}
