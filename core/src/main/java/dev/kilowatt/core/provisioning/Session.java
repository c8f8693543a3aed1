package dev.kilowatt.core.provisioning;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.internal.ConfigKey;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The charge point's standing with the central system: BootNotification until Accepted (OCPP 1.6
 * section 4.2), the clock the central system sets, and Heartbeat (section 4.6), which is skipped while
 * other calls prove the connection alive.
 */
public final class Session {

  private static final System.Logger LOG = System.getLogger(Session.class.getName());
  /** Used when the central system answers Pending or Rejected with interval 0. */
  private static final Duration DEFAULT_BOOT_RETRY = Duration.ofSeconds(60);

  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Configuration config;
  private final BootNotificationRequest boot;
  private final StationClock clock;
  private final Runnable onAccepted;
  private final Runnable onReconnected;
  private RegistrationStatus registration;
  private Scheduler.Timer bootTimer;
  private Scheduler.Timer heartbeatTimer;
  private boolean online;

  /**
   * The session with the central system: registration by BootNotification, then the heartbeat.
   *
   * @param scheduler runs the BootNotification retries and the heartbeat
   * @param outbox sends BootNotification and Heartbeat, and is told when the link is up, down or accepted
   * @param config holds HeartbeatInterval, which an accepting BootNotification.conf sets
   * @param boot the BootNotification.req to send, describing the charge point
   * @param clock the station clock, set from each BootNotification and Heartbeat answer
   * @param onAccepted runs when a BootNotification is accepted after none or a Pending or Rejected one
   * @param onReconnected runs when the link is back after a registration was accepted
   */
  public Session(Scheduler scheduler, Outbox outbox, Configuration config, BootNotificationRequest boot, StationClock clock,
      Runnable onAccepted, Runnable onReconnected) {
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.config = config;
    this.boot = boot;
    this.clock = clock;
    this.onAccepted = onAccepted;
    this.onReconnected = onReconnected;
    outbox.onCallCompleted(this::restartHeartbeat);
    config.onChange(CoreKeys.HEARTBEAT_INTERVAL, v -> restartHeartbeat());
  }

  private boolean accepted() {
    return registration == RegistrationStatus.ACCEPTED;
  }

  /** {@return whether the BootNotification was answered Rejected: OCPP 1.6 section 4.2 then leaves calls unanswered} */
  public boolean rejected() {
    return registration == RegistrationStatus.REJECTED;
  }

  /** {@return whether the central system answered the BootNotification with Pending} */
  public boolean pending() {
    return registration == RegistrationStatus.PENDING;
  }

  /** The link is up: the BootNotification goes, or the heartbeat resumes if it was accepted before. */
  public void connected() {
    online = true;
    outbox.connected();
    if (accepted()) {
      outbox.accepted();
      restartHeartbeat();
      onReconnected.run();
    } else if (bootTimer == null) {
      sendBootNotification();
    }
  }

  /** The link is down: the heartbeat stops until it is back. */
  public void disconnected() {
    online = false;
    outbox.disconnected();
    cancel(heartbeatTimer);
    heartbeatTimer = null;
  }

  /** Sends BootNotification.req now (also on TriggerMessage). */
  public void sendBootNotification() {
    cancel(bootTimer);
    bootTimer = null;
    outbox.send(boot, Outbox.Gate.ANY_TIME, answer -> {
      clock.set(answer.currentTime());
      boolean wasAccepted = accepted();
      registration = answer.status();
      if (answer.status() == RegistrationStatus.ACCEPTED) {
        if (answer.interval() > 0) {
          config.setInternally(CoreKeys.HEARTBEAT_INTERVAL, Integer.toString(clampHeartbeat(answer.interval())));
        }
        outbox.accepted();
        restartHeartbeat();
        if (!wasAccepted) {
          onAccepted.run();
        }
      } else {
        Duration retry = answer.interval() > 0 ? Duration.ofSeconds(answer.interval()) : DEFAULT_BOOT_RETRY;
        LOG.log(Level.INFO, "central system answered BootNotification with {0}; trying again in {1}", answer.status(), retry);
        retryBoot(retry);
      }
    }, failure -> {
      if (online) {
        retryBoot(DEFAULT_BOOT_RETRY);
      }
    });
  }

  /**
   * Sends Heartbeat.req now; a TriggerMessage may ask for one while the registration is still Pending.
   *
   * @param gate when the heartbeat may go: after acceptance, or any time for a TriggerMessage
   */
  public void sendHeartbeat(Outbox.Gate gate) {
    outbox.send(new HeartbeatRequest(), gate, answer -> clock.set(answer.currentTime()), failure -> {});
  }

  private void retryBoot(Duration after) {
    cancel(bootTimer);
    bootTimer = scheduler.schedule(after, () -> {
      bootTimer = null;
      if (online) {
        sendBootNotification();
      }
    });
  }

  private void restartHeartbeat() {
    cancel(heartbeatTimer);
    heartbeatTimer = null;
    if (online && accepted()) {
      heartbeatTimer = scheduler.schedule(Duration.ofSeconds(config.integer(CoreKeys.HEARTBEAT_INTERVAL)), () -> {
        heartbeatTimer = null;
        sendHeartbeat(Outbox.Gate.AFTER_ACCEPTANCE);
      });
    }
  }

  private int clampHeartbeat(int interval) {
    ConfigKey.Int bounds = (ConfigKey.Int) config.key(CoreKeys.HEARTBEAT_INTERVAL).type();
    return (int) Math.max(bounds.min(), Math.min(bounds.max(), interval));
  }

  private static void cancel(Scheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** The station's wall clock: the board's clock, corrected by what the central system says. */
  public static final class StationClock {
    private final Scheduler scheduler;
    private Duration offset = Duration.ZERO;
    private Consumer<Duration> onSet = change -> {};

    /**
     * The board's clock, uncorrected until the central system tells the time.
     *
     * @param scheduler gives the board's time
     */
    public StationClock(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    /** {@return the time as the central system last said it, moved on by the board's clock} */
    public Instant now() {
      return scheduler.now().plus(offset);
    }

    private void set(Instant centralSystemTime) {
      Duration before = offset;
      offset = Duration.between(scheduler.now(), centralSystemTime);
      onSet.accept(offset.minus(before));
    }

    /**
     * Hears how far each setting moved the clock (the security log records jumps).
     *
     * @param listener told each change, positive when the clock moved forward; replaces the one before
     */
    public void onSet(Consumer<Duration> listener) {
      this.onSet = listener;
    }
  }
}
