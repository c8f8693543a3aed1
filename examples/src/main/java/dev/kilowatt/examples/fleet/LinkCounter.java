package dev.kilowatt.examples.fleet;

import dev.kilowatt.core.message.Action;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.examples.WatchedLink;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A station's link to the central system, counted for the fleet's summary: connections, boots, sessions as
 * the central system answered them, answer latencies and CALLERRORs. It can also lose the link on purpose
 * and get it back, as a station on a mobile network does.
 *
 * <p>Called from the station's loop and the link's threads; what it keeps per call is guarded by itself.
 */
final class LinkCounter implements WatchedLink.Watcher {

  /** A call of ours waiting for its answer: what it was, and when it left. */
  private record Pending(Action action, long sentNanos) {
  }

  private final WatchedLink link;
  private final FleetStats stats;
  private final Map<String, Pending> pending = new HashMap<>();
  private boolean connected;
  private boolean offline;

  LinkCounter(CentralSystem link, FleetStats stats) {
    this.link = new WatchedLink(link, this);
    this.stats = stats;
  }

  /** The counted link, for the station's charge point. */
  CentralSystem link() {
    return link;
  }

  /** The mobile link is lost until {@link #restore()}: the station goes offline as it would in a dead spot. */
  void lose() {
    synchronized (this) {
      if (offline) {
        return;
      }
    }
    if (!link.cut()) {
      return;
    }
    synchronized (this) {
      offline = true;
    }
    stats.drops.increment();
    stats.offline.increment();
  }

  /** The mobile link is back: the station connects again with the settings it last had. */
  void restore() {
    synchronized (this) {
      if (!offline) {
        return;
      }
      offline = false;
    }
    stats.offline.decrement();
    link.resume();
  }

  @Override
  public void sent(String callId, ChargePointRequest<?> request) {
    synchronized (this) {
      pending.put(callId, new Pending(request.action(), System.nanoTime()));
    }
  }

  @Override
  public void answered(String callId, Optional<Response> response) {
    Pending call;
    synchronized (this) {
      call = pending.remove(callId);
    }
    if (response.isEmpty()) {
      stats.errors.increment();
    }
    if (call != null) {
      stats.answered(System.nanoTime() - call.sentNanos());
      response.ifPresent(answer -> counted(call.action(), answer));
    }
  }

  private void counted(Action action, Response response) {
    switch (action) {
      case BOOT_NOTIFICATION -> {
        if (((BootNotificationResponse) response).status() == RegistrationStatus.ACCEPTED) {
          stats.booted.increment();
        }
      }
      case START_TRANSACTION -> {
        stats.sessionsStarted.increment();
        stats.sessionsRunning.increment();
      }
      case STOP_TRANSACTION -> {
        stats.sessionsDone.increment();
        stats.sessionsRunning.decrement();
      }
      default -> { }
    }
  }

  @Override
  public void connected() {
    connectedNow(true);
  }

  @Override
  public void disconnected(String reason) {
    connectedNow(false);
  }

  private void connectedNow(boolean now) {
    synchronized (this) {
      if (connected == now) {
        return;
      }
      connected = now;
      if (!now) {
        // answers never come over a later connection
        pending.clear();
      }
    }
    if (now) {
      stats.connected.increment();
    } else {
      stats.connected.decrement();
    }
  }

  @Override
  public void called(CentralSystemRequest<?> request) {
    if (request instanceof RemoteStartTransactionRequest) {
      stats.remoteStarts.increment();
    }
  }

  @Override
  public void trouble() {
    stats.errors.increment();
  }
}
