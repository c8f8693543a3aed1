package dev.kilowatt.core.provisioning;

import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.security.SecurityEvent;
import dev.kilowatt.core.security.SecurityEvents;
import dev.kilowatt.core.transaction.Transactions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reset.req, and every reboot the charge point asks of its platform: the transactions stop, the relays
 * open, and the reboot waits a little for the last transaction messages to reach the central system.
 */
public final class Reset {

  private static final System.Logger LOG = System.getLogger(Reset.class.getName());
  /** How long a reboot waits for the central system to take the last transaction messages. */
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);
  /** How long a failed reboot waits before ResetRetries tries again. */
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

  /**
   * What a reset needs from the rest of the charge point.
   *
   * @param transactions stops every running transaction, with reason HardReset or SoftReset
   * @param availability refreshes each connector's status as the reset stops it
   * @param securityEvents records the ResetOrReboot security event
   * @param firmwareInstalling whether a firmware image is being installed, when a reset is Rejected
   * @param listener is told the charge point is about to reboot
   * @param platform reboots the board, hard or soft
   * @param stopCharger stops the charge point before the platform reboots it
   * @param bootReasons records why the charge point reboots, durably, before the platform is asked
   */
  public record Parts(Transactions transactions, Availability availability, SecurityEvents securityEvents, BooleanSupplier firmwareInstalling,
      ChargePointListener listener, Platform platform, Runnable stopCharger, BootReasons bootReasons) {}

  private final Scheduler scheduler;
  private final Configuration config;
  private final Counters counters;
  private final Outbox outbox;
  private final List<Connector> connectors;
  private final Parts parts;
  private boolean resetting;

  /**
   * The reset block; it reboots through the platform of {@code parts}.
   *
   * @param scheduler paces the wait for the last transaction messages and the reboot retries
   * @param config holds ResetRetries
   * @param counters counts the failed reboots
   * @param outbox tells whether transaction messages still wait for the central system
   * @param connectors the connectors, whose relays a reset opens
   * @param parts what a reset needs from the rest of the charge point
   */
  public Reset(Scheduler scheduler, Configuration config, Counters counters, Outbox outbox, List<Connector> connectors, Parts parts) {
    this.scheduler = scheduler;
    this.config = config;
    this.counters = counters;
    this.outbox = outbox;
    this.connectors = connectors;
    this.parts = parts;
  }

  /**
   * Answers Reset.req.
   *
   * @param router the router the central system's calls arrive on
   */
  public void register(CallRouter router) {
    router.on(ResetRequest.class, this::reset);
  }

  /** {@return whether a reset was accepted and the reboot is coming} */
  public boolean resetting() {
    return resetting;
  }

  private void reset(ResetRequest r, CallRouter.Reply reply) {
    if (resetting || parts.firmwareInstalling().getAsBoolean()) {
      reply.answer(new ResetResponse(ResetStatus.REJECTED));
      return;
    }
    resetting = true;
    reply.answer(new ResetResponse(ResetStatus.ACCEPTED));
    boolean hard = r.type() == ResetType.HARD;
    reply.afterwards(() -> {
      parts.transactions().stopAll(hard ? Reason.HARD_RESET : Reason.SOFT_RESET);
      parts.securityEvents().raise(SecurityEvent.RESET_OR_REBOOT, r.type().ocppValue() + " reset asked by the central system");
      connectors.forEach(c -> {
        c.dropPendingStart();
        parts.availability().refresh(c);
        c.hardware().relay().open();
      });
      rebootWhenDrained(hard ? Platform.RebootKind.HARD : Platform.RebootKind.SOFT);
    });
  }

  /**
   * Reboots once the transaction messages are delivered (or the link is down, or 10 seconds are up).
   *
   * @param kind the reboot asked for: Soft or Hard for a Reset.req, or Firmware to run a newly installed image
   */
  public void rebootWhenDrained(Platform.RebootKind kind) {
    awaitDrained(scheduler.now().plus(DRAIN_LIMIT), () -> reboot(kind));
  }

  private void reboot(Platform.RebootKind kind) {
    LOG.log(Level.INFO, "rebooting ({0})", kind);
    // the outcome comes back on the loop, which stopping the charger ends: record first, stop after
    parts.bootReasons().recordThen(kind, () -> {
      parts.listener().onRebooting();
      parts.stopCharger().run();
      attemptReboot(kind, config.integer(CoreKeys.RESET_RETRIES));
    });
  }

  /** A platform that fails to reboot is asked again, ResetRetries times. */
  private void attemptReboot(Platform.RebootKind kind, int retriesLeft) {
    try {
      parts.platform().reboot(kind);
    } catch (RuntimeException e) {
      counters.increment("reset.failed");
      if (retriesLeft > 0) {
        LOG.log(Level.WARNING, "the reboot failed; " + retriesLeft + " more attempt(s) (ResetRetries)", e);
        scheduler.schedule(RETRY_PAUSE, () -> attemptReboot(kind, retriesLeft - 1));
      } else {
        LOG.log(Level.ERROR, "the reboot failed and ResetRetries are used up; the charge point stays stopped", e);
      }
    }
  }

  private void awaitDrained(Instant deadline, Runnable then) {
    if (outbox.pendingTransactionMessages().isEmpty() || !outbox.canSendNow() || !scheduler.now().isBefore(deadline)) {
      then.run();
      return;
    }
    scheduler.schedule(Duration.ofMillis(100), () -> awaitDrained(deadline, then));
  }
}
