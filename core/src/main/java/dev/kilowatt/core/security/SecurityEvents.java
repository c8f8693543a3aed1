package dev.kilowatt.core.security;

import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Security events (white paper A04): every event goes into the security log, a rolling list kept in
 * storage (A04.FR.04); each is also reported to the central system with SecurityEventNotification.req.
 * Critical events travel in the outbox's durable queue, like transaction messages, so they survive a
 * loss of connection or power and arrive in order (A04.FR.02). The paper pushes only critical ones, but
 * conformance tests expect to hear of the others too: of a rejected certificate right after the answer
 * that rejected it (TC_077_CS), of a Central System certificate the link refused once the connection is
 * back (TC_078_CS). So the others are held in memory, the latest {@link #HELD_CAPACITY} of them, and sent
 * after the task that raised them (an answer to a call goes first) whenever the central system takes calls,
 * else once it does again ({@link #deliverHeld()}); a power cut loses them, the log keeps them.
 */
public final class SecurityEvents {

  private static final System.Logger LOG = System.getLogger(SecurityEvents.class.getName());
  /** Normal operation, logged at INFO whether critical or not; the rest means trouble. */
  private static final List<String> ROUTINE = List.of("StartupOfTheDevice", "ResetOrReboot", "FirmwareUpdated", "SettingSystemTime",
      "SecurityLogWasCleared", "ReconfigurationOfSecurityParameters");
  /** Where the security log is saved. */
  public static final String LOG_KEY = "security/log";
  /** How many entries the security log keeps; the oldest go first. */
  static final int LOG_CAPACITY = 500;
  /** A correction of the clock by at least this much counts as setting the system time, not as drift. */
  private static final Duration CLOCK_JUMP = Duration.ofSeconds(30);
  /** The outbox's transaction number for queued messages that belong to no transaction. */
  public static final long NO_TRANSACTION = 0;
  private static final int TECH_INFO_MAX = 255;
  private static final int TYPE_MAX = 50;
  /** How many non-critical events wait for the connection; a link refused at every attempt raises one each time. */
  static final int HELD_CAPACITY = 20;

  /**
   * One line of the security log.
   *
   * @param timestamp when the event was raised, by the station clock
   * @param type the event's name as SecurityEventNotification.req carries it, e.g. "SettingSystemTime"
   * @param critical whether the event must reach the central system even across a loss of connection
   * @param techInfo the text for people; absent when the event came with none
   */
  public record Entry(Instant timestamp, String type, boolean critical, Optional<String> techInfo) {}

  /**
   * The persisted security log, oldest first.
   *
   * @param entries the lines of the log, oldest first
   */
  public record Log(List<Entry> entries) {
    /** Copies the entries. */
    public Log {
      entries = List.copyOf(entries);
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Outbox outbox;
  private final Supplier<Instant> clock;
  private final Counters counters;
  private final List<Entry> log = new ArrayList<>();
  private final List<SecurityEventNotificationRequest> held = new ArrayList<>();
  private boolean clockSet;

  SecurityEvents(Scheduler scheduler, Storage storage, Outbox outbox, Supplier<Instant> clock, Counters counters) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.outbox = outbox;
    this.clock = clock;
    this.counters = counters;
    storage.load(LOG_KEY, Log.class).ifPresent(saved -> log.addAll(saved.entries()));
  }

  /**
   * Logs the event and reports it.
   *
   * @param event the event raised
   * @param techInfo a text for people; may be empty
   */
  public void raise(SecurityEvent event, String techInfo) {
    record(event.ocppName(), event.critical(), techInfo);
  }

  /**
   * An event the link detected (a bad server certificate, an old TLS version...), named as the paper names it.
   *
   * @param type the event's name in the security white paper; an unknown name is logged as non-critical
   * @param techInfo a text for people; may be empty
   */
  public void reported(String type, String techInfo) {
    record(type, SecurityEvent.byName(type).map(SecurityEvent::critical).orElse(false), techInfo);
  }

  /**
   * The central system set the station clock, moving it by {@code change}. A jump rather than drift is
   * the critical SettingSystemTime; the first setting after a boot is the clock's initialisation (a board
   * without a battery-backed clock may start decades off) and is not reported.
   *
   * @param change how far the clock moved, positive when forward
   */
  public void clockAdjusted(Duration change) {
    boolean initialisation = !clockSet;
    clockSet = true;
    if (!initialisation && change.abs().compareTo(CLOCK_JUMP) >= 0) {
      raise(SecurityEvent.SETTING_SYSTEM_TIME, "clock moved by " + change);
    }
  }

  /** Sends the non-critical events held so far, if the central system takes calls now. */
  void deliverHeld() {
    if (held.isEmpty() || !outbox.canSendNow()) {
      return;
    }
    List<SecurityEventNotificationRequest> due = List.copyOf(held);
    held.clear();
    for (SecurityEventNotificationRequest notification : due) {
      outbox.send(notification, Outbox.Gate.AFTER_ACCEPTANCE, answer -> {}, failure -> {
        if (failure instanceof Outbox.Failure.Offline) {
          hold(notification);
        }
      });
    }
  }

  /** {@return the security log, oldest first, for a GetLog(SecurityLog) upload} */
  public List<Entry> log() {
    return List.copyOf(log);
  }

  private void record(String type, boolean critical, String techInfo) {
    String name = type.length() > TYPE_MAX ? type.substring(0, TYPE_MAX) : type;
    Optional<String> info = Optional.of(techInfo).filter(t -> !t.isEmpty()).map(t -> t.length() > TECH_INFO_MAX ? t.substring(0, TECH_INFO_MAX) : t);
    Instant now = clock.get();
    LOG.log(ROUTINE.contains(name) ? Level.INFO : Level.WARNING, "security event {0}{1}", name, info.map(i -> ": " + i).orElse(""));
    counters.increment("securityEvent." + name);
    log.add(new Entry(now, name, critical, info));
    while (log.size() > LOG_CAPACITY) {
      log.remove(0);
    }
    try {
      storage.save(LOG_KEY, new Log(log));
    } catch (RuntimeException e) {
      counters.increment("securityLog.saveFailed");
      LOG.log(Level.ERROR, "the security log could not be saved", e);
    }
    SecurityEventNotificationRequest notification = new SecurityEventNotificationRequest(name, now, info);
    if (critical) {
      outbox.sendTransactional(NO_TRANSACTION, notification);
    } else {
      hold(notification);
      scheduler.execute(this::deliverHeld);
    }
  }

  private void hold(SecurityEventNotificationRequest notification) {
    held.add(notification);
    if (held.size() > HELD_CAPACITY) {
      held.remove(0);
      counters.increment("securityEvent.heldDropped");
    }
  }
}
