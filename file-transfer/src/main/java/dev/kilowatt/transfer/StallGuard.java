package dev.kilowatt.transfer;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Breaks off a transfer whose server stopped sending without closing the connection: when no data came for
 * the stall limit, it interrupts the transferring thread, which makes its blocking read fail. Used around
 * streams that have no read time-out of their own (the JDK HTTP client's response body).
 */
final class StallGuard implements AutoCloseable {

  private final Thread worker = Thread.currentThread();
  private final long limitNanos;
  private final Thread watcher;
  private volatile long lastActivity = System.nanoTime();
  private boolean closed;
  private boolean fired;

  StallGuard(Duration limit) {
    this.limitNanos = limit.toNanos();
    this.watcher = Thread.ofVirtual().name("kilowatt-transfer-stall-guard").start(this::watch);
  }

  /** Data arrived. */
  void touch() {
    lastActivity = System.nanoTime();
  }

  /** Whether the guard broke the transfer off. */
  synchronized boolean fired() {
    return fired;
  }

  private void watch() {
    while (true) {
      long idle = System.nanoTime() - lastActivity;
      synchronized (this) {
        if (closed) {
          return;
        }
        if (idle >= limitNanos) {
          fired = true;
          worker.interrupt();
          return;
        }
      }
      LockSupport.parkNanos(limitNanos - idle);
    }
  }

  /** Stops watching; an interrupt the guard raised does not outlive it. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    LockSupport.unpark(watcher);
    if (fired()) {
      Thread.interrupted();
    }
  }
}
