package dev.kilowatt.core.availability;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends StatusNotification.req when a connector's status or error changes, once it has been stable for
 * {@code MinimumStatusDuration}; while offline it only remembers, and on reconnection it reports what
 * changed meanwhile.
 */
public final class StatusReporter {

  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Configuration config;
  private final Supplier<java.time.Instant> clock;
  private final Map<Integer, Connector.Report> current = new HashMap<>();
  private final Map<Integer, Connector.Report> reported = new HashMap<>();
  private final Map<Integer, Scheduler.Timer> pending = new HashMap<>();

  public StatusReporter(Scheduler scheduler, Outbox outbox, Configuration config, Supplier<java.time.Instant> clock) {
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /** The connector's status as it is now; reported when it differs from what the central system knows. */
  void update(int connectorId, Connector.Report report) {
    current.put(connectorId, report);
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
    current.keySet().stream().sorted().filter(id -> !current.get(id).equals(reported.get(id))).forEach(this::send);
  }

  /** Sends the current status of a connector now, whatever was reported before. */
  void send(int connectorId) {
    send(connectorId, Outbox.Gate.AFTER_ACCEPTANCE);
  }

  /** The same, through {@code gate}: a TriggerMessage may ask for it while the registration is still Pending. */
  public void send(int connectorId, Outbox.Gate gate) {
    Connector.Report report = current.get(connectorId);
    if (report == null) {
      return;
    }
    cancel(connectorId);
    reported.put(connectorId, report);
    outbox.send(new StatusNotificationRequest(connectorId, report.errorCode(), nonEmpty(report.info()), report.status(),
            Optional.of(clock.get()), Optional.empty(), nonEmpty(report.vendorErrorCode())),
        gate, answer -> {}, failure -> reported.remove(connectorId));
  }

  Optional<Connector.Report> current(int connectorId) {
    return Optional.ofNullable(current.get(connectorId));
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
