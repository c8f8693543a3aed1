package dev.kilowatt.core.availability;

import dev.kilowatt.core.Ocpp16Mapping;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends StatusNotification.req when a connector's status or error changes, once it has been stable for
 * {@code MinimumStatusDuration}; while offline it only remembers, and on reconnection it reports what
 * changed meanwhile. A notification the central system did not answer in time goes again, with the
 * connector's latest status: what it needs is the present, not the history.
 *
 * <p>Each notification carries the time of the change it reports (section 4.9: the time for which the
 * status is reported), however late it goes. That time is taken on the scheduler's steady time line and
 * turned into the station clock's when sent, so a clock set by the central system in between (the first
 * BootNotification of a board without a battery-backed clock) moves it too.
 */
public final class StatusReporter {

  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Configuration config;
  private final Supplier<Instant> clock;
  /** A connector's status and when it took it, on the scheduler's time line. */
  private record Change(Connector.Report report, Instant since) {}

  private final Map<Integer, Change> current = new HashMap<>();
  private final Map<Integer, Connector.Report> reported = new HashMap<>();
  private final Map<Integer, Scheduler.Timer> pending = new HashMap<>();

  /**
   * A reporter that has reported nothing yet.
   *
   * @param scheduler holds back a status for MinimumStatusDuration, and gives the steady time a change is taken at
   * @param outbox sends the StatusNotifications, and tells whether the central system takes them now
   * @param config holds MinimumStatusDuration
   * @param clock the station clock, which a status's timestamp is given in when it is sent
   */
  public StatusReporter(Scheduler scheduler, Outbox outbox, Configuration config, Supplier<Instant> clock) {
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /** The connector's status as it is now; reported when it differs from what the central system knows. */
  void update(int connectorId, Connector.Report report) {
    Change before = current.get(connectorId);
    if (before == null || !before.report().equals(report)) {
      current.put(connectorId, new Change(report, scheduler.now()));
    }
    if (report.equals(reported.get(connectorId))) {
      cancel(connectorId);
      return;
    }
    if (!outbox.canSendNow()) {
      return;
    }
    int stable = config.integer(CoreKeys.MINIMUM_STATUS_DURATION);
    cancel(connectorId);
    if (stable <= 0) {
      send(connectorId);
    } else {
      pending.put(connectorId, scheduler.schedule(Duration.ofSeconds(stable), () -> {
        pending.remove(connectorId);
        send(connectorId);
      }));
    }
  }

  /** After BootNotification was accepted: the central system knows nothing, report everything. */
  void reportAll() {
    reported.clear();
    current.keySet().stream().sorted().forEach(this::send);
  }

  /** After a reconnection: report what changed while offline. */
  void reportChanges() {
    current.keySet().stream().sorted().filter(id -> !current.get(id).report().equals(reported.get(id))).forEach(this::send);
  }

  /** Sends the current status of a connector now, whatever was reported before. */
  void send(int connectorId) {
    send(connectorId, Outbox.Gate.AFTER_ACCEPTANCE);
  }

  /**
   * Sends the current status of a connector now, whatever was reported before, through {@code gate}: a TriggerMessage
   * may ask for it while the registration is still Pending.
   *
   * @param connectorId the connector, 0 for the charge point itself; nothing is sent before its first status
   * @param gate when the notification may go: after acceptance, or any time for a TriggerMessage
   */
  public void send(int connectorId, Outbox.Gate gate) {
    Change change = current.get(connectorId);
    if (change == null) {
      return;
    }
    Connector.Report report = change.report();
    cancel(connectorId);
    reported.put(connectorId, report);
    outbox.send(new StatusNotificationRequest(connectorId, Ocpp16Mapping.errorCode(report.fault()), nonEmpty(report.info()),
            Ocpp16Mapping.status(report.state()), Optional.of(stationTimeOf(change.since())), Optional.empty(),
            nonEmpty(report.vendorErrorCode())),
        gate, answer -> {}, failure -> notDelivered(connectorId, report, failure));
  }

  Optional<Connector.Report> current(int connectorId) {
    return Optional.ofNullable(current.get(connectorId)).map(Change::report);
  }

  /**
   * Unanswered while online, the latest status goes again at once; offline or refused, the next
   * reconnection reports it ({@link #reportChanges}).
   */
  private void notDelivered(int connectorId, Connector.Report report, Outbox.Failure failure) {
    if (!reported.remove(connectorId, report)) {
      return; // a newer status went out meanwhile
    }
    if (failure instanceof Outbox.Failure.TimedOut && outbox.canSendNow()) {
      send(connectorId);
    }
  }

  private Instant stationTimeOf(Instant since) {
    return clock.get().minus(Duration.between(since, scheduler.now()));
  }

  private void cancel(int connectorId) {
    Scheduler.Timer timer = pending.remove(connectorId);
    if (timer != null) {
      timer.cancel();
    }
  }

  private static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
