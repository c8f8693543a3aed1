package dev.kilowatt.ocpp;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the domain one at a time, in the order they were posted, on whichever thread finds no
 * delivery in progress. The link posts while holding its lock, so events arrive in the order the link
 * decided them; it delivers after letting go of the lock, so a listener may call straight back into the
 * link without deadlock.
 */
final class SerialDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(SerialDelivery.class);

  private final Deque<Runnable> queue = new ArrayDeque<>();
  private boolean delivering;

  synchronized void post(Runnable event) {
    queue.add(event);
  }

  /** Delivers what is queued, unless another thread is already at it (it will deliver ours too). */
  void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        if (delivering || queue.isEmpty()) {
          return;
        }
        next = queue.poll();
        delivering = true;
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.error("the central-system listener failed on an event; delivering the next", e);
      } finally {
        synchronized (this) {
          delivering = false;
        }
      }
    }
  }
}
