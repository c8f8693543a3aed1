package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Virtual time that also reports each timer armed, so tests can wait for the link to arm one. */
final class RecordingScheduler implements Scheduler {

  final VirtualTime time = new VirtualTime(Samples.T0);
  final BlockingQueue<Duration> armed = new LinkedBlockingQueue<>();

  @Override
  public Instant now() {
    return time.now();
  }

  @Override
  public void execute(Runnable task) {
    time.execute(task);
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    Timer timer = time.schedule(delay, task);
    armed.add(delay);
    return timer;
  }

  /** Waits for the next timer armed that is neither a handshake deadline nor a close grace period. */
  Duration nextRetry(Duration handshakeTimeout) throws InterruptedException {
    while (true) {
      Duration delay = TestCentralSystem.take(armed);
      if (!delay.equals(handshakeTimeout) && !delay.equals(OcppJsonLink.CLOSE_GRACE)) {
        return delay;
      }
    }
  }
}
