package dev.kilowatt.examples.fleet;

import dev.kilowatt.core.message.Action;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
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
final class CountingLink implements CentralSystem {

  /** A call of ours waiting for its answer: what it was, and when it left. */
  private record Pending(Action action, long sentNanos) {
  }

  private final CentralSystem link;
  private final FleetStats stats;
  private final Map<String, Pending> pending = new HashMap<>();
  private ConnectionSettings settings;
  private Listener listener;
  private boolean connected;
  private boolean offline;

  CountingLink(CentralSystem link, FleetStats stats) {
    this.link = link;
    this.stats = stats;
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    synchronized (this) {
      this.settings = settings;
      this.listener = listener;
    }
    link.connect(settings, counted(listener));
  }

  /** The mobile link is lost until {@link #restore()}: the station goes offline as it would in a dead spot. */
  void lose() {
    synchronized (this) {
      if (offline || listener == null) {
        return;
      }
      offline = true;
    }
    stats.drops.increment();
    stats.offline.increment();
    link.disconnect();
  }

  /** The mobile link is back: the station connects again with the settings it last had. */
  void restore() {
    ConnectionSettings current;
    Listener target;
    synchronized (this) {
      if (!offline) {
        return;
      }
      offline = false;
      current = settings;
      target = listener;
    }
    stats.offline.decrement();
    link.connect(current, counted(target));
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {
    synchronized (this) {
      this.settings = settings;
    }
    link.reconfigure(settings);
  }

  @Override
  public void disconnect() {
    link.disconnect();
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    synchronized (this) {
      pending.put(callId, new Pending(request.action(), System.nanoTime()));
    }
    link.send(callId, request);
  }

  @Override
  public void reply(String callId, Response response) {
    link.reply(callId, response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    stats.errors.increment();
    link.replyError(callId, error);
  }

  private Optional<Action> answered(String callId) {
    Pending call;
    synchronized (this) {
      call = pending.remove(callId);
    }
    if (call == null) {
      return Optional.empty();
    }
    stats.answered(System.nanoTime() - call.sentNanos());
    return Optional.of(call.action());
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

  private Listener counted(Listener domain) {
    return new Listener() {
      @Override
      public void onConnected() {
        connectedNow(true);
        domain.onConnected();
      }

      @Override
      public void onDisconnected(String reason) {
        connectedNow(false);
        domain.onDisconnected(reason);
      }

      @Override
      public void onCallResult(String callId, Response response) {
        answered(callId).ifPresent(action -> counted(action, response));
        domain.onCallResult(callId, response);
      }

      @Override
      public void onCallError(String callId, CallError error) {
        answered(callId);
        stats.errors.increment();
        domain.onCallError(callId, error);
      }

      @Override
      public void onCall(String callId, CentralSystemRequest<?> request) {
        if (request instanceof RemoteStartTransactionRequest) {
          stats.remoteStarts.increment();
        }
        domain.onCall(callId, request);
      }

      @Override
      public void onSecurityEvent(String type, String techInfo) {
        stats.errors.increment();
        domain.onSecurityEvent(type, techInfo);
      }
    };
  }
}
