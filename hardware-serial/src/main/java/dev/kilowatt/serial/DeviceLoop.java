package dev.kilowatt.serial;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.FaultListener;
import dev.kilowatt.core.port.HardwareFault;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that talks to one serial device: connects, exchanges, and on failure backs off, reconnects and
 * reports a fault, until the device answers again and the fault is cleared. Serial I/O blocks, so it never
 * runs on the charge point's event loop; adapters report from this thread, which the ports allow.
 *
 * <p>A single failed exchange (one CRC error, one lost frame) is counted and logged but not reported: a fault
 * stops charging, and RS-485 lines see the odd bad frame. {@value #FAILURES_BEFORE_FAULT} failures in a row
 * are a fault. Retries back off from the poll interval, doubling up to {@value #MAX_BACKOFF_FACTOR} times it.
 *
 * @param <L> the listener of the port the device serves: faults and what the device tells go to it
 */
abstract class DeviceLoop<L extends FaultListener> {

  static final int FAILURES_BEFORE_FAULT = 3;
  static final int MAX_BACKOFF_FACTOR = 8;

  private static final Logger log = LoggerFactory.getLogger(DeviceLoop.class);

  final SerialDeviceConfig config;
  private final String device;
  private final String faultSource;
  private final ConnectorFault linkFault;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong failedExchanges = new AtomicLong();
  private final AtomicLong discardedInput = new AtomicLong();
  private volatile boolean running;
  private boolean stopped;
  private Thread thread;
  private L listener;

  /**
   * @param device names the device in logs and the thread name
   * @param faultSource the {@link HardwareFault#source()} of link faults
   * @param linkFault what kind of fault a link failure is
   */
  DeviceLoop(String device, SerialDeviceConfig config, String faultSource, ConnectorFault linkFault) {
    this.device = device;
    this.config = config;
    this.faultSource = faultSource;
    this.linkFault = linkFault;
  }

  /** Opens the line and sets the device up. */
  abstract void connect() throws DeviceException;

  /** One round of talking to the device: poll it, apply pending commands, report what changed. */
  abstract void exchange() throws DeviceException;

  /** Releases whatever {@link #connect} opened, also after it failed half-way; never throws. */
  abstract void disconnect();

  /** How long to wait after a successful exchange; adapters that wait inside {@link #exchange} return zero. */
  Duration idleAfterExchange() {
    return config.pollInterval();
  }

  final synchronized void start(L listener) {
    Objects.requireNonNull(listener, "listener");
    if (thread != null || stopped) {
      throw new IllegalStateException(device + (stopped ? " was closed" : " already started"));
    }
    this.listener = listener;
    running = true;
    thread = Thread.ofPlatform().daemon().name("kilowatt-" + device).start(this::run);
  }

  /** Stops the thread and releases the line; waits for a request in flight to end. */
  final void stop() {
    Thread t;
    synchronized (this) {
      t = thread;
      stopped = true;
      running = false;
    }
    wake.release();
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(config.responseTimeout().multipliedBy(4).plusSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      log.warn("{}: the serial thread did not stop in time", device);
    }
  }

  /** Cuts the current wait short: a command is waiting to be applied. */
  final void wakeUp() {
    wake.release();
  }

  /** Whether {@link #wakeUp} was called since the last wait; for adapters that listen inside {@link #exchange}. */
  final boolean wakeUpPending() {
    return wake.availablePermits() > 0 || !running;
  }

  /** Counts and logs input that was thrown away (noise, broken frames); the log grows with the log of the count. */
  final void discarded(int bytes, String what) {
    long total = discardedInput.addAndGet(bytes);
    if (Long.numberOfLeadingZeros(total - bytes) != Long.numberOfLeadingZeros(total)) {
      log.warn("{}: discarded {} ({} bytes, {} in all)", device, what, bytes, total);
    } else {
      log.debug("{}: discarded {} ({} bytes, {} in all)", device, what, bytes, total);
    }
  }

  final long failedExchanges() {
    return failedExchanges.get();
  }

  final long discardedInput() {
    return discardedInput.get();
  }

  private void run() {
    boolean connected = false;
    int failures = 0;
    String reported = null;
    while (running) {
      Duration wait;
      try {
        if (!connected) {
          connect();
          connected = true;
        }
        exchange();
        if (failures > 0) {
          log.info("{}: answering again after {} failed exchanges", device, failures);
        }
        failures = 0;
        if (reported != null) {
          reported = null;
          notifyListener(l -> l.onFaultCleared(faultSource));
        }
        wait = idleAfterExchange();
      } catch (DeviceException | RuntimeException e) {
        DeviceException failure = e instanceof DeviceException d
            ? d
            : new DeviceException(DeviceException.INTERNAL, String.valueOf(e), true);
        if (failure.vendorCode().equals(DeviceException.INTERNAL)) {
          log.error("{}: unexpected error", device, e);
        }
        failures++;
        failedExchanges.incrementAndGet();
        if (failures == 1) {
          log.warn("{}: {} ({})", device, failure.getMessage(), failure.vendorCode());
        } else {
          log.debug("{}: failure {} in a row: {} ({})", device, failures, failure.getMessage(), failure.vendorCode());
        }
        // A failed connect may have opened the line half-way; release it before the next try.
        if (!connected || failure.reconnect()) {
          disconnect();
          connected = false;
        }
        if (failures >= FAILURES_BEFORE_FAULT && !failure.vendorCode().equals(reported)) {
          reported = failure.vendorCode();
          HardwareFault fault = new HardwareFault(faultSource, linkFault, reported, clip(failure.getMessage()));
          log.warn("{}: reporting {}", device, fault);
          notifyListener(l -> l.onFault(fault));
        }
        wait = backOff(failures);
      }
      pause(wait);
    }
    if (connected) {
      disconnect();
    }
  }

  private Duration backOff(int failures) {
    return config.pollInterval().multipliedBy(Math.min(1L << Math.min(failures - 1, 30), MAX_BACKOFF_FACTOR));
  }

  private void pause(Duration wait) {
    try {
      if (!wait.isZero()) {
        wake.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
      }
      wake.drainPermits();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Runs a listener call; a failing listener is the embedder's bug and must not stop the device thread. */
  final void notifyListener(Consumer<? super L> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      log.error("{}: listener failed", device, e);
    }
  }

  /** HardwareFault allows 50 characters of info. */
  static String clip(String text) {
    String t = text == null ? "" : text;
    return t.length() <= 50 ? t : t.substring(0, 47) + "...";
  }
}
