package dev.kilowatt.examples;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.InstalledChargingProfile;
import dev.kilowatt.core.port.ReservationEnd;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A central-system link whose comings and goings and messages a {@link Watcher} hears of, as they pass
 * unchanged: the simulator's link state, the fleet's counters. It can also lose the connection on purpose
 * and get it back, as a station on a mobile network does in a dead spot.
 *
 * <p>Called from the charge point's loop and the link's threads.
 */
public final class WatchedLink implements CentralSystem {

  /**
   * What passes over a watched link. Our calls are heard of before they leave, so that an answer never
   * comes before its call; the answers after the charge point has them. Each does nothing unless overridden.
   */
  public interface Watcher {

    /** The link is connected. */
    default void connected() {
    }

    /**
     * The link is down; no answer to a call of ours comes any more.
     *
     * @param reason why, for people
     */
    default void disconnected(String reason) {
    }

    /**
     * A call of ours is about to leave.
     *
     * @param callId its unique id
     * @param request what it asks
     */
    default void sent(String callId, ChargePointRequest<?> request) {
    }

    /**
     * The charge point has the answer to one of our calls.
     *
     * @param callId the call's unique id
     * @param response the answer, or empty for a CALLERROR
     */
    default void answered(String callId, Optional<Response> response) {
    }

    /**
     * The central system called.
     *
     * @param request what it asks
     */
    default void called(CentralSystemRequest<?> request) {
    }

    /** The charge point answered a call of the central system's with a CALLERROR, or the link reported a security event. */
    default void trouble() {
    }
  }

  private final CentralSystem link;
  private final Watcher watcher;
  private ConnectionSettings settings;
  private Listener listener;

  /**
   * {@code link}, watched by {@code watcher}.
   *
   * @param link the link to the central system
   * @param watcher hears of what passes
   */
  public WatchedLink(CentralSystem link, Watcher watcher) {
    this.link = Objects.requireNonNull(link, "link");
    this.watcher = Objects.requireNonNull(watcher, "watcher");
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    synchronized (this) {
      this.settings = settings;
      this.listener = listener;
    }
    link.connect(settings, watched(listener));
  }

  /**
   * Drops the connection without the charge point asking, until {@link #resume()}.
   *
   * @return false if the charge point never connected, so there is nothing to drop
   */
  public boolean cut() {
    synchronized (this) {
      if (listener == null) {
        return false;
      }
    }
    link.disconnect();
    return true;
  }

  /** Connects again after {@link #cut()}, with the settings and the listener the charge point last gave. */
  public void resume() {
    ConnectionSettings current;
    Listener target;
    synchronized (this) {
      current = settings;
      target = listener;
    }
    link.connect(current, watched(target));
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
    watcher.sent(callId, request);
    link.send(callId, request);
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request, CallOrigin origin) {
    watcher.sent(callId, request);
    link.send(callId, request, origin);
  }

  @Override
  public void reservationEnded(int reservationId, ReservationEnd end) {
    link.reservationEnded(reservationId, end);
  }

  @Override
  public void reply(String callId, Response response) {
    link.reply(callId, response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    watcher.trouble();
    link.replyError(callId, error);
  }

  private Listener watched(Listener domain) {
    return new Listener() {
      @Override
      public void onConnected() {
        watcher.connected();
        domain.onConnected();
      }

      @Override
      public void onDisconnected(String reason) {
        watcher.disconnected(reason);
        domain.onDisconnected(reason);
      }

      @Override
      public void onCallResult(String callId, Response response) {
        domain.onCallResult(callId, response);
        watcher.answered(callId, Optional.of(response));
      }

      @Override
      public void onCallError(String callId, CallError error) {
        domain.onCallError(callId, error);
        watcher.answered(callId, Optional.empty());
      }

      @Override
      public void onCall(String callId, CentralSystemRequest<?> request) {
        watcher.called(request);
        domain.onCall(callId, request);
      }

      @Override
      public void onSecurityEvent(String type, String techInfo) {
        watcher.trouble();
        domain.onSecurityEvent(type, techInfo);
      }

      @Override
      public void onTransactionsAsked(Consumer<List<UnsettledTransaction>> answer) {
        domain.onTransactionsAsked(answer);
      }

      @Override
      public void onChargingProfilesAsked(Consumer<List<InstalledChargingProfile>> answer) {
        domain.onChargingProfilesAsked(answer);
      }
    };
  }
}
