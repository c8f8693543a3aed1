package dev.kilowatt.core.provisioning;

import dev.kilowatt.core.configuration.ConfigKey;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
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

  /** The session; {@code onAccepted} hears an acceptance after a BootNotification, {@code onReconnected} a reconnection after one. */
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

  /** OCPP 1.6 section 4.2: while Rejected, calls from the central system get no answer at all. */
  public boolean rejected() {
    return registration == RegistrationStatus.REJECTED;
  }

  /** Whether the central system answered the BootNotification with Pending. */
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

  /** Sends Heartbeat.req now; a TriggerMessage may ask for one while the registration is still Pending. */
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

    /** The board's clock, uncorrected until the central system tells the time. */
    public StationClock(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    /** The time as the central system last said it, moved on by the board's clock. */
    public Instant now() {
      return scheduler.now().plus(offset);
    }

    private void set(Instant centralSystemTime) {
      Duration before = offset;
      offset = Duration.between(scheduler.now(), centralSystemTime);
      onSet.accept(offset.minus(before));
    }

    /** Hears how far each setting moved the clock (the security log records jumps). */
    public void onSet(Consumer<Duration> listener) {
      this.onSet = listener;
    }
  }
}
