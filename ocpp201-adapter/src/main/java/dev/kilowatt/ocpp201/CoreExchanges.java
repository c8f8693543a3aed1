package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls handed to the core for the CSMS's calls in progress, by the call id the core answers, and the numbering of
 * those ids: the one owner of both. The core answers on its loop, one answer at a time, so a {@link Pending} is only
 * ever touched there; the map is locked because a lost connection clears it from the link's side.
 */
final class CoreExchanges {

  private final Map<String, Pending> pending = new HashMap<>();
  /** What waits until no exchange is in progress. */
  private final List<Runnable> whenIdle = new ArrayList<>();
  private long exchanges;

  /** {@return a number no other exchange of this adapter's life has, for the ids of the core's calls} */
  synchronized long next() {
    return ++exchanges;
  }

  /** Hands {@code core} the calls {@code waiting} takes; with none, answers the CSMS's call at once. */
  void handOver(Pending waiting, CentralSystem.Listener core) {
    List<CentralSystemRequest<?>> requests = waiting.requests();
    if (requests.isEmpty()) {
      waiting.complete();
      return;
    }
    List<String> ids = waiting.callIds(next());
    synchronized (this) {
      ids.forEach(id -> pending.put(id, waiting));
    }
    for (int i = 0; i < ids.size(); i++) {
      core.onCall(ids.get(i), requests.get(i));
    }
  }

  /** The core answered {@code callId}; an id of no exchange in progress (one lost with its connection) is ignored. */
  void answered(String callId, Response response) {
    Pending exchange;
    synchronized (this) {
      exchange = pending.remove(callId);
    }
    if (exchange != null) {
      exchange.answered(callId, response);
    }
    runIfIdle();
  }

  /** The core refused {@code callId}: its whole exchange fails with that error, the core's other answers to it unheard. */
  void refused(String callId, CallError error) {
    Pending exchange;
    synchronized (this) {
      exchange = pending.remove(callId);
      if (exchange != null) {
        pending.values().removeIf(other -> other == exchange);
      }
    }
    if (exchange != null) {
      exchange.refused(error);
    }
    runIfIdle();
  }

  /** Runs {@code task} once no exchange is in progress: now, or right after the answer that completes the last one. */
  void whenIdle(Runnable task) {
    synchronized (this) {
      if (!pending.isEmpty()) {
        whenIdle.add(task);
        return;
      }
    }
    task.run();
  }

  private void runIfIdle() {
    List<Runnable> due;
    synchronized (this) {
      if (!pending.isEmpty() || whenIdle.isEmpty()) {
        return;
      }
      due = List.copyOf(whenIdle);
      whenIdle.clear();
    }
    due.forEach(Runnable::run);
  }

  /**
   * The connection is gone, and the CSMS's calls with it: the core's answers to them are no longer awaited, and what
   * waited for them is dropped (a reconnect with new credentials: the next connection has them anyway).
   */
  synchronized void lost() {
    pending.clear();
    whenIdle.clear();
  }
}
